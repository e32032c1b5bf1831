import { afterIdCursor, type Queryable, toPage, uuidv7 } from '@lifelong/core';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { iso } from '../context.js';
import { credentials } from './schema.js';
import type { SCOPES } from './schemas.js';

type Row = typeof credentials.$inferSelect;

export const credentialView = (row: Row) => ({
  id: row.id,
  institutionId: row.institutionId,
  name: row.name,
  key: row.key,
  scopes: row.scopes as (typeof SCOPES)[number][],
  createdAt: row.createdAt.toISOString(),
  revokedAt: iso(row.revokedAt),
});

export async function insertCredential(db: Queryable, values: Omit<Row, 'id' | 'revokedAt'>): Promise<Row> {
  const [row] = await db
    .insert(credentials)
    .values({ id: uuidv7(), ...values })
    .returning();
  return row as Row;
}

export async function listCredentialRows(db: Queryable, institutionId: string, limit: number, cursor?: string) {
  const rows = await db
    .select()
    .from(credentials)
    .where(and(eq(credentials.institutionId, institutionId), afterIdCursor(credentials.id, cursor)))
    .orderBy(asc(credentials.id))
    .limit(limit + 1);
  return toPage(rows, limit, (row) => ({ id: row.id }), credentialView);
}

export async function findCredential(db: Queryable, id: string): Promise<Row | undefined> {
  const [row] = await db.select().from(credentials).where(eq(credentials.id, id));
  return row;
}

export async function revokeCredentialRow(db: Queryable, id: string, at: Date): Promise<void> {
  await db
    .update(credentials)
    .set({ revokedAt: at })
    .where(and(eq(credentials.id, id), isNull(credentials.revokedAt)));
}
