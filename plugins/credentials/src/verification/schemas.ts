import { type Static, Type } from '@sinclair/typebox';

export const VerifyBody = Type.Object(
  {
    credential: Type.Union([Type.Object({}, { additionalProperties: true }), Type.String({ maxLength: 2_000_000 })], {
      description: 'A credential: a JSON-LD object with a Data Integrity proof, or a compact VC-JWT.',
    }),
  },
  { additionalProperties: false },
);
export type VerifyBody = Static<typeof VerifyBody>;

export const CheckName = Type.Union(
  ['format', 'schema', 'issuer', 'signature', 'status', 'expiry'].map((name) => Type.Literal(name)),
);

export const FailureReason = Type.Union(
  [
    'MALFORMED',
    'SCHEMA_INVALID',
    'DID_UNRESOLVED',
    'KEY_UNKNOWN',
    'KEY_REVOKED',
    'KEY_EXPIRED',
    'SIGNATURE_INVALID',
    'REVOKED',
    'STATUS_UNAVAILABLE',
    'EXPIRED',
    'NOT_YET_VALID',
  ].map((name) => Type.Literal(name)),
);
export type FailureReason = Static<typeof FailureReason>;

export const Verification = Type.Object({
  verified: Type.Boolean(),
  format: Type.Union([Type.Literal('ldp_vc'), Type.Literal('jwt_vc'), Type.Null()]),
  checks: Type.Array(Type.Object({ check: CheckName, passed: Type.Boolean(), detail: Type.String() }), {
    description: 'Every check run, in order; a check that could not run (an earlier one failed) is absent.',
  }),
  errors: Type.Array(Type.Object({ check: CheckName, reason: FailureReason, message: Type.String() })),
});
export type Verification = Static<typeof Verification>;

export const VerificationPageParams = Type.Object({ credentialId: Type.String({ format: 'uuid' }) });
