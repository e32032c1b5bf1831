import { type FieldError, toPage, ValidationFailed } from '@lifelong/core';
import type { Ctx } from '../context.js';
import { personOf } from '../context.js';
import { DEFAULT_TEMPLATE_ID, defaultTemplate } from '../shared/default-template.js';
import type { TemplateDefinition } from '../shared/template-schema.js';
import { findTemplate, type TemplateRow } from '../shared/templates.js';
import type { Template } from './schemas.js';
import { insertTemplate, nextVersion, regionTemplates } from './store.js';

const view = (row: TemplateRow): Template => ({
  id: row.id,
  regionId: row.regionId,
  key: row.key,
  version: row.version,
  definition: row.definition,
  createdAt: row.createdAt?.toISOString() ?? null,
});

const builtIn: Template = {
  id: DEFAULT_TEMPLATE_ID,
  regionId: null,
  key: defaultTemplate.key,
  version: 1,
  definition: defaultTemplate,
  createdAt: null,
};

const duplicates = (values: string[]) => values.findIndex((v, i) => values.indexOf(v) !== i);

/** What the schema cannot say about a template: orders, counts and uniqueness. */
export function definitionErrors(d: TemplateDefinition): FieldError[] {
  const errors: FieldError[] = [];
  if (d.scale.max <= d.scale.min) {
    errors.push({
      path: '/body/scale/max',
      rule: 'scaleOrder',
      message: 'The highest grade must be above the lowest.',
    });
  } else if (d.scale.labels.length > 0 && d.scale.labels.length !== d.scale.max - d.scale.min + 1) {
    errors.push({
      path: '/body/scale/labels',
      rule: 'labelCount',
      message: `Give one label per grade (${d.scale.max - d.scale.min + 1}) or none.`,
    });
  }
  const dupIndicator = duplicates(d.indicators.map((i) => i.code));
  if (dupIndicator >= 0) {
    errors.push({
      path: `/body/indicators/${dupIndicator}/code`,
      rule: 'unique',
      message: 'Indicator codes are unique.',
    });
  }
  const dupStage = duplicates(d.stages.map((s) => s.key));
  if (dupStage >= 0)
    errors.push({ path: `/body/stages/${dupStage}/key`, rule: 'unique', message: 'Stage keys are unique.' });
  d.stages.forEach((stage, s) => {
    const dup = duplicates(stage.milestones.map((m) => m.key));
    if (dup >= 0) {
      errors.push({
        path: `/body/stages/${s}/milestones/${dup}/key`,
        rule: 'unique',
        message: 'Milestone keys are unique within a stage.',
      });
    }
  });
  return errors;
}

export async function createTemplate(ctx: Ctx, definition: TemplateDefinition) {
  const createdBy = personOf(ctx);
  ctx.require('templates.manage', { regionId: ctx.regionId });
  const errors = definitionErrors(definition);
  if (errors.length > 0) throw ValidationFailed({ detail: errors[0]?.message, errors });
  const version = await nextVersion(ctx.db, ctx.regionId, definition.key);
  return view(
    await insertTemplate(ctx.db, { regionId: ctx.regionId, version, definition, createdBy, createdAt: ctx.now() }),
  );
}

export async function listTemplates(ctx: Ctx, query: { limit?: number; cursor?: string }) {
  const limit = query.limit ?? 50;
  const rows = await regionTemplates(ctx.db, ctx.regionId, limit, query.cursor);
  const page = toPage(rows, limit, (r) => ({ id: r.id }), view);
  return query.cursor ? page : { ...page, items: [builtIn, ...page.items] };
}

export async function getTemplate(ctx: Ctx, templateId: string) {
  if (templateId === DEFAULT_TEMPLATE_ID) return builtIn;
  return view(await findTemplate(ctx.db, ctx.regionId, templateId));
}
