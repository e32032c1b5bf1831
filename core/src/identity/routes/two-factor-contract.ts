import { Type } from '@sinclair/typebox';
import { Forbidden } from '../../errors/core-errors.js';
import { defineContract } from '../../http/contract.js';
import {
  InvalidCredentials,
  PasswordIncorrect,
  SecondFactorInvalid,
  SignInThrottled,
  TwoFactorStateConflict,
} from '../errors.js';
import { IssuedSession, RecoveryCode, TotpCode } from '../session-schemas.js';

const Credentials = {
  learnerNumber: Type.String({ maxLength: 32 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
};

export const TwoFactorStatusView = Type.Object({
  status: Type.Union([Type.Literal('off'), Type.Literal('pending'), Type.Literal('on')], {
    description: '`pending`: enrolled, waiting for a first code.',
  }),
  confirmedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  recoveryCodesLeft: Type.Integer({ minimum: 0 }),
  required: Type.Boolean({ description: 'A region requires it of your roles (it cannot be turned off then).' }),
});

export const EnrolmentView = Type.Object({
  otpauthUri: Type.String({ description: 'Shown once: scan it as a QR code or paste it into an authenticator app.' }),
  secret: Type.String({ description: 'The same secret in base32, for typing in by hand. Shown once.' }),
  issuer: Type.String(),
  algorithm: Type.String(),
  digits: Type.Integer(),
  period: Type.Integer({ description: 'Seconds per code.' }),
});

const RecoveryCodes = Type.Array(Type.String(), {
  description: 'Ten single-use recovery codes, shown this once; keep them apart from the authenticator.',
});

export const getTwoFactor = defineContract({
  operationId: 'me.twoFactor.get',
  method: 'get',
  path: '/v1/me/two-factor',
  summary: 'My two-factor sign-in: off, pending or on',
  description:
    'Whether sign-in needs an authenticator code, how many recovery codes are left, and whether a region requires it of my roles.',
  access: { authenticated: 'a signed-in person' },
  errors: [Forbidden],
  responses: { 200: { description: 'My two-factor sign-in', schema: TwoFactorStatusView } },
});

export const startTwoFactor = defineContract({
  operationId: 'me.twoFactor.enrol',
  method: 'post',
  path: '/v1/me/two-factor',
  summary: 'Enrol an authenticator app (TOTP)',
  description:
    'Needs the password (checked under the sign-in throttle). Answers a new secret as an otpauth URI, shown this ' +
    'once and stored encrypted; sign-in is unchanged until a first code confirms it. Starting again replaces a ' +
    'pending secret. 409 `IDENTITY_TWO_FACTOR_STATE` (`reason: enabled`) while it is on.',
  access: { authenticated: 'a signed-in person' },
  errors: [Forbidden, PasswordIncorrect, SignInThrottled, TwoFactorStateConflict],
  request: {
    body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
  },
  responses: { 201: { description: 'Enrolment started', schema: EnrolmentView } },
});

export const confirmTwoFactor = defineContract({
  operationId: 'me.twoFactor.confirm',
  method: 'post',
  path: '/v1/me/two-factor/confirmation',
  summary: 'Turn two-factor sign-in on with a first code',
  description:
    'The first code from the new authenticator turns it on and answers ten single-use recovery codes (shown this ' +
    'once, stored hashed). Every other session ends. A wrong code counts towards the sign-in throttle.',
  access: { authenticated: 'a signed-in person' },
  errors: [Forbidden, SecondFactorInvalid, SignInThrottled, TwoFactorStateConflict],
  request: { body: Type.Object({ code: TotpCode }, { additionalProperties: false }) },
  responses: {
    200: {
      description: 'On',
      schema: Type.Object({ recoveryCodes: RecoveryCodes, sessionsEnded: Type.Integer({ minimum: 0 }) }),
    },
  },
});

export const disableTwoFactor = defineContract({
  operationId: 'me.twoFactor.disable',
  method: 'post',
  path: '/v1/me/two-factor/removal',
  summary: 'Turn two-factor sign-in off',
  description:
    'Needs one proof: an authenticator `code`, a `recoveryCode` or the `password` (wrong ones count towards the ' +
    'sign-in throttle). Removes the secret and the recovery codes. Refused (409, `reason: required`) while a region ' +
    'requires it of my roles. A pending enrolment is dropped without proof.',
  access: { authenticated: 'a signed-in person' },
  errors: [Forbidden, PasswordIncorrect, SecondFactorInvalid, SignInThrottled, TwoFactorStateConflict],
  request: {
    body: Type.Object(
      {
        code: Type.Optional(TotpCode),
        recoveryCode: Type.Optional(RecoveryCode),
        password: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
  },
  responses: { 204: { description: 'Off' } },
});

export const renewRecoveryCodes = defineContract({
  operationId: 'me.twoFactor.recoveryCodes.renew',
  method: 'post',
  path: '/v1/me/two-factor/recovery-codes',
  summary: 'New recovery codes (the old ones stop working)',
  description: 'Needs an authenticator code. Answers ten new single-use codes, shown this once.',
  access: { authenticated: 'a signed-in person' },
  errors: [Forbidden, SecondFactorInvalid, SignInThrottled, TwoFactorStateConflict],
  request: { body: Type.Object({ code: TotpCode }, { additionalProperties: false }) },
  responses: { 200: { description: 'New codes', schema: Type.Object({ recoveryCodes: RecoveryCodes }) } },
});

export const startEnrolmentAtSignIn = defineContract({
  operationId: 'sessions.twoFactorEnrolment.start',
  method: 'post',
  path: '/v1/sessions/two-factor-enrolment',
  summary: 'Enrol an authenticator app before signing in',
  description:
    'For people a region requires two-factor sign-in of (sign-in answers them 403 ' +
    '`IDENTITY_TWO_FACTOR_ENROLMENT_REQUIRED`), and anyone else who prefers it: the learner number and password ' +
    '(checked like a sign-in, same 401 for an unknown account) answer a new secret, shown once. Then confirm it at ' +
    '`/v1/sessions/two-factor-enrolment/confirmation`.',
  access: { public: true },
  rateLimit: 'signIn',
  errors: [InvalidCredentials, SignInThrottled, TwoFactorStateConflict],
  request: { body: Type.Object(Credentials, { additionalProperties: false }) },
  responses: { 201: { description: 'Enrolment started', schema: EnrolmentView } },
});

export const confirmEnrolmentAtSignIn = defineContract({
  operationId: 'sessions.twoFactorEnrolment.confirm',
  method: 'post',
  path: '/v1/sessions/two-factor-enrolment/confirmation',
  summary: 'Turn two-factor sign-in on with a first code, and sign in',
  description:
    'The learner number, the password and the first authenticator code turn two-factor sign-in on, end every ' +
    'other session and sign in: a token pair and ten single-use recovery codes (shown this once).',
  access: { public: true },
  rateLimit: 'signIn',
  errors: [InvalidCredentials, SecondFactorInvalid, SignInThrottled, TwoFactorStateConflict],
  request: { body: Type.Object({ ...Credentials, code: TotpCode }, { additionalProperties: false }) },
  responses: {
    201: {
      description: 'On, and signed in',
      schema: Type.Object({ session: IssuedSession, recoveryCodes: RecoveryCodes }),
    },
  },
});
