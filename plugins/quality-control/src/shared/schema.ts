import type { TableDistribution } from '@lifelong/core';
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { qualityControl } from '../schema.js';

/** One side of an indicator's fraction: a data element and how its values are aggregated. */
export interface Term {
  element: string;
  aggregation: 'sum' | 'count' | 'average';
}

/**
 * A region's own indicator, versioned: a change is a new version, old versions stay (observations
 * name the version they were computed with). First-party packs live in code (`shared/packs.ts`).
 */
export const indicators = qualityControl.table(
  'indicators',
  {
    regionId: text('region_id').notNull(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.code, t.version] })],
);

/** The first-party packs a region has chosen. */
export const regionPacks = qualityControl.table(
  'region_packs',
  {
    regionId: text('region_id').notNull(),
    packId: text('pack_id').notNull(),
    adoptedBy: uuid('adopted_by'),
    adoptedAt: timestamp('adopted_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.packId] })],
);

/**
 * A scope below the region (programme, course, teacher; institutions are known to the core and
 * registered here on first use) and its parent: data recorded for a scope rolls up its chain.
 */
export const scopes = qualityControl.table(
  'scopes',
  {
    scopeType: text('scope_type').notNull(),
    scopeId: text('scope_id').notNull(),
    regionId: text('region_id').notNull(),
    institutionId: uuid('institution_id'),
    parentType: text('parent_type').notNull(),
    parentId: text('parent_id').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scopeType, t.scopeId] }), index('scopes_parent_idx').on(t.parentType, t.parentId)],
);
export type ScopeRow = typeof scopes.$inferSelect;

/**
 * One recorded value of a data element for a scope on a day, with where it came from (an event,
 * a manual entry, a CSV upload) and who recorded it: the audit trail. `sourceKey` makes every feed
 * idempotent (an event id, an upload's hash and row, an Idempotency-Key).
 */
export const dataPoints = qualityControl.table(
  'data_points',
  {
    id: uuid('id').notNull(),
    scopeType: text('scope_type').notNull(),
    scopeId: text('scope_id').notNull(),
    regionId: text('region_id').notNull(),
    element: text('element').notNull(),
    occurredOn: text('occurred_on').notNull(),
    value: doublePrecision('value').notNull(),
    subjectPersonId: uuid('subject_person_id'),
    source: text('source').notNull(),
    sourceKey: text('source_key').notNull(),
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scopeId, t.id] }),
    uniqueIndex('data_points_source_key').on(t.scopeId, t.sourceKey),
    index('data_points_scope_element_idx').on(t.scopeId, t.element, t.occurredOn),
  ],
);

/**
 * Precomputed aggregates: per scope, data element and period (month, quarter, year), the sum and
 * count of the values recorded for the scope and every scope below it. Series read these only.
 */
export const aggregates = qualityControl.table(
  'aggregates',
  {
    scopeType: text('scope_type').notNull(),
    scopeId: text('scope_id').notNull(),
    element: text('element').notNull(),
    periodType: text('period_type').notNull(),
    period: text('period').notNull(),
    total: doublePrecision('total').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scopeId, t.scopeType, t.element, t.periodType, t.period] })],
);

/** A scope's target and threshold for an indicator, for one period or (`*`) every period. */
export const targets = qualityControl.table(
  'targets',
  {
    scopeType: text('scope_type').notNull(),
    scopeId: text('scope_id').notNull(),
    code: text('code').notNull(),
    period: text('period').notNull(),
    target: doublePrecision('target').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    margin: doublePrecision('margin').notNull(),
    setBy: uuid('set_by'),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scopeId, t.scopeType, t.code, t.period] })],
);

/** A red observation, routed to an owner (a role in the scope, or the teacher), acknowledged. */
export const alerts = qualityControl.table(
  'alerts',
  {
    id: uuid('id').notNull(),
    scopeType: text('scope_type').notNull(),
    scopeId: text('scope_id').notNull(),
    regionId: text('region_id').notNull(),
    institutionId: uuid('institution_id'),
    code: text('code').notNull(),
    period: text('period').notNull(),
    value: doublePrecision('value').notNull(),
    target: doublePrecision('target').notNull(),
    threshold: doublePrecision('threshold').notNull(),
    ownerRole: text('owner_role').notNull(),
    ownerPersonId: uuid('owner_person_id'),
    status: text('status').notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.scopeId, t.id] }),
    uniqueIndex('alerts_once_per_period').on(t.scopeId, t.scopeType, t.code, t.period),
    index('alerts_region_idx').on(t.regionId, t.id),
  ],
);
export type AlertRow = typeof alerts.$inferSelect;

/**
 * An improvement action: a diagnosis, an owner and a due date, checked against the period after
 * its baseline. `verdict` is set once, from data: effective only if the indicator moved the right
 * way by at least the margin.
 */
export const actions = qualityControl.table(
  'actions',
  {
    id: uuid('id').notNull(),
    scopeType: text('scope_type').notNull(),
    scopeId: text('scope_id').notNull(),
    regionId: text('region_id').notNull(),
    institutionId: uuid('institution_id'),
    code: text('code').notNull(),
    alertId: uuid('alert_id'),
    diagnosis: text('diagnosis').notNull(),
    ownerPersonId: uuid('owner_person_id').notNull(),
    dueOn: text('due_on').notNull(),
    baselinePeriod: text('baseline_period').notNull(),
    status: text('status').notNull(),
    margin: doublePrecision('margin').notNull(),
    baselineValue: doublePrecision('baseline_value'),
    nextValue: doublePrecision('next_value'),
    verdict: text('verdict'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.scopeId, t.id] }), index('actions_region_idx').on(t.regionId, t.id)],
);
export type ActionRow = typeof actions.$inferSelect;

/**
 * Placement on a distributed cluster (docs/scale.md). The library and the scope tree are small
 * catalogues read by every request: reference tables. Everything measured goes by scope, so a
 * scope's data points, aggregates, targets, alerts and actions share a shard.
 */
export const qualityDistribution: readonly TableDistribution[] = [
  { table: indicators, kind: 'reference' },
  { table: regionPacks, kind: 'reference' },
  { table: scopes, kind: 'reference' },
  { table: dataPoints, kind: 'distributed', column: 'scope_id', colocation: 'quality-control-scope' },
  { table: aggregates, kind: 'distributed', column: 'scope_id', colocation: 'quality-control-scope' },
  { table: targets, kind: 'distributed', column: 'scope_id', colocation: 'quality-control-scope' },
  { table: alerts, kind: 'distributed', column: 'scope_id', colocation: 'quality-control-scope' },
  { table: actions, kind: 'distributed', column: 'scope_id', colocation: 'quality-control-scope' },
];
