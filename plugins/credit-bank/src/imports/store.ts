import { decodeCursor, type FieldError, type Queryable, toPage } from '@lifelong/core';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { ImportNotFound } from '../shared/errors.js';
import { importRows, imports } from './schema.js';
import type { ImportJob } from './schemas.js';

// The imports' statements: reads for the routes, and the bulk writes of storing an import and
// processing its rows (process.ts holds the rules), each a few statements per chunk.

export type ImportJobRow = typeof imports.$inferSelect;

export const importView = (row: ImportJobRow): ImportJob => ({
  id: row.id,
  institutionId: row.institutionId,
  regionId: row.regionId,
  format: row.format,
  status: row.status,
  total: row.total,
  processed: row.processed,
  created: row.created,
  duplicates: row.duplicates,
  failed: row.failed,
  createdAt: row.createdAt.toISOString(),
  completedAt: row.completedAt?.toISOString() ?? null,
});

export async function findImport(db: Queryable, id: string): Promise<ImportJobRow> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id));
  if (!row) throw ImportNotFound({ detail: `Import ${id} does not exist.` });
  return row;
}

const isIndexKey = (key: unknown): key is { index: number } =>
  typeof key === 'object' && key !== null && Number.isInteger((key as { index?: unknown }).index);

export async function listImportRows(
  db: Queryable,
  importId: string,
  status: (typeof importRows.$inferSelect)['status'] | undefined,
  limit: number,
  cursor: string | undefined,
) {
  const rows = await db
    .select({
      index: importRows.index,
      externalId: importRows.externalId,
      status: importRows.status,
      recordId: importRows.recordId,
      errors: importRows.errors,
    })
    .from(importRows)
    .where(
      and(
        eq(importRows.importId, importId),
        status ? eq(importRows.status, status) : undefined,
        cursor ? gt(importRows.index, decodeCursor(cursor, isIndexKey).index) : undefined,
      ),
    )
    .orderBy(asc(importRows.index))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => ({ index: row.index }),
    (row) => ({ ...row, errors: row.errors ?? [] }),
  );
}

/** What processing decided for one row. */
export interface ImportRowResult {
  index: number;
  status: 'created' | 'duplicate' | 'error';
  recordId: string | null;
  errors: FieldError[] | null;
}

export async function insertImport(db: Queryable, values: typeof imports.$inferInsert): Promise<ImportJobRow> {
  const [created] = await db.insert(imports).values(values).returning();
  if (!created) throw new Error('insert returned no import');
  return created;
}

/** Stores an import's rows as one JSON parameter: a 10,000-row import is one statement. */
export async function insertImportRows(
  db: Queryable,
  importId: string,
  rows: readonly { index: number; externalId: string | null; payload: unknown; status: string; errors: unknown }[],
): Promise<void> {
  await db.execute(sql`
    insert into credit_bank.import_rows (import_id, index, external_id, payload, status, errors)
    select ${importId}::uuid, x.index, x."externalId", x.payload, x.status, x.errors
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(index integer, "externalId" text, payload jsonb, status text, errors jsonb)`);
}

/** Up to `limit` rows of the import still waiting, in order. */
export async function pendingRows(db: Queryable, importId: string, limit: number) {
  return db
    .select({ index: importRows.index, payload: importRows.payload })
    .from(importRows)
    .where(and(eq(importRows.importId, importId), eq(importRows.status, 'pending')))
    .orderBy(asc(importRows.index))
    .limit(limit);
}

/** Writes the rows' results in one statement; processed rows drop their payload. */
export async function saveRowResults(db: Queryable, importId: string, results: readonly ImportRowResult[]) {
  if (results.length === 0) return;
  const json = JSON.stringify(
    results.map((r) => ({ index: r.index, status: r.status, record_id: r.recordId, errors: r.errors })),
  );
  await db.execute(sql`
    update credit_bank.import_rows r
       set status = x.status, record_id = x.record_id, errors = x.errors, payload = null
      from jsonb_to_recordset(${json}::jsonb) as x(index integer, status text, record_id uuid, errors jsonb)
     where r.import_id = ${importId} and r.index = x.index`);
}

export async function updateImport(
  db: Queryable,
  id: string,
  values: Partial<typeof imports.$inferInsert>,
): Promise<ImportJobRow> {
  const [updated] = await db.update(imports).set(values).where(eq(imports.id, id)).returning();
  if (!updated) throw new Error('update returned no import');
  return updated;
}

/** The oldest import still processing, locked; SKIP LOCKED lets another instance take the next one. */
export async function lockNextProcessing(db: Queryable): Promise<ImportJobRow | undefined> {
  const [job] = await db
    .select()
    .from(imports)
    .where(eq(imports.status, 'processing'))
    .orderBy(asc(imports.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return job;
}
