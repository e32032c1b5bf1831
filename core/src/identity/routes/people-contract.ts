import { Type } from '@sinclair/typebox';
import { Forbidden } from '../../errors/core-errors.js';
import { defineContract } from '../../http/contract.js';
import { Page, PageQuery } from '../../http/page-schemas.js';
import { GuardianNotEligible, GuardianRequired, MergeRefused, NotAMinor, UnknownRegion } from '../errors.js';
import {
  DisplayName,
  GuardianBody,
  GuardianReassignmentBody,
  GuardiansView,
  LearnerNumberParams,
  MergeBody,
  PersonView,
  RegisterPersonBody,
  RevocationBody,
  VerificationBody,
} from '../people-schemas.js';

const DisplayNameView = Type.Object({
  displayName: Type.Union([Type.String(), Type.Null()], { description: 'null when none is chosen' }),
});

export const Merged = Type.Object({
  learnerNumber: Type.String(),
  mergedInto: Type.String({ description: 'The surviving learner number.' }),
});

export const registerPerson = defineContract({
  operationId: 'people.register',
  method: 'post',
  path: '/v1/people',
  summary: 'Register a person (real-name) and get a lifelong learner number',
  description:
    'Open to anyone for adults. A minor is registered by a signed-in, verified adult (who becomes the guardian) ' +
    'or by a registrar naming a verified adult as the guardian. The region comes from the Lifelong-Region header (default: default).',
  access: { public: true },
  errors: [GuardianRequired, UnknownRegion],
  request: { body: RegisterPersonBody },
  responses: {
    201: { description: 'Registered, unverified', schema: PersonView },
    403: { description: 'A minor registered by someone who is not a verified adult (IDENTITY_GUARDIAN_REQUIRED)' },
    409: {
      description:
        'This national ID is already registered (IDENTITY_ALREADY_REGISTERED), or the named guardian is not a verified adult (IDENTITY_GUARDIAN_NOT_ELIGIBLE)',
    },
  },
});

const ListedStatus = Type.Union(
  [Type.Literal('unverified'), Type.Literal('verified'), Type.Literal('rejected'), Type.Literal('revoked')],
  { default: 'unverified', description: 'Verification status; by default the people waiting for a decision.' },
);

export const listPeople = defineContract({
  operationId: 'people.list',
  method: 'get',
  path: '/v1/people',
  summary: "List the request's region's people by verification status (the registrars' queue)",
  description:
    'Oldest registration first, so the queue is worked in order. For holders of people.verify in the region ' +
    '(its registrars and admins); the caller is left out of their own queue (nobody decides on themself). ' +
    'National IDs are masked, as everywhere.',
  access: { permission: 'people.verify' },
  request: {
    query: Type.Composite([PageQuery, Type.Object({ status: Type.Optional(ListedStatus) })], {
      additionalProperties: false,
    }),
  },
  responses: { 200: { description: 'A page of people', schema: Page(PersonView) } },
});

export const getPerson = defineContract({
  operationId: 'people.get',
  method: 'get',
  path: '/v1/people/{learnerNumber}',
  summary: 'Read a person (national ID masked)',
  description:
    'A malformed learner number (pattern or check character) is a 400 before any lookup; a person the caller may ' +
    'not read is a 404, like an unknown one.',
  access: { authenticated: 'the person, their guardians, or holders of people.read in their region' },
  request: { params: LearnerNumberParams },
  responses: {
    200: { description: 'The person', schema: PersonView },
    308: { description: 'Merged into another number: follow Location', schema: Merged },
  },
});

export const decideVerification = defineContract({
  operationId: 'people.verification.decide',
  method: 'post',
  path: '/v1/people/{learnerNumber}/verification',
  summary: "Record a registrar's identity verification decision",
  description:
    'approve: unverified, rejected or revoked → verified; reject: unverified → rejected. ' +
    'Nobody decides on themself or on a person linked to them by guardianship. ' +
    "Registrars and region admins of the person's region; the region's identity verifier has the last word. " +
    'Both outcomes are audited with the evidence kind and reference.',
  access: { permission: 'people.verify' },
  request: { params: LearnerNumberParams, body: VerificationBody },
  responses: {
    200: { description: 'The person after the decision', schema: PersonView },
    403: { description: 'The registrar is the person or linked by guardianship (IDENTITY_CONFLICT_OF_INTEREST)' },
    409: { description: 'Not possible in the current status (IDENTITY_VERIFICATION_TRANSITION_REFUSED)' },
  },
});

