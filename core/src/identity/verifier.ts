import type { Actor } from '../audit/record.js';
import type { VerificationBody } from './people-schemas.js';

export interface VerificationRequest {
  person: { id: string; learnerNumber: string; regionId: string; dateOfBirth: string };
  /** What the registrar decided on the evidence they saw. */
  decision: VerificationBody['decision'];
  evidence: VerificationBody['evidence'];
  actor: Actor;
}

export interface VerificationOutcome {
  decision: 'approve' | 'reject';
  /** The verifier's own reference (e.g. a government service's case number), kept in the audit log. */
  reference?: string;
}

/**
 * Decides identity verifications in a region. The default takes the registrar's decision; a
 * region can plug in a government ID service (`createPlatform({ identityVerifiers })`) that checks
 * the evidence itself. It runs before the decision's transaction, so a slow service holds no lock.
 */
export interface IdentityVerifier {
  /** Named in the audit log, e.g. `registrar` or `cn-ctid`. */
  id: string;
  decide(request: VerificationRequest): Promise<VerificationOutcome>;
}

export const registrarVerifier: IdentityVerifier = {
  id: 'registrar',
  decide: async ({ decision }) => ({ decision }),
};
