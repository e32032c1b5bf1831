import type { FieldError } from '@lifelong/core';
import { ValidationFailed } from '@lifelong/core';
import type { Ctx } from '../context.js';
import { NeedNotFound, NeedStatusConflict, OccupationNotFound } from '../errors.js';
import { NeedPublished } from '../events.js';
import { callerCompany, companyOf } from '../shared/access.js';
import { regionOccupationExists, regionSkillIds } from '../shared/catalogue.js';
import { ownNeed, readableNeed } from '../shared/need-access.js';
import type { NeedRow } from '../shared/tables.js';
import type { NeedBody, NeedListQuery } from './schemas.js';
import * as store from './store.js';

// Needs' rules: an accredited company of the region writes its needs, publishes and closes them;
// every edit is a version; learners see published needs.

/** The body's skills, checked against the region's taxonomies. */
async function needFields(ctx: Ctx, body: NeedBody) {
  const errors: FieldError[] = [];
  const known = await regionSkillIds(
    ctx.db,
    ctx.regionId,
    body.skills.map((s) => s.skillId),
  );
  const seen = new Set<string>();
  body.skills.forEach((skill, i) => {
    if (!known.has(skill.skillId)) {
      errors.push({ path: `/body/skills/${i}/skillId`, rule: 'skillExists', message: 'No such skill in this region.' });
    } else if (seen.has(skill.skillId)) {
      errors.push({ path: `/body/skills/${i}/skillId`, rule: 'uniqueSkill', message: 'Each skill is listed once.' });
    }
    seen.add(skill.skillId);
  });
  if (errors.length > 0) throw ValidationFailed({ detail: errors[0]?.message, errors: errors.slice(0, 20) });
  if (body.occupationId && !(await regionOccupationExists(ctx.db, ctx.regionId, body.occupationId))) {
    throw OccupationNotFound({ detail: `No occupation ${body.occupationId} in region "${ctx.regionId}".` });
  }
  return {
    title: body.title,
    occupationId: body.occupationId ?? null,
    skills: body.skills.map((s) => ({
      skillId: s.skillId,
      essential: s.essential,
      requiredLevel: s.requiredLevel,
      importance: s.importance ?? 3,
    })),
    headcount: body.headcount,
    deadline: body.deadline ?? null,
  };
}

async function saved(ctx: Ctx, row: NeedRow) {
  const [view] = await store.needViews(ctx.db, [row]);
  if (!view) throw new Error('no view');
  return view;
}

export async function createNeed(ctx: Ctx, body: NeedBody) {
  const company = await companyOf(ctx);
  const fields = await needFields(ctx, body);
  const now = ctx.now();
  const row = await store.insertNeed(ctx.db, {
    regionId: ctx.regionId,
    institutionId: company.id,
    ...fields,
    status: 'draft',
    version: 1,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
  });
  const view = await saved(ctx, row);
  await store.insertVersion(ctx.db, view, now);
  return view;
}

export async function listNeeds(ctx: Ctx, query: NeedListQuery) {
  const company = await callerCompany(ctx);
  const all = ctx.can('needs.read', { regionId: ctx.regionId });
  return store.listNeeds(
    ctx.db,
    { regionId: ctx.regionId, institutionId: company && !all ? company.id : null, all, status: query.status },
    query.limit ?? 50,
    query.cursor,
  );
}

export async function getNeed(ctx: Ctx, needId: string) {
  return saved(ctx, await readableNeed(ctx, needId));
}

export async function updateNeed(ctx: Ctx, needId: string, body: NeedBody) {
  const need = await ownNeed(ctx, needId, true);
  if (need.status === 'closed') throw NeedStatusConflict({ detail: 'A closed need is not edited any more.' });
  const fields = await needFields(ctx, body);
  const now = ctx.now();
  const row = await store.updateNeed(ctx.db, need.id, { ...fields, version: need.version + 1, updatedAt: now });
  const view = await saved(ctx, row);
  await store.insertVersion(ctx.db, view, now);
  return view;
}

export async function publishNeed(ctx: Ctx, needId: string) {
  const need = await ownNeed(ctx, needId, true);
  if (need.status !== 'draft') throw NeedStatusConflict({ detail: `The need is ${need.status}, not a draft.` });
  const now = ctx.now();
  const row = await store.updateNeed(ctx.db, need.id, { status: 'open', publishedAt: now, updatedAt: now });
  await ctx.emit(
    NeedPublished,
    {
      needId: row.id,
      institutionId: row.institutionId,
      regionId: row.regionId,
      version: row.version,
      skills: row.skills.length,
    },
    { key: row.id },
  );
  return saved(ctx, row);
}

export async function closeNeed(ctx: Ctx, needId: string) {
  const need = await ownNeed(ctx, needId, true);
  if (need.status !== 'open') throw NeedStatusConflict({ detail: `The need is ${need.status}, not open.` });
  return saved(ctx, await store.updateNeed(ctx.db, need.id, { status: 'closed', updatedAt: ctx.now() }));
}

export async function getNeedVersion(ctx: Ctx, needId: string, version: number) {
  const need = await readableNeed(ctx, needId);
  const mayOversee =
    ctx.can('needs.read', { regionId: need.regionId }) ||
    (await ownNeed(ctx, needId).then(
      () => true,
      () => false,
    ));
  const row = mayOversee ? await store.versionOf(ctx.db, need.id, version) : null;
  if (!row) throw NeedNotFound({ detail: `No version ${version} of need ${needId} you may see.` });
  return {
    needId: row.needId,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    need: row.snapshot as never,
  };
}
