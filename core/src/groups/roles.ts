/** Kept here, not in the table module, so the HTTP schemas load without drizzle. */
export const GROUP_TYPES = ['family', 'school', 'collective', 'interest'] as const;

export type GroupType = (typeof GROUP_TYPES)[number];

/** Every member role of any group type (the database stores roles as text). */
export const GROUP_ROLES = ['elder', 'parent', 'child', 'teacher', 'student', 'admin', 'member'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];

interface RoleRules {
  roles: readonly GroupRole[];
  /** Roles that manage the whole group: invite and remove anyone. One must remain while others do. */
  managers: readonly GroupRole[];
  /** Roles that may manage only some roles (a teacher: students), without counting as managers. */
  limited: Partial<Record<GroupRole, readonly GroupRole[]>>;
  /** The creator's role when none is asked for. */
  creatorDefault: GroupRole;
}

export const GROUP_ROLE_RULES: Readonly<Record<GroupType, RoleRules>> = {
  family: { roles: ['elder', 'parent', 'child'], managers: ['elder', 'parent'], limited: {}, creatorDefault: 'parent' },
  school: {
    roles: ['teacher', 'student', 'admin'],
    managers: ['admin'],
    limited: { teacher: ['student'] },
    creatorDefault: 'admin',
  },
  collective: { roles: ['admin', 'member'], managers: ['admin'], limited: {}, creatorDefault: 'admin' },
  interest: { roles: ['admin', 'member'], managers: ['admin'], limited: {}, creatorDefault: 'admin' },
};

export function isRoleOf(type: GroupType, role: string): role is GroupRole {
  return (GROUP_ROLE_RULES[type].roles as readonly string[]).includes(role);
}

export function isManager(type: GroupType, role: string | null): boolean {
  return role !== null && (GROUP_ROLE_RULES[type].managers as readonly string[]).includes(role);
}

/** Whether a member with `actorRole` may invite to, revoke or remove from `targetRole`. */
export function manages(type: GroupType, actorRole: string | null, targetRole: string): boolean {
  if (actorRole === null) return false;
  if (isManager(type, actorRole)) return true;
  const limited = GROUP_ROLE_RULES[type].limited[actorRole as GroupRole];
  return limited !== undefined && (limited as readonly string[]).includes(targetRole);
}

/** Whether `role` gives any managing rights at all (full or limited). */
export function managesAnything(type: GroupType, role: string | null): boolean {
  return role !== null && (isManager(type, role) || GROUP_ROLE_RULES[type].limited[role as GroupRole] !== undefined);
}
