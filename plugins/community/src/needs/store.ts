import { afterIdCursor, type Queryable, toPage, uuidv7 } from '@lifelong/core';
import { and, eq, lte } from 'drizzle-orm';
import { idKey } from '../context.js';
import { type NeedRow, needs, type OfferRow, offers } from './schema.js';
import type { Need } from './schemas.js';

export const needView = (row: NeedRow): Need => ({
  id: row.id,
  regionId: row.regionId,
  personId: row.personId,
  title: row.title,
  description: row.description,
  stage: row.stage,
  format: row.format,
  bountyPoints: String(row.bountyPoints),
  status: row.status,
  escrowTransferId: row.escrowTransferId,
  payoutTransferId: row.payoutTransferId,
  acceptedOfferId: row.acceptedOfferId,
  deadline: row.deadline.toISOString(),
  createdAt: row.createdAt.toISOString(),
  resolvedAt: row.resolvedAt ? row.resolvedAt.toISOString() : null,
});

export const offerView = (row: OfferRow) => ({
  id: row.id,
  needId: row.needId,
  providerPersonId: row.providerPersonId,
  message: row.message,
  createdAt: row.createdAt.toISOString(),
});

export async function insertNeed(db: Queryable, values: typeof needs.$inferInsert): Promise<NeedRow> {
  const [row] = await db.insert(needs).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function needRow(db: Queryable, regionId: string, needId: string, lock = false) {
  const query = db
    .select()
    .from(needs)
    .where(and(eq(needs.id, needId), eq(needs.regionId, regionId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Locks a need by id alone (the expiry job works across regions). */
export async function lockNeed(db: Queryable, needId: string) {
  const [row] = await db.select().from(needs).where(eq(needs.id, needId)).for('update');
  return row ?? null;
}

export async function updateNeed(db: Queryable, needId: string, values: Partial<NeedRow>): Promise<NeedRow> {
  const [row] = await db.update(needs).set(values).where(eq(needs.id, needId)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

export async function listNeeds(db: Queryable, regionId: string, limit: number, cursor?: string) {
  const rows = await db
    .select()
    .from(needs)
    .where(and(eq(needs.regionId, regionId), afterIdCursor(needs.id, cursor)))
    .orderBy(needs.id)
    .limit(limit + 1);
  return toPage(rows, limit, idKey, needView);
}

/** Open needs whose deadline has passed, oldest deadline first. */
export async function dueNeeds(db: Queryable, now: Date, limit: number) {
  return db
    .select({ id: needs.id })
    .from(needs)
    .where(and(eq(needs.status, 'open'), lte(needs.deadline, now)))
    .orderBy(needs.deadline)
    .limit(limit);
}

export async function insertOffer(db: Queryable, values: Omit<OfferRow, 'id'>): Promise<OfferRow | null> {
  const [row] = await db
    .insert(offers)
    .values({ id: uuidv7(), ...values })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function offerRow(db: Queryable, needId: string, offerId: string) {
  const [row] = await db
    .select()
    .from(offers)
    .where(and(eq(offers.needId, needId), eq(offers.id, offerId)));
  return row ?? null;
}

export async function listOffers(
  db: Queryable,
  needId: string,
  providerPersonId: string | null,
  limit: number,
  cursor?: string,
) {
  const rows = await db
    .select()
    .from(offers)
    .where(
      and(
        eq(offers.needId, needId),
        providerPersonId ? eq(offers.providerPersonId, providerPersonId) : undefined,
        afterIdCursor(offers.id, cursor),
      ),
    )
    .orderBy(offers.id)
    .limit(limit + 1);
  return toPage(rows, limit, idKey, offerView);
}
