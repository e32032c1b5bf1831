import { Page, PageQuery } from '@lifelong/core/schemas';
import { Type } from '@sinclair/typebox';

/** The xAPI scopes a credential may hold (xAPI 1.0.3, "OAuth Authorization Scope", the ones this LRS serves). */
export const SCOPES = [
  'statements/write',
  'statements/read',
  'statements/read/mine',
  'state',
  'profile',
  'all/read',
  'all',
] as const;
export const Scope = Type.Union(
  SCOPES.map((s) => Type.Literal(s)),
  {
    description:
      '`statements/write` stores statements; `statements/read` reads all the institution’s statements, `statements/read/mine` only those this credential stored; `state` reads and writes the state resource; `profile` the activity and agent profiles (and reads activities and agents); `all/read` reads everything; `all` does everything.',
  },
);

export const CreateCredentialBody = Type.Object({
  institutionId: Type.String({ format: 'uuid', description: 'The institution whose LRS the credential opens' }),
  name: Type.String({
    minLength: 1,
    maxLength: 100,
    description: 'Shown as the `authority` of the statements it stores',
  }),
  scopes: Type.Array(Scope, { minItems: 1, maxItems: SCOPES.length, uniqueItems: true }),
});

export const Credential = Type.Object({
  id: Type.String({ format: 'uuid' }),
  institutionId: Type.String({ format: 'uuid' }),
  name: Type.String(),
  key: Type.String({ description: 'The HTTP Basic user name' }),
  scopes: Type.Array(Scope),
  createdAt: Type.String({ format: 'date-time' }),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const CreatedCredential = Type.Composite([
  Credential,
  Type.Object({ secret: Type.String({ description: 'The HTTP Basic password: shown once, stored only as a hash' }) }),
]);

export const CredentialListQuery = Type.Object({
  ...PageQuery.properties,
  institutionId: Type.String({ format: 'uuid' }),
});
export const CredentialPage = Page(Credential);
export const CredentialParams = Type.Object({ credentialId: Type.String({ format: 'uuid' }) });
