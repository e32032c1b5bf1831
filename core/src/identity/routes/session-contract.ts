import { Type } from '@sinclair/typebox';
import { Forbidden } from '../../errors/core-errors.js';
import { defineContract } from '../../http/contract.js';
import {
  InvalidCredentials,
  InvalidRefreshToken,
  SecondFactorInvalid,
  SecondFactorRequired,
  SignInThrottled,
  TwoFactorEnrolmentRequired,
} from '../errors.js';
import { PersonView } from '../people-schemas.js';
import { IssuedSession, MeView, RefreshSessionBody, SignInBody } from '../session-schemas.js';

export const signIn = defineContract({
  operationId: 'sessions.create',
  method: 'post',
  path: '/v1/sessions',
  summary: 'Sign in with learner number and password',
  description:
    'Repeated failures back off exponentially per account and per address (429 with Retry-After). With two-factor ' +
    'sign-in on, send `code` (or `recoveryCode`) too: without it the answer is 401 `IDENTITY_SECOND_FACTOR_REQUIRED`, ' +
    'a wrong one 401 `IDENTITY_SECOND_FACTOR_INVALID` (counted as a failure). A person whose privileged roles a ' +
    'region requires a second factor of, and who has none, gets 403 `IDENTITY_TWO_FACTOR_ENROLMENT_REQUIRED`.',
  access: { public: true },
  rateLimit: 'signIn',
  errors: [InvalidCredentials, SecondFactorRequired, SecondFactorInvalid, SignInThrottled, TwoFactorEnrolmentRequired],
  request: {
    body: SignInBody,
  },
  responses: {
    201: { description: 'Signed in', schema: IssuedSession },
    401: { description: 'Wrong learner number or password (never says which), or the second factor missing or wrong' },
    429: { description: 'Too many failures; see Retry-After' },
  },
});

export const refreshSession = defineContract({
  operationId: 'sessions.refresh',
  method: 'post',
  path: '/v1/sessions/refresh',
  summary: 'Exchange a refresh token for a new token pair',
  description:
    'Rotates both tokens: the old pair stops working at once. Presenting an already exchanged refresh ' +
    'token again ends the whole session (both pairs) and is audited as `session.refresh-reused`. ' +
    'Counted against the sign-in rate limit of the client address.',
  access: { public: true },
  rateLimit: 'signIn',
  errors: [InvalidRefreshToken, TwoFactorEnrolmentRequired],
  request: {
    body: RefreshSessionBody,
  },
  responses: {
    201: { description: 'A new token pair', schema: IssuedSession },
    401: { description: 'Unknown, expired, revoked or already exchanged refresh token' },
  },
});

export const signOut = defineContract({
  operationId: 'sessions.current.delete',
  method: 'delete',
  path: '/v1/sessions/current',
  summary: 'Sign out of this session',
  description: 'Ends the session whose token is sent; its refresh token stops working too.',
  access: { authenticated: 'a signed-in person (session token)' },
  responses: { 204: { description: 'Signed out' } },
});

export const signOutEverywhere = defineContract({
  operationId: 'sessions.deleteAll',
  method: 'delete',
  path: '/v1/sessions',
  summary: 'Sign out of every session',
  description: 'Ends every session of the signed-in person, this one included.',
  access: { authenticated: 'a signed-in person (session token)' },
  responses: { 204: { description: 'Every session revoked' } },
});

export const getMe = defineContract({
  operationId: 'me.get',
  method: 'get',
  path: '/v1/me',
  summary: 'Who am I: the signed-in person or API key, with roles',
  description:
    'The principal behind the bearer token: a person (with their learner number) or an API key, and its role grants with their scopes and permissions.',
  access: { authenticated: 'any signed-in principal' },
  responses: { 200: { description: 'The caller', schema: MeView } },
});

export const listMyChildren = defineContract({
  operationId: 'me.children.list',
  method: 'get',
  path: '/v1/me/children',
  summary: 'The minors I am a guardian of',
  description:
    "The signed-in person's children: the minors they are a guardian of now (guardianship ends on the 18th " +
    'birthday), by legal name, national IDs masked. Empty for everyone else; API keys get 403.',
  access: { authenticated: 'a signed-in person' },
  errors: [Forbidden],
  responses: {
    200: { description: 'My children', schema: Type.Object({ items: Type.Array(PersonView) }) },
  },
});
