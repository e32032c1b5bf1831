import { decodeCursor, Page, PageQuery, toPage } from '../http/pagination.js';
import { actorOf, requestRegion } from '../http/request-context.js';
import { type AnyRoute, defineRoute } from '../http/route.js';
import type { IdentityContext } from '../identity/context.js';
import { createInvitation, listInvitations, respondToInvitation, revokeInvitation } from './invitations.js';
import type { GroupRole } from './roles.js';
import {
  CreateGroupBody,
  GroupInvitationParams,
  GroupMemberParams,
  GroupParams,
  GroupView,
  InvitationBody,
  InvitationParams,
  InvitationView,
  ListGroupsQuery,
  MemberView,
} from './schemas.js';
import {
  createGroup,
  isIdCursor,
  isMemberCursor,
  listGroups,
  listMembers,
  readGroup,
  removeMember,
} from './service.js';

const READERS = 'members, guardians of minor members, or holders of groups.read in the group’s region';

function answerRoute(identity: () => IdentityContext, answer: 'accept' | 'decline') {
  return defineRoute({
    method: 'post',
    path: `/invitations/{invitationId}/${answer}`,
    summary: answer === 'accept' ? 'Accept an invitation (joins the group)' : 'Decline an invitation',
    description:
      answer === 'accept'
        ? 'By an adult invitee, or by a guardian for a minor invitee: a minor cannot accept alone.'
        : 'By the invitee (a minor too), or by a guardian for a minor invitee.',
    access: { authenticated: 'the invitee, or a guardian of a minor invitee' },
    request: { params: InvitationParams },
    responses: {
      200: { description: 'The invitation, answered', schema: InvitationView },
      409: { description: 'Already answered, revoked or expired (GROUP_INVITATION_NOT_PENDING)' },
    },
    handler: async ({ params }, c) => ({
      status: 200,
      body: await respondToInvitation(identity(), actorOf(c), params.invitationId, answer),
    }),
  });
}

/** Group routes (family, school, collective, interest): membership, invitations with consent. */
export function groupRoutes(identity: () => IdentityContext): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/groups',
      summary: 'Create a group and join it as its manager',
      description:
        'The group belongs to the request’s region (Lifelong-Region header). The creator joins as parent ' +
        '(family; or elder if asked) or admin (school, collective, interest). Minors cannot create groups.',
      access: { authenticated: 'a signed-in adult person' },
      request: { body: CreateGroupBody },
      responses: { 201: { description: 'Created', schema: GroupView } },
      handler: async ({ body }, c) => ({
        status: 201,
        body: await createGroup(identity(), actorOf(c), body, requestRegion(c)),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/groups',
      summary: 'List groups: the caller’s, or a member’s',
      description: 'Without member: the caller’s groups. With member: that person’s groups.',
      access: {
        authenticated:
          'the caller; with member: the person, their guardians, or holders of groups.read in their region',
      },
      request: { query: ListGroupsQuery },
      responses: { 200: { description: 'A page of groups, oldest first', schema: Page(GroupView) } },
      handler: async ({ query }, c) => {
        const limit = query.limit ?? 50;
        const after = query.cursor ? decodeCursor(query.cursor, isIdCursor).id : undefined;
        const rows = await listGroups(identity(), actorOf(c), query, { limit, after });
        return { status: 200, body: toPage(rows, limit, (r) => ({ id: r.id })) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/groups/{groupId}',
      summary: 'Read a group',
      description:
        "Members of the group, guardians of its minor members, and holders of `groups.read` in the group's region; others get 404.",
      access: { authenticated: READERS },
      request: { params: GroupParams },
      responses: { 200: { description: 'The group', schema: GroupView } },
      handler: async ({ params }, c) => ({
        status: 200,
        body: await readGroup(identity(), actorOf(c), params.groupId),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/groups/{groupId}/members',
      summary: 'List a group’s members (learner numbers and roles only)',
      description: 'Those who may read the group; no personal data beyond learner numbers and roles.',
      access: { authenticated: READERS },
      request: { params: GroupParams, query: PageQuery },
      responses: { 200: { description: 'A page of members, in joining order', schema: Page(MemberView) } },
      handler: async ({ params, query }, c) => {
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
      },
    }),
    defineRoute({
      method: 'post',
      path: '/groups/{groupId}/invitations',
      summary: 'Invite a person to the group with a role',
      description:
        'By a managing member (family: elder or parent; school: admin, or a teacher inviting students; others: ' +
        'admin). The invitation expires after 14 days. A pending invitation of the same person with the same ' +
        'role is returned unchanged (200); with another role it is a 409 (GROUP_INVITATION_PENDING).',
      access: { authenticated: 'a managing member of the group' },
      request: { params: GroupParams, body: InvitationBody },
      responses: {
        201: { description: 'Invited', schema: InvitationView },
        200: { description: 'Already invited with this role: the pending invitation', schema: InvitationView },
        409: { description: 'Already a member, or invited with another role' },
      },
      handler: async ({ params, body }, c) => {
        const { view, created } = await createInvitation(identity(), actorOf(c), params.groupId, body);
        return created ? { status: 201, body: view } : { status: 200, body: view };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/groups/{groupId}/invitations/{invitationId}',
      summary: 'Revoke a pending invitation',
      description: 'Managing members of the group; an invitation already answered, revoked or expired is a 409.',
      access: { authenticated: 'a managing member of the group (a teacher: invitations of students)' },
      request: { params: GroupInvitationParams },
      responses: {
        204: { description: 'Revoked' },
        409: { description: 'Already answered, revoked or expired (GROUP_INVITATION_NOT_PENDING)' },
      },
      handler: async ({ params }, c) => {
        await revokeInvitation(identity(), actorOf(c), params.groupId, params.invitationId);
        return { status: 204, body: undefined };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/groups/{groupId}/members/{learnerNumber}',
      summary: 'Leave a group, or remove a member',
      description:
        'The member leaves (or a guardian takes a minor out); a managing member removes others (a teacher: ' +
        'students). The last managing member cannot leave or be removed while other members remain (409 ' +
        'GROUP_LAST_MANAGER).',
      access: { authenticated: 'the member, a guardian of a minor member, or a managing member' },
      request: { params: GroupMemberParams },
      responses: {
        204: { description: 'No longer a member' },
        409: { description: 'The last managing member, with other members remaining' },
      },
      handler: async ({ params }, c) => {
        await removeMember(identity(), actorOf(c), params.groupId, params.learnerNumber);
        return { status: 204, body: undefined };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/invitations',
      summary: 'Pending invitations for the caller and the minors they are guardian of',
      description: 'What the caller (or, as guardian, their minors) may accept or decline, oldest first.',
      access: { authenticated: 'a signed-in person' },
      request: { query: PageQuery },
      responses: { 200: { description: 'A page of pending invitations, oldest first', schema: Page(InvitationView) } },
      handler: async ({ query }, c) => {
        const limit = query.limit ?? 50;
        const after = query.cursor ? decodeCursor(query.cursor, isIdCursor).id : undefined;
        const rows = await listInvitations(identity(), actorOf(c), { limit, after });
        return { status: 200, body: toPage(rows, limit, (r) => ({ id: r.id })) };
      },
    }),
    answerRoute(identity, 'accept'),
    answerRoute(identity, 'decline'),
  ];
}
