import { createHash } from 'node:crypto';
import { fieldErrors, type Upload, uuidv7, ValidationFailed } from '@lifelong/core';
import type { Ctx } from '../context.js';
import { personIdOf } from '../context.js';
import { ScopeExists } from '../errors.js';
import { invalidField } from '../field-error.js';
import { managedScope, readableScope } from '../shared/access.js';
import { isDay } from '../shared/periods.js';
import { type NewPoint, recordPoints } from '../shared/record.js';
import type { ResolvedScope } from '../shared/scopes.js';
import { parseCsv } from './csv.js';
import { type CreateScopeBody, PointInput } from './schemas.js';
import * as store from './store.js';

export async function createScope(ctx: Ctx, body: CreateScopeBody) {
  const parent = await managedScope(ctx, body.parentType, body.parentId);
  if (body.scopeType === 'teacher' && !(await ctx.identity.personById(body.scopeId))) {
    throw invalidField('/body/scopeId', 'person', 'A teacher scope is named by the teacher’s person id.');
  }
  await store.noteInstitution(ctx.db, parent, ctx.now());
  const row = await store.insertScope(ctx.db, {
    scopeType: body.scopeType,
    scopeId: body.scopeId,
    regionId: parent.regionId,
    institutionId: parent.institutionId,
    parentType: parent.scopeType,
    parentId: parent.scopeId,
    name: body.name,
    createdAt: ctx.now(),
  });
  if (!row) throw ScopeExists({ detail: `The ${body.scopeType} "${body.scopeId}" is already registered.` });
  return store.scopeView(row);
}

export async function listChildren(ctx: Ctx, scopeType: string, scopeId: string) {
  const scope = await readableScope(ctx, scopeType, scopeId);
  return { items: await store.children(ctx.db, scope.scopeType, scope.scopeId) };
}

function checkDays(points: readonly { date: string }[], prefix: (i: number) => string) {
  const errors = points.flatMap((p, i) =>
    isDay(p.date) ? [] : [{ path: `${prefix(i)}/date`, rule: 'day', message: 'Not a calendar day (YYYY-MM-DD).' }],
  );
  if (errors.length > 0) throw ValidationFailed({ detail: 'Some dates are not calendar days.', errors });
}

const entered = (ctx: Ctx, scope: ResolvedScope, source: 'manual' | 'csv', p: PointInput, key: string): NewPoint => ({
  scope,
  element: p.element,
  occurredOn: p.date,
  value: p.value,
  source,
  sourceKey: key,
  recordedBy: personIdOf(ctx),
});

export async function enterPoints(ctx: Ctx, scopeType: string, scopeId: string, points: PointInput[]) {
  const scope = await managedScope(ctx, scopeType, scopeId);
  checkDays(points, (i) => `/body/points/${i}`);
  await store.noteInstitution(ctx.db, scope, ctx.now());
  return recordPoints(
    ctx.db,
    points.map((p) => entered(ctx, scope, 'manual', p, `manual:${p.key ?? uuidv7()}`)),
    ctx.now(),
  );
}

export async function uploadPoints(ctx: Ctx, scopeType: string, scopeId: string, upload: Upload) {
  const scope = await managedScope(ctx, scopeType, scopeId);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(upload.bytes);
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const columns = (header ?? []).map((c) => c.trim());
  for (const required of ['element', 'date', 'value']) {
    if (!columns.includes(required)) throw invalidField('/header', 'column', `The header row lacks "${required}".`);
  }
  if (rows.length === 0) throw invalidField('/rows', 'minItems', 'The file has no rows.');
  if (rows.length > ctx.config.maxUploadRows) {
    throw invalidField('/rows', 'maxItems', `At most ${ctx.config.maxUploadRows} rows per upload.`);
  }
  const points = rows.map((cells) => {
    const at = (name: string) => cells[columns.indexOf(name)]?.trim() ?? '';
    const value = Number(at('value'));
    return {
      element: at('element'),
      date: at('date'),
      value: at('value') === '' || !Number.isFinite(value) ? (at('value') as unknown as number) : value,
      ...(columns.includes('key') && at('key') !== '' ? { key: at('key') } : {}),
    };
  });
  const errors = points.flatMap((p, i) => fieldErrors(PointInput, p, `/rows/${i + 1}`));
  if (errors.length > 0) throw ValidationFailed({ detail: 'Some rows are invalid; nothing was recorded.', errors });
  checkDays(points, (i) => `/rows/${i + 1}`);
  const hash = createHash('sha256').update(upload.bytes).digest('hex');
  await store.noteInstitution(ctx.db, scope, ctx.now());
  return recordPoints(
    ctx.db,
    points.map((p, i) =>
      entered(ctx, scope, 'csv', p as PointInput, p.key ? `manual:${p.key}` : `csv:${hash}:${i + 1}`),
    ),
    ctx.now(),
  );
}

export async function listPoints(
  ctx: Ctx,
  scopeType: string,
  scopeId: string,
  query: { limit?: number; cursor?: string; element?: string },
) {
  const scope = await managedScope(ctx, scopeType, scopeId);
  return store.listPoints(ctx.db, scope, { element: query.element }, query.limit ?? 50, query.cursor);
}
