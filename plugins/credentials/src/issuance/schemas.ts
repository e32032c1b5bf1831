import { type Static, Type } from '@sinclair/typebox';

const Uuid = Type.String({ format: 'uuid' });

export const CredentialFormat = Type.Union([Type.Literal('ldp_vc'), Type.Literal('jwt_vc')], {
  description: '`ldp_vc`: JSON-LD with an eddsa-rdfc-2022 Data Integrity proof; `jwt_vc`: a VC-JWT (EdDSA).',
});
export type CredentialFormat = Static<typeof CredentialFormat>;

export const FormatQuery = Type.Object({ format: Type.Optional(CredentialFormat) });
export const RecordCredentialParams = Type.Object({ recordId: Uuid });
export const PersonParams = Type.Object({ learnerNumber: Type.String({ minLength: 1, maxLength: 32 }) });
export const CredentialParams = Type.Object({ credentialId: Uuid });
export const DownloadQuery = Type.Object({
  as: Type.Optional(
    Type.Union([Type.Literal('json'), Type.Literal('jsonld'), Type.Literal('jwt')], {
      description:
        '`json` (application/json, .json), `jsonld` (application/ld+json, .json), `jwt` (application/jwt, .jwt).',
    }),
  ),
});

export const IssuedCredential = Type.Object({
  id: Uuid,
  format: CredentialFormat,
  credential: Type.Union([Type.Object({}, { additionalProperties: true }), Type.String()], {
    description: 'The signed credential: a JSON-LD object (ldp_vc) or a compact JWT (jwt_vc).',
  }),
  verificationUrl: Type.String({ description: 'The public page that verifies it (a share URL).' }),
});
export type IssuedCredential = Static<typeof IssuedCredential>;
