import type { Ctx } from '../config.js';
import { ClubFull } from '../errors.js';
import type { CreateClubBody, CreateMeetingBody, CreateReadingLogBody } from '../schemas.js';
import { personOf } from '../shared/people.js';
import { awardBook } from '../shared/points.js';
import {
  clubView,
  deleteClub,
  findClub,
  insertClub,
  insertMeeting,
  insertMember,
  insertReadingLog,
  listReadingLogs,
  meetingView,
  memberCount,
  membership,
  membershipView,
  readingLogView,
  requireMember,
} from './store.js';

// The clubs' rules. Every function runs in the request's transaction (`ctx.db`): what it writes
// commits or rolls back together.

/** A new club with its creator as the first member. */
export async function createClub(ctx: Ctx, personId: string, body: CreateClubBody) {
  const club = await insertClub(ctx.db, { regionId: ctx.regionId, name: body.name, createdBy: personId });
  await insertMember(ctx.db, club.id, personId);
  return clubView(club, 1);
}

/**
 * Joins the person to the club, up to the region's `maxClubSize`. The club row is locked first, so
 * concurrent joins are counted one after another.
 */
export async function joinClub(ctx: Ctx, clubId: string, personId: string) {
  const club = await findClub(ctx.db, clubId, ctx.regionId, true);
  const existing = await membership(ctx.db, club.id, personId);
  if (existing) return { joined: false, membership: membershipView(existing) };
  const size = await memberCount(ctx.db, club.id);
  if (size >= ctx.config.maxClubSize) {
    throw ClubFull({
      detail: `"${club.name}" has ${size} members, the most this region allows.`,
      extensions: { maxClubSize: ctx.config.maxClubSize },
    });
  }
  return { joined: true, membership: membershipView(await insertMember(ctx.db, club.id, personId)) };
}

export async function scheduleMeeting(ctx: Ctx, clubId: string, personId: string, body: CreateMeetingBody) {
  const club = await findClub(ctx.db, clubId, ctx.regionId);
  await requireMember(ctx.db, club.id, personId);
  return meetingView(await insertMeeting(ctx.db, { clubId: club.id, at: new Date(body.at), topic: body.topic }));
}

/** Logs a sitting; a finished book earns the region's `pointsPerBook` in the same transaction. */
export async function logReading(ctx: Ctx, clubId: string, personId: string, body: CreateReadingLogBody) {
  const club = await findClub(ctx.db, clubId, ctx.regionId);
  await requireMember(ctx.db, club.id, personId);
  const log = await insertReadingLog(ctx.db, {
    clubId: club.id,
    personId,
    title: body.title,
    pages: body.pages,
    minutes: body.minutes,
    finished: body.finished ?? false,
  });
  if (log.finished) await awardBook(ctx, log, ctx.config.pointsPerBook);
  return readingLogView(log);
}

/** The club's log, for its members and the region's moderators. */
export async function readingLogsOf(ctx: Ctx, clubId: string, page: { limit?: number; cursor?: string }) {
  const club = await findClub(ctx.db, clubId, ctx.regionId);
  if (!ctx.can('clubs.moderate', { regionId: club.regionId })) {
    await requireMember(ctx.db, club.id, personOf(ctx));
  }
  return listReadingLogs(ctx.db, club.id, page.limit ?? 50, page.cursor);
}

export async function removeClub(ctx: Ctx, clubId: string) {
  const club = await findClub(ctx.db, clubId, ctx.regionId);
  ctx.require('clubs.moderate', { regionId: club.regionId });
  await deleteClub(ctx.db, club.id);
  ctx.logger.info({ clubId: club.id, regionId: club.regionId }, 'reading club removed');
}
