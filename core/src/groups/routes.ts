import { decodeCursor, toPage } from '../http/pagination.js';
import { actorOf, requestRegion } from '../http/request-context.js';
import { type AnyRoute, route } from '../http/route.js';
import type { IdentityContext } from '../identity/context.js';
import * as contract from './contract.js';
import { createInvitation, listInvitations, respondToInvitation, revokeInvitation } from './invitations.js';
import type { GroupRole } from './roles.js';
import {
  createGroup,
  isIdCursor,
  isMemberCursor,
  listGroups,
  listMembers,
  readGroup,
  removeMember,
} from './service.js';

function answerRoute(identity: () => IdentityContext, answer: 'accept' | 'decline') {
  return route(answer === 'accept' ? contract.acceptInvitation : contract.declineInvitation, async ({ params }, c) => ({
    status: 200,
    body: await respondToInvitation(identity(), actorOf(c), params.invitationId, answer),
  }));
}

/** Group routes (family, school, collective, interest): membership, invitations with consent. */
export function groupRoutes(identity: () => IdentityContext): AnyRoute[] {
  return [
    route(contract.createGroup, async ({ body }, c) => ({
      status: 201,
      body: await createGroup(identity(), actorOf(c), body, requestRegion(c)),
    })),
    route(contract.listGroups, async ({ query }, c) => {
      const limit = query.limit ?? 50;
      const after = query.cursor ? decodeCursor(query.cursor, isIdCursor).id : undefined;
      const rows = await listGroups(identity(), actorOf(c), query, { limit, after });
      return { status: 200, body: toPage(rows, limit, (r) => ({ id: r.id })) };
    }),
    route(contract.getGroup, async ({ params }, c) => ({
      status: 200,
      body: await readGroup(identity(), actorOf(c), params.groupId),
    })),
    route(contract.listMembers, async ({ params, query }, c) => {
      const limit = query.limit ?? 50;
      const after = query.cursor ? decodeCursor(query.cursor, isMemberCursor) : undefined;
      const rows = await listMembers(identity(), actorOf(c), params.groupId, { limit, after });
      const page = toPage(
        rows,
        limit,
        (r) => ({ at: r.joinedAt.toISOString(), id: r.personId }),
        (r) => ({ learnerNumber: r.learnerNumber, role: r.role as GroupRole, joinedAt: r.joinedAt.toISOString() }),
      );
      return { status: 200, body: page };
    }),
    route(contract.invite, async ({ params, body }, c) => {
      const { view, created } = await createInvitation(identity(), actorOf(c), params.groupId, body);
      return created ? { status: 201, body: view } : { status: 200, body: view };
    }),
    route(contract.revokeInvitation, async ({ params }, c) => {
      await revokeInvitation(identity(), actorOf(c), params.groupId, params.invitationId);
      return { status: 204, body: undefined };
    }),
    route(contract.removeMember, async ({ params }, c) => {
      await removeMember(identity(), actorOf(c), params.groupId, params.learnerNumber);
      return { status: 204, body: undefined };
    }),
    route(contract.listInvitations, async ({ query }, c) => {
      const limit = query.limit ?? 50;
      const after = query.cursor ? decodeCursor(query.cursor, isIdCursor).id : undefined;
      const rows = await listInvitations(identity(), actorOf(c), { limit, after });
      return { status: 200, body: toPage(rows, limit, (r) => ({ id: r.id })) };
    }),
    answerRoute(identity, 'accept'),
    answerRoute(identity, 'decline'),
  ];
}
