import { definePlugin, uuidv7 } from '@lifelong/core';
import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import pkg from '../package.json' with { type: 'json' };
import { ClubFull } from './errors.js';
import { awardBook } from './points.js';
import { clubs, meetings, members, pointAccounts, readingLogs } from './schema.js';
import {
  Club,
  ClubListQuery,
  ClubPage,
  ClubParams,
  CreateClubBody,
  CreateMeetingBody,
  CreateReadingLogBody,
  Meeting,
  Membership,
  ReadingLog,
  ReadingLogListQuery,
  ReadingLogPage,
} from './schemas.js';
import {
  clubView,
  findClub,
  listClubs,
  listReadingLogs,
  meetingView,
  memberCount,
  membership,
  membershipView,
  personOf,
  readingLogView,
  requireMember,
} from './store.js';

export * from './errors.js';
export { BookFinished, POINTS_FOR_A_BOOK } from './points.js';
export * from './schemas.js';

const signedIn = { authenticated: 'any signed-in person' } as const;
const membersOnly = { authenticated: 'members of the club' } as const;

/**
 * Reading clubs: people in a region form clubs, meet, and log what they read.
 *
 * Every handler runs in the request's transaction (`ctx.db`), as the plugin's own PostgreSQL role:
 * it reaches the `reading_club` schema and nothing else.
 */
