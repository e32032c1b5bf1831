import { defineContract } from '../http/contract.js';
import { Page, PageQuery } from '../http/page-schemas.js';
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

export const READERS = 'members, guardians of minor members, or holders of groups.read in the group’s region';

export const createGroup = defineContract({
  operationId: 'groups.create',
  method: 'post',
  path: '/v1/groups',
  summary: 'Create a group and join it as its manager',
  description:
    'The group belongs to the request’s region (Lifelong-Region header). The creator joins as parent ' +
    '(family; or elder if asked) or admin (school, collective, interest). Minors cannot create groups.',
  access: { authenticated: 'a signed-in adult person' },
  request: { body: CreateGroupBody },
  responses: { 201: { description: 'Created', schema: GroupView } },
});

export const listGroups = defineContract({
  operationId: 'groups.list',
  method: 'get',
  path: '/v1/groups',
  summary: 'List groups: the caller’s, or a member’s',
  description: 'Without member: the caller’s groups. With member: that person’s groups.',
  access: {
    authenticated: 'the caller; with member: the person, their guardians, or holders of groups.read in their region',
  },
  request: { query: ListGroupsQuery },
  responses: { 200: { description: 'A page of groups, oldest first', schema: Page(GroupView) } },
});

export const getGroup = defineContract({
  operationId: 'groups.get',
  method: 'get',
  path: '/v1/groups/{groupId}',
  summary: 'Read a group',
  description:
    "Members of the group, guardians of its minor members, and holders of `groups.read` in the group's region; others get 404.",
  access: { authenticated: READERS },
  request: { params: GroupParams },
  responses: { 200: { description: 'The group', schema: GroupView } },
});

export const listMembers = defineContract({
  operationId: 'groups.members.list',
  method: 'get',
  path: '/v1/groups/{groupId}/members',
  summary: 'List a group’s members (learner numbers and roles only)',
  description: 'Those who may read the group; no personal data beyond learner numbers and roles.',
  access: { authenticated: READERS },
  request: { params: GroupParams, query: PageQuery },
  responses: { 200: { description: 'A page of members, in joining order', schema: Page(MemberView) } },
});

export const invite = defineContract({
  operationId: 'groups.invitations.create',
  method: 'post',
  path: '/v1/groups/{groupId}/invitations',
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
});

export const revokeInvitation = defineContract({
  operationId: 'groups.invitations.revoke',
  method: 'delete',
  path: '/v1/groups/{groupId}/invitations/{invitationId}',
  summary: 'Revoke a pending invitation',
  description: 'Managing members of the group; an invitation already answered, revoked or expired is a 409.',
  access: { authenticated: 'a managing member of the group (a teacher: invitations of students)' },
  request: { params: GroupInvitationParams },
  responses: {
    204: { description: 'Revoked' },
    409: { description: 'Already answered, revoked or expired (GROUP_INVITATION_NOT_PENDING)' },
  },
});

export const removeMember = defineContract({
  operationId: 'groups.members.remove',
  method: 'delete',
  path: '/v1/groups/{groupId}/members/{learnerNumber}',
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
});

export const listInvitations = defineContract({
  operationId: 'invitations.list',
  method: 'get',
  path: '/v1/invitations',
  summary: 'Pending invitations for the caller and the minors they are guardian of',
  description: 'What the caller (or, as guardian, their minors) may accept or decline, oldest first.',
  access: { authenticated: 'a signed-in person' },
  request: { query: PageQuery },
  responses: { 200: { description: 'A page of pending invitations, oldest first', schema: Page(InvitationView) } },
});

const answerResponses = {
  200: { description: 'The invitation, answered', schema: InvitationView },
  409: { description: 'Already answered, revoked or expired (GROUP_INVITATION_NOT_PENDING)' },
};
const INVITEE = 'the invitee, or a guardian of a minor invitee';

export const acceptInvitation = defineContract({
  operationId: 'invitations.accept',
  method: 'post',
  path: '/v1/invitations/{invitationId}/accept',
  summary: 'Accept an invitation (joins the group)',
  description: 'By an adult invitee, or by a guardian for a minor invitee: a minor cannot accept alone.',
  access: { authenticated: INVITEE },
  request: { params: InvitationParams },
  responses: answerResponses,
});

export const declineInvitation = defineContract({
  operationId: 'invitations.decline',
  method: 'post',
  path: '/v1/invitations/{invitationId}/decline',
  summary: 'Decline an invitation',
  description: 'By the invitee (a minor too), or by a guardian for a minor invitee.',
  access: { authenticated: INVITEE },
  request: { params: InvitationParams },
  responses: answerResponses,
});
