import { type Static, Type } from '@sinclair/typebox';
import { Reason, TrustLevel } from '../shared/common-schemas.js';

const Privileges = Type.Object({
  postsPerDay: Type.Integer(),
  linksPerPost: Type.Integer(),
  filesPerDay: Type.Integer(),
  premoderated: Type.Boolean({ description: 'Posts wait for a moderator before readers see them.' }),
  mayFlag: Type.Boolean(),
});

/** The caller's standing in the region's community. */
export const Standing = Type.Object({
  personId: Type.String(),
  regionId: Type.String(),
  trustLevel: TrustLevel,
  levelName: Type.String(),
  locked: Type.Boolean({ description: 'A moderator set the level; activity does not change it.' }),
  joinedAt: Type.String({ format: 'date-time' }),
  postsRead: Type.Integer(),
  postsPublished: Type.Integer(),
  upheldFlagsAgainst: Type.Integer(),
  warnings: Type.Integer(),
  suspendedUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  moderator: Type.Boolean(),
  privileges: Privileges,
  next: Type.Object({
    level: Type.Union([TrustLevel, Type.Null()]),
    missing: Type.Array(Type.String(), { description: 'What is still needed, in words.' }),
  }),
});
export type Standing = Static<typeof Standing>;

export { PersonParams } from '../shared/common-schemas.js';

export const SetTrustLevelBody = Type.Object(
  {
    level: Type.Union([TrustLevel, Type.Null()], {
      description: 'The locked level; `null` unlocks (activity decides again).',
    }),
    reason: Reason,
  },
  { additionalProperties: false },
);
export type SetTrustLevelBody = Static<typeof SetTrustLevelBody>;

export const SetModeratorBody = Type.Object(
  { moderator: Type.Boolean(), reason: Reason },
  { additionalProperties: false },
);
export type SetModeratorBody = Static<typeof SetModeratorBody>;
