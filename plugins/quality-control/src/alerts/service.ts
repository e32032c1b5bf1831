import { uuidv7 } from '@lifelong/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx, JobCtx } from '../context.js';
import { personIdOf } from '../context.js';
import { ActionNotFound, AlertNotFound, AlreadyVerified, NotYetMeasurable } from '../errors.js';
import { ActionVerified, AlertRaised } from '../events.js';
import { invalidField } from '../field-error.js';
import { libraryIndicator, managedScope } from '../shared/access.js';
import { library } from '../shared/library.js';
import { observe, standardsOf } from '../shared/observe.js';
import { isDay, nextPeriod, PERIOD_PATTERNS, periodsOf, previousPeriod } from '../shared/periods.js';
import { actions, aggregates, alerts } from '../shared/schema.js';
import { mayManage, resolveScope } from '../shared/scopes.js';
import type { CreateActionBody } from './schemas.js';
import * as store from './store.js';

const ownerOf = (scope: { scopeType: string; scopeId: string }) =>
  scope.scopeType === 'region'
    ? { ownerRole: 'region-admin', ownerPersonId: null }
    : scope.scopeType === 'teacher'
      ? { ownerRole: 'teacher', ownerPersonId: scope.scopeId }
      : { ownerRole: 'registrar', ownerPersonId: null };

/**
 * The `raise-alerts` job: for every enabled region and indicator of its library, each scope with
 * data in the last complete period whose observation is red gets one alert (once per period),
 * and `quality-control.alert.raised` is emitted.
 */
export async function raiseAlerts(ctx: JobCtx): Promise<void> {
  const today = ctx.now().toISOString().slice(0, 10);
  for (const regionId of await ctx.enabledRegions()) {
    const config = await ctx.configFor(regionId);
    for (const indicator of await library(ctx.db, regionId)) {
      const period = previousPeriod(periodsOf(today)[indicator.periodType]);
      const measured = await ctx.db
        .selectDistinct({ scopeType: aggregates.scopeType, scopeId: aggregates.scopeId })
        .from(aggregates)
        .where(
          and(
            eq(aggregates.element, indicator.numerator.element),
            eq(aggregates.periodType, indicator.periodType),
            eq(aggregates.period, period),
          ),
        );
      for (const at of measured) {
        const scope = await resolveScope(ctx, regionId, at.scopeType, at.scopeId);
        if (!scope) continue;
        const [observation] = await observe(ctx.db, scope, indicator, period, period, config.maxSeriesPeriods);
        if (observation?.status !== 'red' || observation.value === null) continue;
        const standard = (await standardsOf(ctx.db, scope, indicator))(period);
        const owner = ownerOf(scope);
        const [row] = await ctx.db
          .insert(alerts)
          .values({
            id: uuidv7(),
            scopeType: scope.scopeType,
            scopeId: scope.scopeId,
            regionId,
            institutionId: scope.institutionId,
            code: indicator.code,
            period,
            value: observation.value,
            target: standard.target,
            threshold: standard.threshold,
            ...owner,
            status: 'open',
            raisedAt: ctx.now(),
          })
          .onConflictDoNothing()
          .returning();
        if (!row) continue;
        await ctx.emit(
          AlertRaised,
          {
            alertId: row.id,
            regionId,
            scopeType: row.scopeType,
            scopeId: row.scopeId,
            institutionId: row.institutionId,
            code: row.code,
            period,
            value: row.value,
            target: row.target,
            threshold: row.threshold,
            ownerRole: row.ownerRole,
            ownerPersonId: row.ownerPersonId,
          },
          { key: `${row.scopeType}:${row.scopeId}`, regionId },
        );
      }
    }
  }
}

export async function listAlerts(ctx: Ctx, query: { limit?: number; cursor?: string; status?: string }) {
  const all = ctx.can('manage', { regionId: ctx.regionId });
  const institutionIds =
    ctx.principal.kind === 'anonymous'
      ? []
      : ctx.principal.roles
          .flatMap((g) => (g.scope.type === 'institution' ? [g.scope.id] : []))
          .filter((institutionId) => ctx.can('manage', { institutionId }));
  return store.listAlerts(
    ctx.db,
    { regionId: ctx.regionId, all, institutionIds, personId: personIdOf(ctx), status: query.status },
    query.limit ?? 50,
    query.cursor,
  );
}

/** May the caller handle the row (its owner, or a manager of its scope)? */
async function mayHandle(
  ctx: Ctx,
  row: { regionId: string; scopeType: string; scopeId: string; ownerPersonId: string | null },
) {
  if (row.ownerPersonId && row.ownerPersonId === personIdOf(ctx)) return true;
  const scope = await resolveScope(ctx, row.regionId, row.scopeType, row.scopeId);
  return scope !== null && mayManage(ctx, scope);
}

export async function acknowledgeAlert(ctx: Ctx, alertId: string) {
  const row = await store.alertById(ctx.db, ctx.regionId, alertId);
  if (!row || !(await mayHandle(ctx, row))) throw AlertNotFound({ detail: `No alert ${alertId} you may see.` });
  if (row.status === 'acknowledged') return store.alertView(row);
  const [updated] = await ctx.db
    .update(alerts)
    .set({ status: 'acknowledged', acknowledgedBy: personIdOf(ctx), acknowledgedAt: ctx.now() })
    .where(and(eq(alerts.scopeId, row.scopeId), eq(alerts.id, row.id)))
    .returning();
  return store.alertView(updated ?? row);
}

