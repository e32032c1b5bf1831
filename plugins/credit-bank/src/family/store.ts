import { afterIdCursor, type Queryable, toPage } from '@lifelong/core';
import { and, eq, sql } from 'drizzle-orm';
import { familyAllowances, familyTransfers } from './schema.js';

// The family feature's queries: transfers and each sender's yearly allowance row.

export type FamilyTransferRow = typeof familyTransfers.$inferSelect;

export async function insertTransfer(db: Queryable, row: FamilyTransferRow): Promise<void> {
  await db.insert(familyTransfers).values(row);
}

/** A page of the group's transfers, oldest first. */
export async function transfersPage(db: Queryable, groupId: string, cursor: string | undefined, limit: number) {
  const rows = await db
    .select()
    .from(familyTransfers)
    .where(and(eq(familyTransfers.groupId, groupId), afterIdCursor(familyTransfers.id, cursor)))
    .orderBy(familyTransfers.id)
    .limit(limit + 1);
  return toPage(rows, limit, (row) => ({ id: row.id }));
}

/** The sender's converted points this year, with their row locked until the transaction ends. */
export async function lockAllowance(db: Queryable, personId: string, year: number): Promise<bigint> {
  await db.insert(familyAllowances).values({ personId, year }).onConflictDoNothing();
  const [row] = await db
    .select({ sentPoints: familyAllowances.sentPoints })
    .from(familyAllowances)
    .where(and(eq(familyAllowances.personId, personId), eq(familyAllowances.year, year)))
    .for('update');
  return row?.sentPoints ?? 0n;
}

export async function addToAllowance(db: Queryable, personId: string, year: number, points: bigint): Promise<void> {
  await db
    .update(familyAllowances)
    .set({ sentPoints: sql`${familyAllowances.sentPoints} + ${points}` })
    .where(and(eq(familyAllowances.personId, personId), eq(familyAllowances.year, year)));
}

/** What the person converted in `year` (no lock: a read for them). */
export async function sentPointsOf(db: Queryable, personId: string, year: number): Promise<bigint> {
  const [row] = await db
    .select({ sentPoints: familyAllowances.sentPoints })
    .from(familyAllowances)
    .where(and(eq(familyAllowances.personId, personId), eq(familyAllowances.year, year)));
  return row?.sentPoints ?? 0n;
}
