import { index, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coreSchema } from '../db/core-schema.js';
import type { TableDistribution } from '../db/distribution.js';
import { people } from '../identity/schema.js';
import { regions } from '../regions/schema.js';

import { GROUP_TYPES } from './roles.js';

export { GROUP_TYPES };

export const groups = coreSchema.table(
  'groups',
  {
    id: uuid('id').primaryKey(),
    type: text('type', { enum: GROUP_TYPES }).notNull(),
    name: text('name').notNull(),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('groups_type_idx').on(t.type)],
);

export const groupMembers = coreSchema.table(
  'group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.personId] }), index('group_members_person_idx').on(t.personId)],
);

export const groupInvitations = coreSchema.table(
  'group_invitations',
  {
    id: uuid('id').primaryKey(),
    groupId: uuid('group_id')
      .notNull()
      .references(() => groups.id),
    inviteeId: uuid('invitee_id')
      .notNull()
      .references(() => people.id),
    role: text('role').notNull(),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => people.id),
    status: text('status', { enum: ['pending', 'accepted', 'declined', 'revoked'] })
      .notNull()
      .default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    /** Who answered: the invitee, or a guardian answering for a minor. */
    respondedBy: uuid('responded_by'),
  },
  (t) => [index('group_invitations_invitee_idx').on(t.inviteeId), index('group_invitations_group_idx').on(t.groupId)],
);

/** Placement on a distributed cluster (docs/scale.md): a group's rows on the group's shard. */
export const groupsDistribution: readonly TableDistribution[] = [
  { table: groups, kind: 'distributed', column: 'id', colocation: 'group' },
  { table: groupMembers, kind: 'distributed', column: 'group_id', colocation: 'group' },
  { table: groupInvitations, kind: 'distributed', column: 'group_id', colocation: 'group' },
];