export async function createAction(ctx: Ctx, body: CreateActionBody) {
  const indicator = await libraryIndicator(ctx, body.code);
  const scope = await managedScope(ctx, body.scopeType, body.scopeId);
  if (!PERIOD_PATTERNS[indicator.periodType].test(body.baselinePeriod)) {
    throw invalidField(
      '/body/baselinePeriod',
      'periodType',
      `"${indicator.code}" is measured per ${indicator.periodType}.`,
    );
  }
  if (!isDay(body.dueOn)) throw invalidField('/body/dueOn', 'day', 'Not a calendar day (YYYY-MM-DD).');
  if (!(await ctx.identity.personById(body.ownerPersonId))) {
    throw invalidField('/body/ownerPersonId', 'person', 'No such person.');
  }
  if (body.alertId) {
    const alert = await store.alertById(ctx.db, ctx.regionId, body.alertId);
    if (!alert || alert.scopeId !== scope.scopeId || alert.code !== indicator.code) {
      throw AlertNotFound({ detail: `No alert ${body.alertId} for this scope and indicator.` });
    }
  }
  const standard = (await standardsOf(ctx.db, scope, indicator))(nextPeriod(body.baselinePeriod));
  const [row] = await ctx.db
    .insert(actions)
    .values({
      id: uuidv7(),
      scopeType: scope.scopeType,
      scopeId: scope.scopeId,
      regionId: scope.regionId,
      institutionId: scope.institutionId,
      code: indicator.code,
      alertId: body.alertId ?? null,
      diagnosis: body.diagnosis,
      ownerPersonId: body.ownerPersonId,
      dueOn: body.dueOn,
      baselinePeriod: body.baselinePeriod,
      status: 'planned',
      margin: standard.margin,
      createdBy: personIdOf(ctx),
      createdAt: ctx.now(),
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return store.actionView(row);
}

async function handledAction(ctx: Ctx, actionId: string, lock = false) {
  const row = await store.actionById(ctx.db, ctx.regionId, actionId, lock);
  if (!row || !(await mayHandle(ctx, row))) throw ActionNotFound({ detail: `No action ${actionId} you may see.` });
  return row;
}

export const getAction = async (ctx: Ctx, actionId: string) => store.actionView(await handledAction(ctx, actionId));

export async function setActionStatus(ctx: Ctx, actionId: string, status: 'in-progress' | 'done') {
  const row = await handledAction(ctx, actionId, true);
  if (row.status === 'verified') throw AlreadyVerified({ detail: 'A verified action is final.' });
  const [updated] = await ctx.db
    .update(actions)
    .set({ status })
    .where(and(eq(actions.scopeId, row.scopeId), eq(actions.id, row.id)))
    .returning();
  return store.actionView(updated ?? row);
}

const round = (v: number) => Math.round(v * 100) / 100;

export async function verifyAction(ctx: Ctx, actionId: string) {
  const row = await store.actionById(ctx.db, ctx.regionId, actionId, true);
  const scope = row && (await resolveScope(ctx, row.regionId, row.scopeType, row.scopeId));
  if (!row || !scope || !mayManage(ctx, scope)) throw ActionNotFound({ detail: `No action ${actionId} you may see.` });
  if (row.status === 'verified') throw AlreadyVerified({ detail: `Judged ${row.verdict} already.` });
  const indicator = await libraryIndicator(ctx, row.code);
  const next = nextPeriod(row.baselinePeriod);
  const [before, after] = await observe(ctx.db, scope, indicator, row.baselinePeriod, next, 2);
  if (!before || !after || before.value === null || after.value === null) {
    throw NotYetMeasurable({
      detail: `The baseline ${row.baselinePeriod} and the period ${next} both need a published (unsuppressed) value.`,
      extensions: { baseline: before?.status ?? null, next: after?.status ?? null },
    });
  }
  const moved = indicator.direction === 'higher-is-better' ? after.value - before.value : before.value - after.value;
  const verdict = round(moved) >= row.margin ? 'effective' : 'ineffective';
  const [updated] = await ctx.db
    .update(actions)
    .set({ status: 'verified', baselineValue: before.value, nextValue: after.value, verdict, verifiedAt: ctx.now() })
    .where(and(eq(actions.scopeId, row.scopeId), eq(actions.id, row.id), sql`${actions.status} <> 'verified'`))
    .returning();
  if (!updated) throw AlreadyVerified({ detail: 'Judged already.' });
  await ctx.emit(
    ActionVerified,
    {
      actionId: row.id,
      regionId: row.regionId,
      scopeType: row.scopeType,
      scopeId: row.scopeId,
      institutionId: row.institutionId,
      code: row.code,
      baselinePeriod: row.baselinePeriod,
      period: next,
      baselineValue: before.value,
      value: after.value,
      margin: row.margin,
      verdict,
    },
    { key: `${row.scopeType}:${row.scopeId}` },
  );
  return store.actionView(updated);
}
