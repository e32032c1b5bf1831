/** Where a role applies. */
export type Scope =
  | { type: 'platform' }
  | { type: 'region'; id: string }
  | { type: 'institution'; id: string }
  | { type: 'group'; id: string };

export interface RoleGrant {
  role: string;
  scope: Scope;
  /** What the role allows on this platform (`*`: everything), expanded when the principal authenticates. */
  permissions: readonly string[];
}

/**
 * Who is calling: nobody, a signed-in person (session token), or an API key (institutions,
 * services, operators). `id` is the person's or the key's id.
 */
export type Principal =
  | { kind: 'anonymous' }
  | { kind: 'person'; id: string; learnerNumber: string; sessionId: string; roles: readonly RoleGrant[] }
  | {
      kind: 'apiKey';
      id: string;
      name: string;
      /** The institution the key belongs to, if any. */
      institutionId?: string;
      roles: readonly RoleGrant[];
    };

export type AuthenticatedPrincipal = Exclude<Principal, { kind: 'anonymous' }>;

export const ANONYMOUS: Principal = Object.freeze({ kind: 'anonymous' });
