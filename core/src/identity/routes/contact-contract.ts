import { Type } from '@sinclair/typebox';
import { Forbidden } from '../../errors/core-errors.js';
import { defineContract } from '../../http/contract.js';
import { DeliveryUnavailable } from '../../messaging/errors.js';
import { CodeCooldown, ContactCodeUnusable, ContactNotFound, ResetCodeInvalid, SignInThrottled } from '../errors.js';
import { learnerNumber, Password } from '../people-schemas.js';

const Kind = Type.Union([Type.Literal('email'), Type.Literal('phone')], {
  description: '`email`, or `phone` (a mobile number in E.164 form, e.g. +8613812345678).',
});
const KindParams = Type.Object({ kind: Kind }, { additionalProperties: false });
const Code = Type.String({ pattern: '^[0-9]{6}$', description: 'The six-digit code that was sent.' });

export const ContactView = Type.Object({
  kind: Kind,
  masked: Type.Union([Type.String(), Type.Null()], {
    description: 'The verified value, masked; null until one is verified.',
  }),
  verifiedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  pending: Type.Union([
    Type.Object({ masked: Type.String(), codeExpiresAt: Type.String({ format: 'date-time' }) }),
    Type.Null(),
  ]),
});

export const listContacts = defineContract({
  operationId: 'me.contacts.list',
  method: 'get',
  path: '/v1/me/contacts',
  summary: 'My email address and mobile number (masked)',
  description:
    'The verified values, masked (w***@example.com, +86138****5678), with a change waiting for its code if there is one. Values are never shown in full.',
  access: { authenticated: 'a signed-in person' },
  errors: [Forbidden],
  responses: { 200: { description: 'My contacts', schema: Type.Object({ items: Type.Array(ContactView) }) } },
});

export const setContact = defineContract({
  operationId: 'me.contacts.set',
  method: 'put',
  path: '/v1/me/contacts/{kind}',
  summary: 'Add or change my email or mobile number (sends a code to it)',
  description:
    'The new value waits for the six-digit code sent to it (10 minutes, 5 attempts); the verified value stays in ' +
    'use until then. One code a minute at most (429 with Retry-After). Values are stored encrypted and shown masked. ' +
    'The message is in the language of Accept-Language (en or zh-CN). 503 when the platform has no mail server or SMS provider.',
  access: { authenticated: 'a signed-in person' },
  errors: [Forbidden, CodeCooldown, DeliveryUnavailable],
  request: {
    params: KindParams,
    body: Type.Object(
      {
        value: Type.String({
          minLength: 3,
          maxLength: 254,
          description: 'An email address (for `email`) or an E.164 mobile number (for `phone`).',
        }),
      },
      { additionalProperties: false },
    ),
  },
  responses: { 202: { description: 'Code sent; the contact is pending', schema: ContactView } },
});

export const verifyContact = defineContract({
  operationId: 'me.contacts.verify',
  method: 'post',
  path: '/v1/me/contacts/{kind}/verification',
  summary: 'Confirm my email or mobile number with the code',
  description:
    'A wrong code is a 400 naming /body/code (attempts left in the message); none pending, expired or used up is a 409.',
  access: { authenticated: 'a signed-in person' },
  errors: [Forbidden, ContactCodeUnusable],
  request: { params: KindParams, body: Type.Object({ code: Code }, { additionalProperties: false }) },
  responses: { 200: { description: 'Verified', schema: ContactView } },
});

export const removeContact = defineContract({
  operationId: 'me.contacts.delete',
  method: 'delete',
  path: '/v1/me/contacts/{kind}',
  summary: 'Remove my email or mobile number',
  description:
    'Removes the verified value and any pending change; password reset codes can then no longer be sent there. Audited.',
  access: { authenticated: 'a signed-in person' },
  errors: [Forbidden, ContactNotFound],
  request: { params: KindParams },
  responses: { 204: { description: 'Removed' } },
});

export const requestPasswordReset = defineContract({
  operationId: 'passwordResets.create',
  method: 'post',
  path: '/v1/password-resets',
  summary: 'Ask for a password reset code',
  description:
    'Sends a six-digit code to the verified email or phone of the learner number. The answer is the same 202 whether ' +
    'or not the number exists or has that contact, and no second code is sent within a minute. 503 only when the ' +
    'platform cannot send on that channel at all.',
  access: { public: true },
  errors: [DeliveryUnavailable],
  request: {
    body: Type.Object(
      { learnerNumber: learnerNumber('Whose password to reset.'), channel: Kind },
      { additionalProperties: false },
    ),
  },
  responses: { 202: { description: 'Requested', schema: Type.Object({ message: Type.String() }) } },
});

export const confirmPasswordReset = defineContract({
  operationId: 'passwordResets.confirm',
  method: 'post',
  path: '/v1/password-resets/confirmation',
  summary: 'Set a new password with a reset code',
  description:
    'Single use, for 10 minutes, 5 guesses, under the sign-in throttle. Every wrong case is the same 400 ' +
    '(IDENTITY_RESET_CODE_INVALID). Every session of the person ends; they are notified in their inbox.',
  access: { public: true },
  errors: [ResetCodeInvalid, SignInThrottled],
  request: {
    body: Type.Object(
      { learnerNumber: learnerNumber('Whose password to reset.'), code: Code, newPassword: Password },
      { additionalProperties: false },
    ),
  },
  responses: {
    200: {
      description: 'Password set',
      schema: Type.Object({ sessionsEnded: Type.Integer({ minimum: 0 }) }),
    },
  },
});
