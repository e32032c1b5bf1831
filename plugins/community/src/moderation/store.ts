import { afterIdCursor, decodeCursor, encodeCursor, type Queryable, resultRows, toPage, uuidv7 } from '@lifelong/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { idKey } from '../context.js';
import { actions, type FlagRow, flags, members, type PostRow, posts } from '../shared/schema.js';
import { type SuspensionRow, suspensions } from './schema.js';

export async function insertFlag(db: Queryable, values: Omit<FlagRow, 'id' | 'decidedAt'>): Promise<FlagRow | null> {
  const [row] = await db
    .insert(flags)
    .values({ id: uuidv7(), ...values })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

export async function updatePost(db: Queryable, postId: string, values: Partial<PostRow>): Promise<PostRow> {
  const [row] = await db.update(posts).set(values).where(eq(posts.id, postId)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}

/** Closes the post's open flags as `upheld` or `rejected`; returns the flaggers. */
export async function closeOpenFlags(db: Queryable, postId: string, status: 'upheld' | 'rejected', at: Date) {
  const rows = await db
    .update(flags)
    .set({ status, decidedAt: at })
    .where(and(eq(flags.postId, postId), eq(flags.status, 'open')))
    .returning({ flagger: flags.flaggerPersonId });
  return rows.map((r) => r.flagger);
}

/** The weight of each flag reason in the review score. */
export const REASON_WEIGHTS = { illegal: 10, abuse: 6, spam: 5, offTopic: 2, other: 1 } as const;

export interface QueueKey {
  asOf: string;
  score: number;
  id: string;
}
const isQueueKey = (k: unknown): k is QueueKey => {
  const key = k as QueueKey;
  return (
    typeof k === 'object' &&
    k !== null &&
    typeof key.asOf === 'string' &&
    Number.isFinite(Date.parse(key.asOf)) &&
    Date.parse(key.asOf) > 0 &&
    Date.parse(key.asOf) < Date.UTC(9999, 0) &&
    typeof key.score === 'number' &&
    Number.isFinite(key.score) &&
    typeof key.id === 'string' &&
    /^[0-9a-f-]{36}$/i.test(key.id)
  );
};

/**
 * One page of the region's review queue, highest score first (docs/plugins/community.md):
 *   score = Σ open flags (weight(reason) × accuracy(flagger)) + 2 × spam signals
 *         + (4 − author's trust level) + min(hours waiting, 72) / 24
 *   accuracy = (upheld + 1) / (upheld + rejected + 2) of the flagger's earlier flags.
 * Scores are computed as of the first page's time (carried in the cursor), so pages do not shift.
 */
export async function queuePage(db: Queryable, regionId: string, now: Date, limit: number, cursor?: string) {
  const key = cursor ? decodeCursor(cursor, isQueueKey) : null;
  const asOf = key ? new Date(key.asOf) : now;
  const after = key
    ? sql`where (q.score < ${key.score} or (q.score = ${key.score} and q.id > ${key.id}::uuid))`
    : sql``;
  const weight = sql.raw(
    `case fl.reason ${Object.entries(REASON_WEIGHTS)
      .map(([r, w]) => `when '${r}' then ${w}`)
      .join(' ')} else 1 end`,
  );
  const rows = resultRows<{ id: string; score: number; waiting_since: string | Date; trust: number }>(
    await db.execute(sql`
      with f as (
        select fl.post_id,
               sum(${weight} * (coalesce(fm.flags_upheld, 0) + 1)::float8
                   / (coalesce(fm.flags_upheld, 0) + coalesce(fm.flags_rejected, 0) + 2)) as flag_score,
               min(fl.created_at) as first_flag
          from community.flags fl
          left join community.members fm on fm.person_id = fl.flagger_person_id and fm.region_id = fl.region_id
         where fl.region_id = ${regionId} and fl.status = 'open'
         group by fl.post_id
      ), q as (
        select p.id,
               (coalesce(f.flag_score, 0) + 2 * jsonb_array_length(p.spam_signals) + (4 - coalesce(m.trust_level, 0))
                + least(greatest(extract(epoch from (${asOf.toISOString()}::timestamptz - w.since))::float8, 0) / 3600, 72) / 24
               )::float8 as score,
               w.since as waiting_since,
               coalesce(m.trust_level, 0) as trust
          from community.posts p
          left join f on f.post_id = p.id
          left join community.members m on m.person_id = p.author_person_id and m.region_id = p.region_id
          cross join lateral (select least(case when p.status = 'pending' then p.created_at end, f.first_flag) as since) w
         where p.region_id = ${regionId} and (p.status = 'pending' or f.post_id is not null)
      )
      select q.* from q ${after} order by q.score desc, q.id limit ${limit + 1}`),
  );
  const ids = rows.map((r) => r.id);
  const postRows = ids.length ? await db.select().from(posts).where(inArray(posts.id, ids)) : [];
  const flagRows = ids.length
    ? await db
        .select({
          postId: flags.postId,
          reason: flags.reason,
          createdAt: flags.createdAt,
          upheld: members.flagsUpheld,
          rejected: members.flagsRejected,
        })
        .from(flags)
        .leftJoin(members, and(eq(members.personId, flags.flaggerPersonId), eq(members.regionId, flags.regionId)))
        .where(and(inArray(flags.postId, ids), eq(flags.status, 'open')))
        .orderBy(flags.createdAt)
    : [];
  const page = toPage(
    rows,
    limit,
    (r) => ({ asOf: asOf.toISOString(), score: Number(r.score), id: r.id }),
    (r) => ({
      row: r,
      post: postRows.find((p) => p.id === r.id) as PostRow,
      flags: flagRows
        .filter((f) => f.postId === r.id)
        .map((f) => ({
          reason: f.reason,
          createdAt: f.createdAt.toISOString(),
          flaggerAccuracy: ((f.upheld ?? 0) + 1) / ((f.upheld ?? 0) + (f.rejected ?? 0) + 2),
        })),
    }),
  );
  return page;
}

export async function insertSuspension(db: Queryable, values: Omit<SuspensionRow, 'id'>): Promise<SuspensionRow> {
  const [row] = await db
    .insert(suspensions)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function suspensionRow(db: Queryable, regionId: string, id: string): Promise<SuspensionRow | null> {
  const [row] = await db
    .select()
    .from(suspensions)
    .where(and(eq(suspensions.id, id), eq(suspensions.regionId, regionId)))
    .for('update');
  return row ?? null;
}

export async function confirmSuspension(db: Queryable, row: SuspensionRow, by: string, at: Date) {
  const [updated] = await db
    .update(suspensions)
    .set({ status: 'active', confirmedBy: by, confirmedAt: at })
    .where(and(eq(suspensions.personId, row.personId), eq(suspensions.id, row.id)))
    .returning();
  if (!updated) throw new Error('update returned no row');
  await db
    .update(members)
    .set({ suspendedUntil: new Date(at.getTime() + row.days * 86_400_000) })
    .where(and(eq(members.personId, row.personId), eq(members.regionId, row.regionId)));
  return updated;
}

export async function listActions(db: Queryable, regionId: string, limit: number, cursor?: string) {
  const rows = await db
    .select()
    .from(actions)
    .where(and(eq(actions.regionId, regionId), afterIdCursor(actions.id, cursor)))
    .orderBy(actions.id)
    .limit(limit + 1);
  return toPage(rows, limit, idKey, (r) => ({
    id: r.id,
    action: r.action,
    actorPersonId: r.actorPersonId,
    postId: r.postId,
    subjectPersonId: r.subjectPersonId,
    reason: r.reason,
    createdAt: r.createdAt.toISOString(),
  }));
}

export { encodeCursor };
