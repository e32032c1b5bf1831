/** Where a role applies. Identity grows more scope types (institution, group) on top of these. */
export type Scope = { type: 'platform' } | { type: 'region'; id: string };

export interface RoleGrant {
  role: string;
  scope: Scope;
}

/** Who is calling: nobody, or an authenticated API key (people's sessions come with identity). */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'apiKey'; id: string; name: string; roles: readonly RoleGrant[] };

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });
