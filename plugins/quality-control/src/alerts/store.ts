import { afterIdCursor, type Queryable, toPage } from '@lifelong/core';
import { and, eq, inArray, or, type SQL } from 'drizzle-orm';
import { type ActionRow, type AlertRow, actions, alerts } from '../shared/schema.js';
import type { Action, Alert } from './schemas.js';

export const alertView = (row: AlertRow): Alert => ({
  id: row.id,
  regionId: row.regionId,
  scopeType: row.scopeType,
  scopeId: row.scopeId,
  code: row.code,
  period: row.period,
  value: row.value,
  target: row.target,
  threshold: row.threshold,
  ownerRole: row.ownerRole,
  ownerPersonId: row.ownerPersonId,
  status: row.status as Alert['status'],
  raisedAt: row.raisedAt.toISOString(),
  acknowledgedBy: row.acknowledgedBy,
  acknowledgedAt: row.acknowledgedAt ? row.acknowledgedAt.toISOString() : null,
});

export const actionView = (row: ActionRow): Action => ({
  id: row.id,
  regionId: row.regionId,
  scopeType: row.scopeType,
  scopeId: row.scopeId,
  code: row.code,
  alertId: row.alertId,
  diagnosis: row.diagnosis,
  ownerPersonId: row.ownerPersonId,
  dueOn: row.dueOn,
  baselinePeriod: row.baselinePeriod,
  status: row.status as Action['status'],
  margin: row.margin,
  baselineValue: row.baselineValue,
  nextValue: row.nextValue,
  verdict: row.verdict as Action['verdict'],
  createdAt: row.createdAt.toISOString(),
  verifiedAt: row.verifiedAt ? row.verifiedAt.toISOString() : null,
});

export async function alertById(db: Queryable, regionId: string, id: string) {
  const [row] = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.id, id), eq(alerts.regionId, regionId)));
  return row ?? null;
}

export async function listAlerts(
  db: Queryable,
  filter: {
    regionId: string;
    all: boolean;
    institutionIds: string[];
    personId: string | null;
    status?: string | undefined;
  },
  limit: number,
  cursor: string | undefined,
) {
  const whose: SQL[] = [];
  if (filter.institutionIds.length > 0) whose.push(inArray(alerts.institutionId, filter.institutionIds));
  if (filter.personId) whose.push(eq(alerts.ownerPersonId, filter.personId));
  if (!filter.all && whose.length === 0) return { items: [], nextCursor: null };
  const rows = await db
    .select()
    .from(alerts)
    .where(
      and(
        eq(alerts.regionId, filter.regionId),
        filter.all ? undefined : or(...whose),
        filter.status ? eq(alerts.status, filter.status) : undefined,
        afterIdCursor(alerts.id, cursor),
      ),
    )
    .orderBy(alerts.id)
    .limit(limit + 1);
  return toPage(rows, limit, (r) => ({ id: r.id }), alertView);
}

export async function actionById(db: Queryable, regionId: string, id: string, lock = false) {
  const query = db
    .select()
    .from(actions)
    .where(and(eq(actions.id, id), eq(actions.regionId, regionId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}
