import type { TableDistribution } from '@lifelong/core';
import { index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { creditBank } from '../schema.js';

/**
 * Links a person made to share (part of) their transcript. Only the token's SHA-256 is kept:
 * the token itself is shown once, at creation. Revoked links stay, with when.
 */
export const transcriptShares = creditBank.table(
  'transcript_shares',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    stages: jsonb('stages').$type<string[]>().notNull().default([]),
    recordIds: jsonb('record_ids').$type<string[]>().notNull().default([]),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('transcript_shares_person_idx').on(t.personId, t.id)],
);

/** Placement on a distributed cluster (docs/scale.md). */
export const transcriptDistribution: readonly TableDistribution[] = [
  { table: transcriptShares, kind: 'distributed', column: 'person_id', colocation: 'person' },
];
