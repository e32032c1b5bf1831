import { defineContract } from '@lifelong/core/contract';
import { ClubFull } from '../errors.js';
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
} from '../schemas.js';

// The clubs feature's operations: what clients call (`client.readingClub.clubs.create(…)`) and
// what routes.ts serves. No handlers and no server code here.

const signedIn = { authenticated: 'any signed-in person' } as const;
const membersOnly = { authenticated: 'members of the club' } as const;

export const createClub = defineContract({
  operationId: 'clubs.create',
  method: 'post',
  path: '/clubs',
  summary: 'Start a reading club in the region (the creator is its first member)',
  access: signedIn,
  request: { body: CreateClubBody },
  responses: { 201: { description: 'The new club', schema: Club } },
});

export const listClubs = defineContract({
  operationId: 'clubs.list',
  method: 'get',
  path: '/clubs',
  summary: "The region's reading clubs, oldest first",
  access: signedIn,
  request: { query: ClubListQuery },
  responses: { 200: { description: 'A page of clubs', schema: ClubPage } },
});

export const joinClub = defineContract({
  operationId: 'clubs.members.join',
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
  errors: [ClubFull],
});

export const scheduleMeeting = defineContract({
  operationId: 'clubs.meetings.create',
  method: 'post',
  path: '/clubs/{clubId}/meetings',
  summary: 'Schedule a meeting of the club',
  access: membersOnly,
  request: { params: ClubParams, body: CreateMeetingBody },
  responses: { 201: { description: 'The meeting', schema: Meeting } },
});

export const logReading = defineContract({
  operationId: 'clubs.readingLogs.create',
  method: 'post',
  path: '/clubs/{clubId}/reading-logs',
  summary: 'Log a reading session',
  access: membersOnly,
  request: { params: ClubParams, body: CreateReadingLogBody },
  responses: { 201: { description: 'The log entry', schema: ReadingLog } },
});

export const listReadingLogs = defineContract({
  operationId: 'clubs.readingLogs.list',
  method: 'get',
  path: '/clubs/{clubId}/reading-logs',
  summary: "The club's reading log, oldest first (members and moderators)",
  access: membersOnly,
  request: { params: ClubParams, query: ReadingLogListQuery },
  responses: { 200: { description: 'A page of log entries', schema: ReadingLogPage } },
});

export const removeClub = defineContract({
  operationId: 'clubs.remove',
  method: 'delete',
  path: '/clubs/{clubId}',
  summary: 'Remove a club with its members, meetings and logs (moderators of the region)',
  access: { permission: 'clubs.moderate' },
  request: { params: ClubParams },
  responses: { 204: { description: 'Removed' } },
});
