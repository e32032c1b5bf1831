import type { Me } from '@lifelong/sdk';

/**
 * The institutions whose certificates this person reviews: where they are a registrar of the
 * institution (its verifier, holding `certificates.review` there).
 */
export const reviewedInstitutions = (me: Me): string[] =>
  me.roles
    .filter((grant) => grant.role === 'registrar' && grant.scope.type === 'institution' && grant.scope.id)
    .map((grant) => grant.scope.id as string);
