import { Type } from '@sinclair/typebox';
import { actorOf, requestRegion } from '../../http/request-context.js';
import { defineRoute } from '../../http/route.js';
import type { IdentityContext } from '../context.js';
import { GuardianRequired, MergeRefused, UnknownRegion } from '../errors.js';
import {
  GuardianBody,
  LearnerNumberParams,
  MergeBody,
  PersonView,
  registerPersonBody,
  VerificationBody,
} from '../people-schemas.js';
import {
  addGuardian,
  findPersonById,
  mergePeople,
  readPerson,
  registerPerson,
  toPersonView,
  verifyPerson,
} from '../people-service.js';

const Merged = Type.Object({
  learnerNumber: Type.String(),
  mergedInto: Type.String({ description: 'The surviving learner number.' }),
});

/** `nationalIdSchemes`: the platform's registered scheme ids, documented as the scheme's enum. */
export function peopleRoutes(identity: () => IdentityContext, nationalIdSchemes?: readonly string[]) {
  const RegisterBody = registerPersonBody(nationalIdSchemes);
  return [
    defineRoute({
      method: 'post',
      path: '/people',
      summary: 'Register a person (real-name) and get a lifelong learner number',
      description:
        'Open to anyone for adults. A minor is registered by a signed-in adult guardian (who becomes the guardian) ' +
        'or by a registrar naming the guardian. The region comes from the Lifelong-Region header (default: default).',
      access: { public: true },
      errors: [GuardianRequired, UnknownRegion],
      request: { body: RegisterBody },
      responses: {
        201: { description: 'Registered, unverified', schema: PersonView },
        409: { description: 'This national ID is already registered (IDENTITY_ALREADY_REGISTERED)' },
      },
      handler: async ({ body }, c) => {
        const ctx = identity();
        const row = await registerPerson(ctx, actorOf(c), body, requestRegion(c));
        return { status: 201, body: toPersonView(ctx, row) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/people/{learnerNumber}',
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
      handler: async ({ params }, c) => {
        const ctx = identity();
        const row = await readPerson(ctx, actorOf(c), params.learnerNumber);
        if (row.status === 'merged' && row.mergedInto) {
          const survivor = await findPersonById(ctx.db, row.mergedInto);
          const into = survivor?.learnerNumber ?? '';
          return {
            status: 308,
            body: { learnerNumber: row.learnerNumber, mergedInto: into },
            headers: { Location: `/v1/people/${into}` },
          };
        }
        return { status: 200, body: toPersonView(ctx, row) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/people/{learnerNumber}/verification',
      summary: "Record a registrar's identity verification decision",
      description:
        "Registrars and region admins of the person's region; the region's identity verifier has the last word. " +
        'Both outcomes are audited with the evidence kind and reference.',
      access: { permission: 'people.verify' },
      request: { params: LearnerNumberParams, body: VerificationBody },
      responses: { 200: { description: 'The person after the decision', schema: PersonView } },
      handler: async ({ params, body }, c) => {
        const ctx = identity();
        return {
          status: 200,
          body: toPersonView(ctx, await verifyPerson(ctx, actorOf(c), params.learnerNumber, body)),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/people/{learnerNumber}/merge',
      summary: 'Merge a duplicate registration into the surviving one',
      description:
        'Memberships, guardian links and role grants move; the duplicate becomes a tombstone that redirects.',
      access: { permission: 'people.merge' },
      errors: [MergeRefused],
      request: { params: LearnerNumberParams, body: MergeBody },
      responses: { 200: { description: 'The tombstone', schema: Merged } },
      handler: async ({ params, body }, c) => {
        const ctx = identity();
        await mergePeople(ctx, actorOf(c), params.learnerNumber, body.into, body.reason);
        return { status: 200, body: { learnerNumber: params.learnerNumber, mergedInto: body.into } };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/people/{learnerNumber}/guardians',
      summary: 'Make an adult the guardian of a minor',
      description: "Registrars of the minor's region; the guardian must be another, adult person.",
      access: { permission: 'people.guardians.manage' },
      errors: [GuardianRequired],
      request: { params: LearnerNumberParams, body: GuardianBody },
      responses: { 204: { description: 'Linked' } },
      handler: async ({ params, body }, c) => {
        await addGuardian(identity(), actorOf(c), params.learnerNumber, body.guardianLearnerNumber);
        return { status: 204, body: undefined };
      },
    }),
  ];
}
