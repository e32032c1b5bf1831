import { type Static, Type } from '@sinclair/typebox';

export const IssuerParams = Type.Object({ regionId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }) });

export const RotationBody = Type.Object(
  {
    reason: Type.Union([Type.Literal('scheduled'), Type.Literal('compromised')], {
      description:
        '`scheduled`: the old key is retired and still verifies what it signed; `compromised`: it is revoked and nothing it signed verifies.',
    }),
  },
  { additionalProperties: false },
);
export type RotationBody = Static<typeof RotationBody>;

const VerificationMethod = Type.Object({
  id: Type.String(),
  type: Type.Literal('Multikey'),
  controller: Type.String(),
  publicKeyMultibase: Type.String(),
  expires: Type.String({ format: 'date-time' }),
  revoked: Type.Optional(Type.String({ format: 'date-time' })),
});

export const DidDocument = Type.Object({
  '@context': Type.Array(Type.String()),
  id: Type.String(),
  verificationMethod: Type.Array(VerificationMethod),
  assertionMethod: Type.Array(Type.String()),
});
