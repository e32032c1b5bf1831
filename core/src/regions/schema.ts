import { type AnyPgColumn, boolean, text, timestamp } from 'drizzle-orm/pg-core';
import { coreSchema } from '../db/core-schema.js';
import type { TableDistribution } from '../db/distribution.js';

/** Who operates a deployment's territory: a country, province or city. `default` always exists. */
export const regions = coreSchema.table('regions', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  parentId: text('parent_id').references((): AnyPgColumn => regions.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /**
   * People whose roles here can mint, verify people or administer must sign in with a second
   * factor (docs/identity.md, "Two-factor sign-in").
   */
  twoFactorRequired: boolean('two_factor_required').notNull().default(false),
});

/** Placement on a distributed cluster (docs/scale.md). */
export const regionsDistribution: readonly TableDistribution[] = [{ table: regions, kind: 'reference' }];
