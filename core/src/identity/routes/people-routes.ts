import { decodeCursor, isUuidKey, toPage } from '../../http/pagination.js';
import { actorOf, requestRegion, signedInPerson } from '../../http/request-context.js';
import { route } from '../../http/route.js';
import type { IdentityContext } from '../context.js';
import { setDisplayName } from '../display-name-service.js';
import { addGuardian, reassignGuardians } from '../guardianship-service.js';
import { registerPersonBody } from '../people-schemas.js';
import {
  findPersonById,
  listPeopleByStatus,
  mergePeople,
  readPerson,
  registerPerson,
  toPersonView,
} from '../people-service.js';
import { revokeVerification, verifyPerson } from '../verification-service.js';
import * as contract from './people-contract.js';

const NO_DISPLAY_NAME = 'API keys have no display name; a person chooses their own.';

/** `nationalIdSchemes`: the platform's registered scheme ids, documented as the scheme's enum. */
export function peopleRoutes(identity: () => IdentityContext, nationalIdSchemes?: readonly string[]) {
  // The deployment's national ID schemes, as the body's enum (the contract states any scheme id).
  const register = { ...contract.registerPerson, request: { body: registerPersonBody(nationalIdSchemes) } };
  return [
    route(register, async ({ body }, c) => {
      const ctx = identity();
      const row = await registerPerson(ctx, actorOf(c), body, requestRegion(c));
      return { status: 201, body: toPersonView(ctx, row) };
    }),
    route(contract.listPeople, async ({ query }, c) => {
      const ctx = identity();
      const limit = query.limit ?? 50;
      const after = query.cursor ? decodeCursor(query.cursor, isUuidKey).id : undefined;
      const rows = await listPeopleByStatus(ctx, actorOf(c), requestRegion(c), query.status ?? 'unverified', {
        limit,
        after,
      });
      return {
        status: 200,
        body: toPage(
          rows,
          limit,
          (row) => ({ id: row.id }),
          (row) => toPersonView(ctx, row),
        ),
      };
    }),
    route(contract.getPerson, async ({ params }, c) => {
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
    }),
    route(contract.decideVerification, async ({ params, body }, c) => {
      const ctx = identity();
      return {
        status: 200,
        body: toPersonView(ctx, await verifyPerson(ctx, actorOf(c), params.learnerNumber, body)),
      };
    }),
    route(contract.revokeVerification, async ({ params, body }, c) => {
      const ctx = identity();
      return {
        status: 200,
        body: toPersonView(ctx, await revokeVerification(ctx, actorOf(c), params.learnerNumber, body)),
      };
    }),
    route(contract.mergePerson, async ({ params, body }, c) => {
      const ctx = identity();
      await mergePeople(ctx, actorOf(c), params.learnerNumber, body.into, body.reason);
      return { status: 200, body: { learnerNumber: params.learnerNumber, mergedInto: body.into } };
    }),
    route(contract.addGuardian, async ({ params, body }, c) => {
      await addGuardian(identity(), actorOf(c), params.learnerNumber, body);
      return { status: 204, body: undefined };
    }),
    route(contract.setGuardians, async ({ params, body }, c) => {
      const guardians = await reassignGuardians(identity(), actorOf(c), params.learnerNumber, body);
      return { status: 200, body: { learnerNumber: params.learnerNumber, guardians } };
    }),
    route(contract.setMyDisplayName, async ({ body }, c) => {
      const person = signedInPerson(c, NO_DISPLAY_NAME);
      return { status: 200, body: await setDisplayName(identity(), actorOf(c), person.id, body.displayName) };
    }),
    route(contract.clearMyDisplayName, async (_, c) => {
      const person = signedInPerson(c, NO_DISPLAY_NAME);
      return { status: 200, body: await setDisplayName(identity(), actorOf(c), person.id, null) };
    }),
  ];
}
