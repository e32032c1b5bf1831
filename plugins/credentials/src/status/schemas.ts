import { Type } from '@sinclair/typebox';

export const StatusListParams = Type.Object({ regionId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,63}$' }) });

export const StatusListCredential = Type.Object(
  {
    '@context': Type.Array(Type.String()),
    id: Type.String(),
    type: Type.Array(Type.String()),
    issuer: Type.String(),
    validFrom: Type.String({ format: 'date-time' }),
    credentialSubject: Type.Object({
      id: Type.String(),
      type: Type.Literal('BitstringStatusList'),
      statusPurpose: Type.Literal('revocation'),
      encodedList: Type.String({ description: 'GZIP-compressed bitstring, base64url multibase ("u…").' }),
    }),
    proof: Type.Object({}, { additionalProperties: true }),
  },
  { additionalProperties: true },
);
