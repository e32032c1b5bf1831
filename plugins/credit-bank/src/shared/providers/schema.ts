import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { check, index, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { creditBank } from '../../schema.js';

/**
 * Accreditations of providers: an institution may award (issue records and certificates for)
 * and/or verify (review certificates for) credits of some stages and levels, from `valid_from`
 * until `valid_to` (open-ended when null). Empty stage or level lists mean "any".
 */
export const providers = creditBank.table(
  'providers',
  {
    id: uuid('id').primaryKey(),
    institutionId: uuid('institution_id').notNull(),
    regionId: text('region_id').notNull(),
    capabilities: jsonb('capabilities').$type<('award' | 'verify')[]>().notNull(),
    stages: jsonb('stages').$type<string[]>().notNull().default([]),
    levels: jsonb('levels').$type<string[]>().notNull().default([]),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validTo: timestamp('valid_to', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('providers_institution_idx').on(t.institutionId),
    index('providers_region_idx').on(t.regionId, t.id),
    check('providers_validity_ordered', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/** Placement on a distributed cluster (docs/scale.md): accreditations are a catalogue. */
export const providersDistribution: readonly TableDistribution[] = [{ table: providers, kind: 'reference' }];
