import { index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coreSchema } from '../db/core-schema.js';
import type { TableDistribution } from '../db/distribution.js';

/**
 * Who did what to whom. Append-only: a trigger (migration 0001) rejects UPDATE and DELETE for
 * every database user, including the table's owner.
 */
export const auditLog = coreSchema.table(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorType: text('actor_type').notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    regionId: text('region_id'),
    requestId: text('request_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_region_idx').on(t.regionId, t.id),
    index('audit_log_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_log_action_idx').on(t.action),
  ],
);

/** Placement on a distributed cluster (docs/scale.md): an append-only log, spread by its own id. */
export const auditDistribution: readonly TableDistribution[] = [
  { table: auditLog, kind: 'distributed', column: 'id', colocation: 'audit' },
];