const readingClub = definePlugin({
  id: 'reading-club',
  version: pkg.version,
  description: 'Reading clubs that meet and log their reading',
  requires: { core: '^0.1.0' },
  // Finished books earn points (points.ts): the ledger refuses mints a plugin does not declare.
  mints: ['POINT'],
  config: Type.Object({
    pointsPerBook: Type.Integer({ minimum: 0, default: 10, description: 'Points for each finished book.' }),
    maxClubSize: Type.Integer({ minimum: 2, default: 30, description: 'Most members a club may have.' }),
  }),
  migrations: new URL('../drizzle', import.meta.url),
  permissions: { 'clubs.moderate': 'Remove clubs and logs in the region' },
  roles: { 'region-admin': ['clubs.moderate'] },

  register(p) {
    p.route({
      method: 'post',
      path: '/clubs',
      summary: 'Start a reading club in the region (the creator is its first member)',
      access: signedIn,
      request: { body: CreateClubBody },
      responses: { 201: { description: 'The new club', schema: Club } },
      handler: async ({ body }, ctx) => {
        const personId = personOf(ctx);
        const [club] = await ctx.db
          .insert(clubs)
          .values({ id: uuidv7(), regionId: ctx.regionId, name: body.name, createdBy: personId })
          .returning();
        if (!club) throw new Error('insert returned no row');
        await ctx.db.insert(members).values({ clubId: club.id, personId });
        return { status: 201, body: clubView(club, 1) };
      },
    });

    p.route({
      method: 'get',
      path: '/clubs',
      summary: "The region's reading clubs, oldest first",
      access: signedIn,
      request: { query: ClubListQuery },
      responses: { 200: { description: 'A page of clubs', schema: ClubPage } },
      handler: async ({ query }, ctx) => ({
        status: 200,
        body: await listClubs(ctx.db, ctx.regionId, query.limit ?? 50, query.cursor),
      }),
    });

    p.route({
      method: 'post',
      path: '/clubs/{clubId}/members',
      summary: 'Join a club (up to the region’s maxClubSize members)',
      description: 'Joining a club one already belongs to answers 200 with the existing membership.',
      access: signedIn,
      request: { params: ClubParams },
      responses: {
        200: { description: 'Already a member', schema: Membership },
        201: { description: 'Joined', schema: Membership },
      },
      handler: async ({ params }, ctx) => {
        const personId = personOf(ctx);
        const club = await findClub(ctx.db, params.clubId, ctx.regionId, true);
        const existing = await membership(ctx.db, club.id, personId);
        if (existing) return { status: 200, body: membershipView(existing) };
        const size = await memberCount(ctx.db, club.id);
        if (size >= ctx.config.maxClubSize) {
          throw ClubFull({
            detail: `"${club.name}" has ${size} members, the most this region allows.`,
            extensions: { maxClubSize: ctx.config.maxClubSize },
          });
        }
        const [joined] = await ctx.db.insert(members).values({ clubId: club.id, personId }).returning();
        if (!joined) throw new Error('insert returned no row');
        return { status: 201, body: membershipView(joined) };
      },
    });

    p.route({
      method: 'post',
      path: '/clubs/{clubId}/meetings',
      summary: 'Schedule a meeting of the club',
      access: membersOnly,
      request: { params: ClubParams, body: CreateMeetingBody },
      responses: { 201: { description: 'The meeting', schema: Meeting } },
      handler: async ({ params, body }, ctx) => {
        const club = await findClub(ctx.db, params.clubId, ctx.regionId);
        await requireMember(ctx.db, club.id, personOf(ctx));
        const [meeting] = await ctx.db
          .insert(meetings)
          .values({ id: uuidv7(), clubId: club.id, at: new Date(body.at), topic: body.topic })
          .returning();
        if (!meeting) throw new Error('insert returned no row');
        return { status: 201, body: meetingView(meeting) };
      },
    });

    p.route({
      method: 'post',
      path: '/clubs/{clubId}/reading-logs',
      summary: 'Log a reading session',
      access: membersOnly,
      request: { params: ClubParams, body: CreateReadingLogBody },
      responses: { 201: { description: 'The log entry', schema: ReadingLog } },
      handler: async ({ params, body }, ctx) => {
        const personId = personOf(ctx);
        const club = await findClub(ctx.db, params.clubId, ctx.regionId);
        await requireMember(ctx.db, club.id, personId);
        const [log] = await ctx.db
          .insert(readingLogs)
          .values({
            id: uuidv7(),
            clubId: club.id,
            personId,
            title: body.title,
            pages: body.pages,
            minutes: body.minutes,
            finished: body.finished ?? false,
          })
          .returning();
        if (!log) throw new Error('insert returned no row');
        if (log.finished) await awardBook(ctx, log, ctx.config.pointsPerBook);
        return { status: 201, body: readingLogView(log) };
      },
    });

    p.route({
      method: 'get',
      path: '/clubs/{clubId}/reading-logs',
      summary: "The club's reading log, oldest first (members and moderators)",
      access: membersOnly,
      request: { params: ClubParams, query: ReadingLogListQuery },
      responses: { 200: { description: 'A page of log entries', schema: ReadingLogPage } },
      handler: async ({ params, query }, ctx) => {
        const club = await findClub(ctx.db, params.clubId, ctx.regionId);
        if (!ctx.can('clubs.moderate', { regionId: club.regionId })) {
          await requireMember(ctx.db, club.id, personOf(ctx));
        }
        return { status: 200, body: await listReadingLogs(ctx.db, club.id, query.limit ?? 50, query.cursor) };
      },
    });

    p.route({
      method: 'get',
      path: '/points',
      summary: 'My reading points: the POINT account reading clubs pay into',
      access: signedIn,
      responses: {
        200: {
          description: 'The account (null before the first finished book) and its balance',
          schema: Type.Object({ accountId: Type.Union([Type.String(), Type.Null()]), points: Type.String() }),
        },
      },
      handler: async (_input, ctx) => {
        const [known] = await ctx.db
          .select()
          .from(pointAccounts)
          .where(eq(pointAccounts.personId, personOf(ctx)));
        const account = known ? await ctx.ledger.getAccount(known.accountId) : null;
        const points = account ? account.creditsPosted - account.debitsPosted : 0n;
        return { status: 200, body: { accountId: known?.accountId ?? null, points: String(points) } };
      },
    });

    p.route({
      method: 'delete',
      path: '/clubs/{clubId}',
      summary: 'Remove a club with its members, meetings and logs (moderators of the region)',
      access: { permission: 'clubs.moderate' },
      request: { params: ClubParams },
      responses: { 204: { description: 'Removed' } },
      handler: async ({ params }, ctx) => {
        const club = await findClub(ctx.db, params.clubId, ctx.regionId);
        ctx.require('clubs.moderate', { regionId: club.regionId });
        await ctx.db.delete(clubs).where(eq(clubs.id, club.id));
        ctx.logger.info({ clubId: club.id, regionId: club.regionId }, 'reading club removed');
        return { status: 204, body: undefined };
      },
    });
  },
});

export default readingClub;
