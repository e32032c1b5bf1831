import type { TableDistribution } from '@lifelong/core';
import { index, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { learningRecords } from '../schema.js';

/**
 * LRS credentials: a key and a secret an institution's LRS clients send as HTTP Basic. The
 * secret is stored only as a SHA-256 hash (it is 192 random bits, so a slow password hash buys
 * nothing and would cost every statement request).
 */
export const credentials = learningRecords.table(
  'credentials',
  {
    id: uuid('id').primaryKey(),
    institutionId: uuid('institution_id').notNull(),
    regionId: text('region_id').notNull(),
    name: text('name').notNull(),
    key: text('key').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('credentials_key').on(t.key), index('credentials_institution').on(t.institutionId, t.id)],
);

export const credentialsDistribution: readonly TableDistribution[] = [
  // A few rows per institution, read on every xAPI request by key: copied to every node.
  { table: credentials, kind: 'reference' },
];
