import { Type } from '@sinclair/typebox';
import { Forbidden } from '../../errors/core-errors.js';
import { defineContract } from '../../http/contract.js';
import { PasswordIncorrect, SignInThrottled } from '../errors.js';
import { LearnerNumberParams, Password } from '../people-schemas.js';

const SessionsEnded = Type.Object({
  sessionsEnded: Type.Integer({ minimum: 0, description: 'How many sessions were signed out.' }),
});

export const changePassword = defineContract({
  operationId: 'me.password.change',
  method: 'post',
  path: '/v1/me/password',
  summary: 'Change my password',
  description:
    'Needs the current password, checked under the sign-in throttle (failures count towards the same lock, 429 ' +
    'with Retry-After). The new one follows the password policy (400 naming /body/newPassword and the rule). Every ' +
    'other session of the person ends; this one stays. Audited.',
  access: { authenticated: 'a signed-in person (session token)' },
  errors: [Forbidden, PasswordIncorrect, SignInThrottled],
  request: {
    body: Type.Object(
      {
        currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
        newPassword: Password,
      },
      { additionalProperties: false },
    ),
  },
  responses: { 200: { description: 'Changed', schema: SessionsEnded } },
});

export const setMinorPassword = defineContract({
  operationId: 'people.password.set',
  method: 'put',
  path: '/v1/people/{learnerNumber}/password',
  summary: "Set a minor's password (their guardian)",
  description:
    'A guardian sets a new password for their minor; every session of the minor ends. Anyone else, and any unknown ' +
    'learner number, gets the same 403. The new password follows the password policy. Audited.',
  access: { authenticated: "the minor's guardian" },
  errors: [Forbidden],
  request: {
    params: LearnerNumberParams,
    body: Type.Object({ newPassword: Password }, { additionalProperties: false }),
  },
  responses: { 200: { description: 'Set', schema: SessionsEnded } },
});
