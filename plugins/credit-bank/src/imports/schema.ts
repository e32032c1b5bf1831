import type { FieldError, TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { creditBank } from '../schema.js';

/** A bulk import of learning records by an institution, with its progress and counts. */
export const imports = creditBank.table(
  'imports',
  {
    id: uuid('id').primaryKey(),
    institutionId: uuid('institution_id').notNull(),
    regionId: text('region_id').notNull(),
    submittedBy: text('submitted_by').notNull(),
    format: text('format', { enum: ['json', 'csv'] }).notNull(),
    status: text('status', { enum: ['processing', 'completed'] }).notNull(),
    total: integer('total').notNull(),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    duplicates: integer('duplicates').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('imports_institution_idx').on(t.institutionId, t.id),
    index('imports_status_idx').on(t.status, t.id),
    check(
      'imports_counts',
      sql`${t.processed} = ${t.created} + ${t.duplicates} + ${t.failed} and ${t.processed} <= ${t.total}`,
    ),
  ],
);

/** One submitted row and its result. `payload` is the row as submitted, kept until processed. */
export const importRows = creditBank.table(
  'import_rows',
  {
    importId: uuid('import_id').notNull(),
    index: integer('index').notNull(),
    externalId: text('external_id'),
    payload: jsonb('payload'),
    status: text('status', { enum: ['pending', 'created', 'duplicate', 'error'] }).notNull(),
    recordId: uuid('record_id'),
    errors: jsonb('errors').$type<FieldError[]>(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.index] }),
    index('import_rows_pending_idx').on(t.importId, t.index).where(sql`${t.status} = 'pending'`),
  ],
);

/** Placement on a distributed cluster (docs/scale.md): an import and its rows on one shard. */
export const importsDistribution: readonly TableDistribution[] = [
  { table: imports, kind: 'distributed', column: 'id', colocation: 'credit-bank-import' },
  { table: importRows, kind: 'distributed', column: 'import_id', colocation: 'credit-bank-import' },
];
