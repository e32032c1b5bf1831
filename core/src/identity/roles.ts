/** The core's roles. A role is granted within a scope; see `permissions.ts` for what each may do. */
export const ROLES = [
  'learner',
  'guardian',
  'teacher',
  'registrar',
  'issuer',
  'industry-partner',
  'region-admin',
  'platform-admin',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Permissions of each role, within the scope of its grant. Learners and guardians act on their
 * own records and their minors' through relationships (self, guardian-of), not permissions.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly string[]>> = {
  learner: [],
  guardian: [],
  teacher: [],
  'industry-partner': [],
  // Issuers (institutions' API keys) award credits: they open accounts and post transfers, and mint
  // while their institution is accredited (api-keys.ts drops `mint` otherwise).
  issuer: ['people.read', 'ledger.accounts.create', 'ledger.transfers.create', 'ledger.transfers.mint'],
  registrar: ['people.read', 'people.verify', 'people.guardians.manage'],
  'region-admin': [
    'people.read',
    'people.verify',
    'people.guardians.manage',
    'people.merge',
    'people.erase',
    'roles.grant',
    'institutions.manage',
    'api-keys.manage',
    'audit.read',
    'groups.read',
    'plugins.manage',
    'ledger.accounts.read',
    'regions.security.manage',
  ],
  'platform-admin': ['*'],
};

/** Roles a region admin may grant within their own region (never platform-admin). */
export const REGION_GRANTABLE_ROLES: readonly Role[] = [
  'teacher',
  'registrar',
  'issuer',
  'industry-partner',
  'region-admin',
];
