import { defineError } from '../errors/lifelong-error.js';

export const GroupNotFound = defineError('GROUP_NOT_FOUND', 404, 'No such group');
export const GroupMemberNotFound = defineError(
  'GROUP_MEMBER_NOT_FOUND',
  404,
  'This person is not a member of the group',
);
export const InvitationNotFound = defineError('GROUP_INVITATION_NOT_FOUND', 404, 'No such invitation');
export const AlreadyMember = defineError('GROUP_ALREADY_MEMBER', 409, 'This person is already a member of the group');
export const InvitationPending = defineError(
  'GROUP_INVITATION_PENDING',
  409,
  'This person already has a pending invitation to the group with another role',
);
export const InvitationNotPending = defineError(
  'GROUP_INVITATION_NOT_PENDING',
  409,
  'The invitation was already answered, revoked, or has expired',
);
export const LastManager = defineError(
  'GROUP_LAST_MANAGER',
  409,
  'The last managing member cannot leave or be removed while other members remain',
);
export const GuardianConsentRequired = defineError(
  'GROUP_GUARDIAN_CONSENT_REQUIRED',
  403,
  "A minor joins a group only with a guardian's consent",
);
export const MinorCannotCreateGroup = defineError('GROUP_MINOR_CANNOT_CREATE', 403, 'Minors cannot create groups');