export const revokeVerification = defineContract({
  operationId: 'people.verification.revoke',
  method: 'post',
  path: '/v1/people/{learnerNumber}/verification/revocation',
  summary: "Revoke a person's verification (verified → revoked)",
  description:
    'A registrar of the person’s region, giving the reason (audited). A revoked person receives no new lifetime ' +
    'credits until verified again; what they hold stays on their record.',
  access: { permission: 'people.verify' },
  request: { params: LearnerNumberParams, body: RevocationBody },
  responses: {
    200: { description: 'The person after the revocation', schema: PersonView },
    403: { description: 'The registrar is the person or linked by guardianship (IDENTITY_CONFLICT_OF_INTEREST)' },
    409: { description: 'The person is not verified (IDENTITY_VERIFICATION_TRANSITION_REFUSED)' },
  },
});

export const mergePerson = defineContract({
  operationId: 'people.merge',
  method: 'post',
  path: '/v1/people/{learnerNumber}/merge',
  summary: 'Merge a duplicate registration into the surviving one',
  description: 'Memberships, guardian links and role grants move; the duplicate becomes a tombstone that redirects.',
  access: { permission: 'people.merge' },
  errors: [MergeRefused],
  request: { params: LearnerNumberParams, body: MergeBody },
  responses: { 200: { description: 'The tombstone', schema: Merged } },
});

export const addGuardian = defineContract({
  operationId: 'people.guardians.add',
  method: 'post',
  path: '/v1/people/{learnerNumber}/guardians',
  summary: 'Make a verified adult a guardian of a minor',
  description:
    'By an existing guardian of the minor (a co-guardian, by their consent) or by a registrar of the minor’s ' +
    'region with evidence of the relationship. Registrars never link themselves.',
  access: { authenticated: "a guardian of the minor, or a registrar of the minor's region (with evidence)" },
  errors: [NotAMinor, GuardianNotEligible],
  request: { params: LearnerNumberParams, body: GuardianBody },
  responses: {
    204: { description: 'Linked (or already linked)' },
    403: { description: 'Neither a guardian nor a registrar here, or a registrar linking themself' },
    409: {
      description:
        'The person is an adult (IDENTITY_NOT_A_MINOR) or the guardian is not a verified adult (IDENTITY_GUARDIAN_NOT_ELIGIBLE)',
    },
  },
});

export const setGuardians = defineContract({
  operationId: 'people.guardians.set',
  method: 'put',
  path: '/v1/people/{learnerNumber}/guardians',
  summary: "Set a minor's guardians on evidence (the dispute path)",
  description:
    'A registrar of the minor’s region replaces the guardians (e.g. removes someone who registered a child ' +
    'falsely and links the real parents). The record and its national ID stay with the minor; the minor’s ' +
    'sessions end and their password is replaced by minorPassword or cleared. Audited with the evidence.',
  access: { permission: 'people.guardians.manage' },
  request: { params: LearnerNumberParams, body: GuardianReassignmentBody },
  responses: {
    200: { description: "The minor's guardians now", schema: GuardiansView },
    403: { description: 'The registrar is or would be a guardian of the minor (IDENTITY_CONFLICT_OF_INTEREST)' },
    409: {
      description:
        'The person is an adult (IDENTITY_NOT_A_MINOR) or a guardian is not a verified adult (IDENTITY_GUARDIAN_NOT_ELIGIBLE)',
    },
  },
});

export const setMyDisplayName = defineContract({
  operationId: 'me.displayName.set',
  method: 'put',
  path: '/v1/me/display-name',
  summary: 'Choose the name I am shown by',
  description:
    'The signed-in person sets the name others see where they appear (a teacher profile, a listing, an export). ' +
    'The legal name stays private to those who may read people. Only the person themself: API keys get 403. Audited.',
  access: { authenticated: 'a signed-in person (session token)' },
  errors: [Forbidden],
  request: { body: Type.Object({ displayName: DisplayName }, { additionalProperties: false }) },
  responses: { 200: { description: 'The name now shown', schema: DisplayNameView } },
});

export const clearMyDisplayName = defineContract({
  operationId: 'me.displayName.clear',
  method: 'delete',
  path: '/v1/me/display-name',
  summary: 'Stop being shown by a chosen name',
  description:
    'Clears the display name: places that show it show none (never the legal name instead). API keys get 403. Audited.',
  access: { authenticated: 'a signed-in person (session token)' },
  errors: [Forbidden],
  responses: { 200: { description: 'Cleared', schema: DisplayNameView } },
});
