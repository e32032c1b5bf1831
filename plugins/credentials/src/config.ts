import { Type } from '@sinclair/typebox';

/** The credentials plugin's per-region configuration. */
export const CredentialsConfig = Type.Object({
  publicOrigin: Type.String({
    pattern: '^https?://[^/]+$',
    default: 'http://localhost:3000',
    description:
      'The platform’s public origin (scheme and host, no path): the issuer is did:web:<host>:v1:credentials:issuers:<region>, resolved at <origin>/v1/credentials/issuers/<region>/did.json.',
  }),
  issuerName: Type.String({ minLength: 1, maxLength: 200, default: 'Lifelong credit bank' }),
  keyLifetimeDays: Type.Integer({
    minimum: 1,
    maximum: 36_500,
    default: 3650,
    description: 'How long a signing key verifies anything (its `expires`): rotate well before.',
  }),
  credentialValidityDays: Type.Integer({
    minimum: 0,
    maximum: 36_500,
    default: 0,
    description: 'validUntil of new credentials, in days after issue; 0 for none.',
  }),
});
