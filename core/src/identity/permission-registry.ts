import { ROLE_PERMISSIONS } from './roles.js';

/** The core's permissions, each with what it allows (shown in `GET /v1/plugins` and the docs). */
export const CORE_PERMISSIONS: Readonly<Record<string, string>> = {
  'people.read': "Read people's records in the scope",
  'people.verify': 'Record identity verification decisions',
  'people.guardians.manage': 'Link guardians to minors',
  'people.merge': 'Merge duplicate registrations',
  'people.erase': "Decide people's erasure requests (and so erase them)",
  'roles.grant': 'Grant and revoke roles in the scope',
  'institutions.manage': 'Register institutions and set their accreditation',
  'api-keys.manage': 'Create, list and revoke API keys',
  'audit.read': 'Read the audit log',
  'groups.read': 'Read any group in the scope',
  'regions.manage': 'Create regions',
  'regions.security.manage': "Set the region's sign-in requirements (two-factor sign-in for privileged roles)",
  'plugins.manage': 'Enable, disable and configure plugins in the scope',
  'events.manage': 'See and retry dead-lettered event deliveries (platform scope)',
  'ledger.accounts.create': 'Open ledger accounts',
  'ledger.accounts.read': 'Read the ledger accounts of owners in the scope',
  'ledger.accounts.close': 'Close ledger accounts (no further transfers; history stays)',
  'ledger.transfers.create': 'Post ledger transfers',
  'ledger.transfers.mint': 'Post transfers that debit an issuance (mint) account',
};

/**
 * Which role holds which permissions on one platform: the core's table plus what plugins add
 * (`definePlugin({ permissions, roles })`). Principals carry their grants' permissions, expanded
 * from this registry when they authenticate, so authorization needs no global state.
 */
export class PermissionRegistry {
  private readonly byRole = new Map<string, Set<string>>();
  private readonly described = new Map<string, string>(Object.entries(CORE_PERMISSIONS));

  constructor() {
    for (const [role, permissions] of Object.entries(ROLE_PERMISSIONS)) this.byRole.set(role, new Set(permissions));
  }

  /** Declares a permission (plugins declare theirs as `<pluginId>.<name>`). */
  declare(permission: string, description: string): void {
    this.described.set(permission, description);
  }

  /** Adds permissions to a role, e.g. a plugin giving `teacher` its `course.publish`. */
  grant(role: string, permissions: readonly string[]): void {
    const set = this.byRole.get(role) ?? new Set<string>();
    for (const permission of permissions) set.add(permission);
    this.byRole.set(role, set);
  }

  permissionsOf(role: string): readonly string[] {
    return [...(this.byRole.get(role) ?? [])];
  }

  describe(permission: string): string | undefined {
    return this.described.get(permission);
  }
}
