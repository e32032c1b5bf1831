import { afterIdCursor, type Queryable, toPage, uuidv7 } from '@lifelong/core';
import { and, count, eq, getTableColumns } from 'drizzle-orm';
import { ClubNotFound, NotAMember } from '../errors.js';
import { clubs, meetings, members, readingLogs } from '../schema.js';
import type { Club, Meeting, Membership, ReadingLog } from '../schemas.js';

// Queries and row mapping. Every function takes the caller's `db` (the request's transaction).

type ClubRow = typeof clubs.$inferSelect;

export const clubView = (row: ClubRow, memberCount: number): Club => ({
  id: row.id,
  regionId: row.regionId,
  name: row.name,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  memberCount,
});

export const membershipView = (row: typeof members.$inferSelect): Membership => ({
  clubId: row.clubId,
  personId: row.personId,
  joinedAt: row.joinedAt.toISOString(),
});

export const meetingView = (row: typeof meetings.$inferSelect): Meeting => ({
  id: row.id,
  clubId: row.clubId,
  at: row.at.toISOString(),
  topic: row.topic,
});

export const readingLogView = (row: typeof readingLogs.$inferSelect): ReadingLog => ({
  id: row.id,
  clubId: row.clubId,
  personId: row.personId,
  title: row.title,
  pages: row.pages,
  minutes: row.minutes,
  finished: row.finished,
  loggedAt: row.loggedAt.toISOString(),
});

/**
 * A club of the request's region. With `lock`, the row is locked until the transaction ends, so
 * concurrent joins are counted one after another (the size limit holds under concurrency).
 */
export async function findClub(db: Queryable, clubId: string, regionId: string, lock = false): Promise<ClubRow> {
  const query = db
    .select()
    .from(clubs)
    .where(and(eq(clubs.id, clubId), eq(clubs.regionId, regionId)));
  const [club] = lock ? await query.for('update') : await query;
  if (!club) throw ClubNotFound({ detail: `Club ${clubId} does not exist in region "${regionId}".` });
  return club;
}

export async function membership(db: Queryable, clubId: string, personId: string) {
  const [row] = await db
    .select()
    .from(members)
    .where(and(eq(members.clubId, clubId), eq(members.personId, personId)));
  return row;
}

export async function requireMember(db: Queryable, clubId: string, personId: string): Promise<void> {
  if (!(await membership(db, clubId, personId))) throw NotAMember();
}

export async function memberCount(db: Queryable, clubId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(members).where(eq(members.clubId, clubId));
  return row?.n ?? 0;
}

export async function listClubs(db: Queryable, regionId: string, limit: number, cursor: string | undefined) {
  const rows = await db
    .select({ ...getTableColumns(clubs), memberCount: count(members.personId) })
    .from(clubs)
    .leftJoin(members, eq(members.clubId, clubs.id))
    .where(and(eq(clubs.regionId, regionId), afterIdCursor(clubs.id, cursor)))
    .groupBy(clubs.id)
    .orderBy(clubs.id)
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => ({ id: row.id }),
    ({ memberCount, ...club }) => clubView(club, memberCount),
  );
}

export async function listReadingLogs(db: Queryable, clubId: string, limit: number, cursor: string | undefined) {
  const rows = await db
    .select()
    .from(readingLogs)
    .where(and(eq(readingLogs.clubId, clubId), afterIdCursor(readingLogs.id, cursor)))
    .orderBy(readingLogs.id)
    .limit(limit + 1);
  return toPage(rows, limit, (row) => ({ id: row.id }), readingLogView);
}

export async function insertClub(db: Queryable, values: { regionId: string; name: string; createdBy: string }) {
  const [club] = await db
    .insert(clubs)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!club) throw new Error('insert returned no row');
  return club;
}

export async function insertMember(db: Queryable, clubId: string, personId: string) {
  const [joined] = await db.insert(members).values({ clubId, personId }).returning();
  if (!joined) throw new Error('insert returned no row');
  return joined;
}

export async function insertMeeting(db: Queryable, values: { clubId: string; at: Date; topic: string }) {
  const [meeting] = await db
    .insert(meetings)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!meeting) throw new Error('insert returned no row');
  return meeting;
}

export async function insertReadingLog(
  db: Queryable,
  values: Omit<typeof readingLogs.$inferInsert, 'id' | 'loggedAt'>,
) {
  const [log] = await db
    .insert(readingLogs)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!log) throw new Error('insert returned no row');
  return log;
}

/** Removes the club; its members, meetings and logs go with it (foreign keys cascade). */
export async function deleteClub(db: Queryable, clubId: string): Promise<void> {
  await db.delete(clubs).where(eq(clubs.id, clubId));
}
