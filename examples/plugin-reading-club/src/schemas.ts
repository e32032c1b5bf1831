import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';

// The route schemas: one source of truth for validation, handler types, OpenAPI and client code
// (`import { Club } from '@lifelong-examples/plugin-reading-club/schemas'`).

const Id = Type.String({ format: 'uuid' });
const Timestamp = Type.String({ format: 'date-time' });

export const ClubParams = Type.Object({ clubId: Id });

export const CreateClubBody = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 100, description: 'Shown to members and in lists.' }) },
  { additionalProperties: false },
);
export type CreateClubBody = Static<typeof CreateClubBody>;

export const Club = Type.Object({
  id: Id,
  regionId: Type.String(),
  name: Type.String(),
  createdBy: Type.String({ format: 'uuid', description: "The creator's person id." }),
  createdAt: Timestamp,
  memberCount: Type.Integer({ minimum: 0 }),
});
export type Club = Static<typeof Club>;

export const ClubPage = Page(Club);
export const ClubListQuery = PageQuery;

export const Membership = Type.Object({ clubId: Id, personId: Id, joinedAt: Timestamp });
export type Membership = Static<typeof Membership>;

export const CreateMeetingBody = Type.Object(
  {
    at: Type.String({ format: 'date-time', description: 'When the club meets (RFC 3339).' }),
    topic: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type CreateMeetingBody = Static<typeof CreateMeetingBody>;

export const Meeting = Type.Object({ id: Id, clubId: Id, at: Timestamp, topic: Type.String() });
export type Meeting = Static<typeof Meeting>;

export const CreateReadingLogBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    pages: Type.Integer({ minimum: 0, maximum: 2000, description: 'Pages read in this sitting.' }),
    minutes: Type.Integer({ minimum: 1, maximum: 1440, description: 'Minutes spent reading (at most a day).' }),
    finished: Type.Optional(Type.Boolean({ default: false, description: 'True when this sitting finished the book.' })),
  },
  { additionalProperties: false },
);
export type CreateReadingLogBody = Static<typeof CreateReadingLogBody>;

export const ReadingLog = Type.Object({
  id: Id,
  clubId: Id,
  personId: Id,
  title: Type.String(),
  pages: Type.Integer(),
  minutes: Type.Integer(),
  finished: Type.Boolean(),
  loggedAt: Timestamp,
});
export type ReadingLog = Static<typeof ReadingLog>;

export const ReadingLogPage = Page(ReadingLog);
export const ReadingLogListQuery = PageQuery;

export const Points = Type.Object({
  accountId: Type.Union([Type.String(), Type.Null()], { description: 'Null before the first finished book.' }),
  points: Type.String({ description: 'The balance, as a decimal string.' }),
});
export type Points = Static<typeof Points>;
