import { defineContract } from '@lifelong/core/contract';
import { MemberNotFound, NotAModerator, PeopleOnly } from '../errors.js';
import { PersonParams, SetModeratorBody, SetTrustLevelBody, Standing } from './schemas.js';

export const getStanding = defineContract({
  operationId: 'me.get',
  method: 'get',
  path: '/me',
  summary: 'My standing in the region: trust level, its privileges, and what the next level needs',
  description:
    'Trust levels are earned by activity (read others’ posts, have posts accepted, no upheld flags, time); ' +
    'level 4 is given by a moderator. `next.missing` says in words what is still needed.',
  access: { authenticated: 'any signed-in person' },
  responses: { 200: { description: 'The standing', schema: Standing } },
  errors: [PeopleOnly],
});

export const setTrustLevel = defineContract({
  operationId: 'members.trustLevel.set',
  method: 'put',
  path: '/members/{personId}/trust-level',
  summary: "Lock a person's trust level (moderators), or unlock it with `null`",
  description:
    'For the region’s moderators; never their own level (403 `CONFLICT_OF_INTEREST`). An unknown person is 404. ' +
    'Audited in the moderation log with the stated reason.',
  access: { authenticated: 'the region’s community moderators' },
  request: { params: PersonParams, body: SetTrustLevelBody },
  responses: { 200: { description: 'The person’s standing', schema: Standing } },
  errors: [NotAModerator, MemberNotFound],
});

export const setModerator = defineContract({
  operationId: 'moderators.set',
  method: 'put',
  path: '/moderators/{personId}',
  summary: 'Appoint or dismiss a community moderator of the region',
  description:
    'For holders of `community.moderators.manage` in the region (its admins). Audited with the stated reason.',
  access: { permission: 'moderators.manage' },
  request: { params: PersonParams, body: SetModeratorBody },
  responses: { 200: { description: 'The person’s standing', schema: Standing } },
  errors: [MemberNotFound],
});
