import { type Queryable, uuidv7 } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { flags, type PostRow, posts } from '../shared/schema.js';
import { type AppealRow, appealMessages, appeals } from './schema.js';

export async function insertAppeal(db: Queryable, values: Omit<AppealRow, 'id'>): Promise<AppealRow> {
  const [row] = await db
    .insert(appeals)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function openAppealOf(db: Queryable, postId: string) {
  const [row] = await db
    .select()
    .from(appeals)
    .where(and(eq(appeals.postId, postId), eq(appeals.status, 'open')));
  return row ?? null;
}

export async function appealRow(db: Queryable, regionId: string, appealId: string, lock = false) {
  const query = db
    .select()
    .from(appeals)
    .where(and(eq(appeals.id, appealId), eq(appeals.regionId, regionId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertMessage(db: Queryable, values: Omit<typeof appealMessages.$inferInsert, 'id'>) {
  await db.insert(appealMessages).values({ id: uuidv7(), ...values });
}

export async function messagesOf(db: Queryable, postId: string, appealId: string) {
  return db
    .select()
    .from(appealMessages)
    .where(and(eq(appealMessages.postId, postId), eq(appealMessages.appealId, appealId)))
    .orderBy(appealMessages.id);
}

export async function decideAppeal(db: Queryable, row: AppealRow, values: Partial<AppealRow>) {
  const [updated] = await db
    .update(appeals)
    .set(values)
    .where(and(eq(appeals.postId, row.postId), eq(appeals.id, row.id)))
    .returning();
  if (!updated) throw new Error('update returned no row');
  return updated;
}

/** An overturned decision: the flags it upheld become rejected; returns their flaggers. */
export async function rejectUpheldFlags(db: Queryable, postId: string, at: Date) {
  const rows = await db
    .update(flags)
    .set({ status: 'rejected', decidedAt: at })
    .where(and(eq(flags.postId, postId), eq(flags.status, 'upheld')))
    .returning({ flagger: flags.flaggerPersonId });
  return rows.map((r) => r.flagger);
}

export async function republish(db: Queryable, post: PostRow, at: Date) {
  const [row] = await db
    .update(posts)
    .set({ status: 'published', firstPublishedAt: post.firstPublishedAt ?? at, updatedAt: at })
    .where(eq(posts.id, post.id))
    .returning();
  if (!row) throw new Error('update returned no row');
  return row;
}
