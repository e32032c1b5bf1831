// The session routes' schemas (sign in, refresh, who am I), shared by the routes and the SDK.
import { type Static, Type } from '@sinclair/typebox';
import { PersonView } from './people-schemas.js';

/** `POST /v1/sessions`. */
export const TotpCode = Type.String({
  pattern: '^[0-9]{6}$',
  description: 'The six-digit code the authenticator app shows now (each code works once).',
});
export const RecoveryCode = Type.String({
  minLength: 10,
  maxLength: 20,
  description: 'One of the recovery codes shown when two-factor sign-in was turned on (each works once).',
});

export const SignInBody = Type.Object(
  {
    learnerNumber: Type.String({ maxLength: 32 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
    code: Type.Optional(
      Type.String({ pattern: '^[0-9]{6}$', description: 'With two-factor sign-in on: the authenticator code.' }),
    ),
    recoveryCode: Type.Optional(RecoveryCode),
  },
  { additionalProperties: false },
);
export type SignInBody = Static<typeof SignInBody>;

/** `POST /v1/sessions/refresh`. */
export const RefreshSessionBody = Type.Object(
  { refreshToken: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type RefreshSessionBody = Static<typeof RefreshSessionBody>;

/** A token pair, from sign-in and refresh. */
export const IssuedSession = Type.Object({
  token: Type.String({ description: 'Send as Authorization: Bearer <token>.' }),
  expiresAt: Type.String({ format: 'date-time' }),
  refreshToken: Type.String({ description: 'Exchange at POST /v1/sessions/refresh; rotated on use.' }),
  refreshExpiresAt: Type.String({ format: 'date-time' }),
});
export type IssuedSession = Static<typeof IssuedSession>;

const Grant = Type.Object({
  role: Type.String(),
  scope: Type.Object({ type: Type.String(), id: Type.Optional(Type.String()) }),
});

/** `GET /v1/me`. */
export const MeView = Type.Object({
  kind: Type.Union([Type.Literal('person'), Type.Literal('apiKey')]),
  id: Type.String(),
  name: Type.Optional(Type.String()),
  person: Type.Optional(PersonView),
  roles: Type.Array(Grant),
});
export type MeView = Static<typeof MeView>;
