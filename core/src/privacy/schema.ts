import { sql } from 'drizzle-orm';
import { check, index, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coreSchema } from '../db/core-schema.js';
import type { TableDistribution } from '../db/distribution.js';

import { ERASURE_STATUSES } from './statuses.js';

export { ERASURE_STATUSES, type ErasureStatus } from './statuses.js';

/**
 * A request to erase a person (docs/privacy.md): made by the person or a minor's guardian, decided
 * by someone holding `people.erase` in the person's region. On approval the erasure runs in the
 * decision's transaction; `outcome` keeps what each part erased (counts, never values).
 */
export const erasureRequests = coreSchema.table(
  'erasure_requests',
  {
    personId: uuid('person_id').notNull(),
    id: uuid('id').notNull(),
    regionId: text('region_id').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    reason: text('reason'),
    status: text('status', { enum: ERASURE_STATUSES }).notNull().default('pending'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: text('decided_by'),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    outcome: jsonb('outcome').$type<Record<string, Record<string, number>>>(),
  },
  (t) => [
    // Keyed by the person first, like every per-person table (docs/scale.md).
    primaryKey({ columns: [t.personId, t.id] }),
    // The decision queue: a region's requests in one status, oldest first.
    index('erasure_requests_region_status_idx').on(t.regionId, t.status, t.id),
    check('erasure_requests_status_known', sql`${t.status} in ('pending', 'approved', 'rejected', 'cancelled')`),
  ],
);

/** A person's requests live on the person's shard (docs/scale.md). */
export const privacyDistribution: readonly TableDistribution[] = [
  { table: erasureRequests, kind: 'distributed', column: 'person_id', colocation: 'person' },
];
