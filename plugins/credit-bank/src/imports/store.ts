import { decodeCursor, type Queryable, toPage } from '@lifelong/core';
import { and, asc, eq, gt } from 'drizzle-orm';
import { ImportNotFound } from '../shared/errors.js';
import { importRows, imports } from './schema.js';
import type { ImportJob } from './schemas.js';

// The imports' read queries. Storing an import and processing its rows (process.ts) keep their
// own statements: they are the job's, chunked and locked.

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
