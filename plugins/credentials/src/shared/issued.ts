import type { Queryable } from '@lifelong/core';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { issued } from './schema.js';

export type IssuedRow = typeof issued.$inferSelect;
export type NewIssued = typeof issued.$inferInsert;

export async function insertIssued(db: Queryable, row: NewIssued): Promise<IssuedRow> {
  const [inserted] = await db.insert(issued).values(row).returning();
  return inserted as IssuedRow;
}

/** An issued credential by id (any person's: the id is the credential's own, printed on it). */
export async function findIssued(db: Queryable, id: string): Promise<IssuedRow | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [row] = await db.select().from(issued).where(eq(issued.id, id));
  return row ?? null;
}

/** A person's credentials not yet revoked; with `recordId`, those that carry that record. */
export const liveCredentials = (db: Queryable, personId: string, recordId?: string) =>
  db
    .select()
    .from(issued)
    .where(
      and(
        eq(issued.personId, personId),
        isNull(issued.revokedAt),
        recordId === undefined ? undefined : sql`${issued.recordIds} @> ${JSON.stringify([recordId])}::jsonb`,
      ),
    )
    .orderBy(issued.id);

export const markRevoked = (db: Queryable, row: IssuedRow, at: Date) =>
  db
    .update(issued)
    .set({ revokedAt: at })
    .where(and(eq(issued.personId, row.personId), eq(issued.id, row.id)));
