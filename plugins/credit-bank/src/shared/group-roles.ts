import type { GroupSummary } from '@lifelong/core';

/** The roles that manage a group, per type (docs/groups.md): they spend its pool. */
const MANAGING_ROLES: Record<GroupSummary['type'], readonly string[]> = {
  family: ['elder', 'parent'],
  school: ['admin'],
  collective: ['admin'],
  interest: ['admin'],
};

export const isManagingRole = (type: GroupSummary['type'], role: string | null): boolean =>
  role !== null && MANAGING_ROLES[type].includes(role);
