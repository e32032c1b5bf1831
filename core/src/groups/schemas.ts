import { type Static, Type } from '@sinclair/typebox';
import { PageQuery } from '../http/pagination.js';
import { learnerNumber } from '../identity/people-schemas.js';
import { HumanText } from '../text/human-text.js';
import { GROUP_ROLES, GROUP_TYPES } from './roles.js';

const Id = Type.String({ format: 'uuid' });
const DateTime = Type.String({ format: 'date-time' });

export const GroupType = Type.Union(
  GROUP_TYPES.map((type) => Type.Literal(type)),
  { description: 'family, school, collective or interest' },
);
export const GroupRole = Type.Union(
  GROUP_ROLES.map((role) => Type.Literal(role)),
  { description: 'family: elder, parent, child; school: teacher, student, admin; others: admin, member' },
);

export const CreateGroupBody = Type.Object(
  {
    type: GroupType,
    name: HumanText({ minLength: 1, maxLength: 200 }),
    creatorRole: Type.Optional(
      Type.Union([Type.Literal('parent'), Type.Literal('elder'), Type.Literal('admin')], {
        description: 'A managing role of the type: family parent (default) or elder; otherwise admin.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateGroupBody = Static<typeof CreateGroupBody>;

export const GroupView = Type.Object({
  id: Id,
  type: GroupType,
  name: Type.String(),
  regionId: Type.String(),
  createdAt: DateTime,
  memberCount: Type.Integer({ minimum: 0 }),
  myRole: Type.Union([GroupRole, Type.Null()], { description: "The caller's role; null when not a member." }),
});
export type GroupView = Static<typeof GroupView>;

export const ListGroupsQuery = Type.Composite(
  [
    PageQuery,
    Type.Object({
      type: Type.Optional(GroupType),
      member: Type.Optional(learnerNumber('List this person’s groups instead of the caller’s.')),
    }),
  ],
  { additionalProperties: false },
);

export const MemberView = Type.Object({
  learnerNumber: Type.String(),
  role: GroupRole,
  joinedAt: DateTime,
});

export const InvitationBody = Type.Object(
  { learnerNumber: learnerNumber('The person invited.'), role: GroupRole },
  { additionalProperties: false },
);
export type InvitationBody = Static<typeof InvitationBody>;

export const InvitationStatus = Type.Union(
  (['pending', 'accepted', 'declined', 'revoked', 'expired'] as const).map((s) => Type.Literal(s)),
);

export const InvitationView = Type.Object({
  id: Id,
  groupId: Id,
  groupType: GroupType,
  groupName: Type.String({ description: 'So the invitee (or guardian) knows what they consent to.' }),
  learnerNumber: Type.String({ description: 'The invitee.' }),
  role: GroupRole,
  status: InvitationStatus,
  expiresAt: DateTime,
  createdAt: DateTime,
});
export type InvitationView = Static<typeof InvitationView>;

export const GroupParams = Type.Object({ groupId: Id });
export const InvitationParams = Type.Object({ invitationId: Id });
export const GroupInvitationParams = Type.Object({ groupId: Id, invitationId: Id });
export const GroupMemberParams = Type.Object({ groupId: Id, learnerNumber: learnerNumber() });
