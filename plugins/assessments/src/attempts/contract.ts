import { defineContract } from '@lifelong/core/contract';
import {
  AttemptExpired,
  AttemptInProgress,
  AttemptLimitReached,
  AttemptNotFound,
  AttemptSubmitted,
  CoolingDown,
  FormClosed,
  FormNotFound,
  PeopleOnly,
} from '../errors.js';
import { FormParams } from '../shared/form-params.js';
import { Response } from '../shared/items.js';
import {
  Attempt,
  AttemptPage,
  AttemptParams,
  FormAttemptsQuery,
  MyAttemptsQuery,
  ResponseParams,
  SavedResponse,
} from './schemas.js';

export const startAttempt = defineContract({
  operationId: 'forms.attempts.start',
  method: 'post',
  path: '/forms/{formId}/attempts',
  summary: 'Start a timed attempt at an open form',
  description:
    "The server's clock starts it: `expiresAt` is now plus the form's time limit. The attempt shows prompts " +
    'and options only, never answer keys. Refused with 409 when the form is not open (`ASSESSMENTS_FORM_CLOSED`), ' +
    'an attempt is in progress (`ASSESSMENTS_ATTEMPT_IN_PROGRESS`), no attempts are left ' +
    '(`ASSESSMENTS_ATTEMPT_LIMIT_REACHED`) or the cooldown since the last attempt ended has not passed ' +
    '(`ASSESSMENTS_COOLDOWN`, with `retryAt`). A form of another region, or a draft the caller does not author, ' +
    'is 404. People only (403 `ASSESSMENTS_PEOPLE_ONLY`).',
  access: { authenticated: 'any signed-in person' },
  request: { params: FormParams },
  responses: { 201: { description: 'The attempt', schema: Attempt } },
  errors: [PeopleOnly, FormNotFound, FormClosed, AttemptInProgress, AttemptLimitReached, CoolingDown],
});

export const listMyAttempts = defineContract({
  operationId: 'attempts.list',
  method: 'get',
  path: '/attempts',
  summary: 'My attempts in this region, oldest first',
  description: "The signed-in person's attempts (optionally at one form), without items, a page at a time.",
  access: { authenticated: 'the signed-in person' },
  request: { query: MyAttemptsQuery },
  responses: { 200: { description: 'A page of attempts', schema: AttemptPage } },
  errors: [PeopleOnly],
});

export const getAttempt = defineContract({
  operationId: 'attempts.get',
  method: 'get',
  path: '/attempts/{attemptId}',
  summary: 'One attempt, with its items and my responses',
  description:
    'For its taker, and holders of `assessments.attempts.read` in its region; anyone else (authors of the ' +
    'form included) gets 404 `ASSESSMENTS_ATTEMPT_NOT_FOUND`. Keys appear only once it is scored: to the taker if the form ' +
    'reveals answers, to readers always.',
  access: { authenticated: 'the taker, or assessments.attempts.read in the region' },
  request: { params: AttemptParams },
  responses: { 200: { description: 'The attempt', schema: Attempt } },
  errors: [AttemptNotFound],
});

export const saveResponse = defineContract({
  operationId: 'attempts.responses.save',
  method: 'put',
  path: '/attempts/{attemptId}/responses/{position}',
  summary: 'Answer one item of my attempt (replacing an earlier answer)',
  description:
    'The taker only (others get 404). The response must fit the item: `optionIds` for choice items (one for ' +
    'single choice), `number` for numeric, `text` for short answer, `order` naming every option once for ordering ' +
    '(400 naming the field otherwise; a position beyond the attempt is 404). At or after `expiresAt` the server ' +
    'refuses it (409 `ASSESSMENTS_ATTEMPT_EXPIRED`); after submission, 409 `ASSESSMENTS_ATTEMPT_SUBMITTED`.',
  access: { authenticated: 'the taker' },
  request: { params: ResponseParams, body: Response },
  responses: { 200: { description: 'The saved response', schema: SavedResponse } },
  errors: [AttemptNotFound, AttemptExpired, AttemptSubmitted],
});

export const submitAttempt = defineContract({
  operationId: 'attempts.submit',
  method: 'post',
  path: '/attempts/{attemptId}/submission',
  summary: 'Submit my attempt: it is scored at once',
  description:
    'The taker only (others get 404). Scores the saved responses and emits `assessments.attempt.scored`. After ' +
    'the deadline it is still scored, on what was saved in time (`timedOut: true`, `submittedAt` = `expiresAt`). ' +
    'Submitting twice is 409 `ASSESSMENTS_ATTEMPT_SUBMITTED`.',
  access: { authenticated: 'the taker' },
  request: { params: AttemptParams },
  responses: { 200: { description: 'The scored attempt', schema: Attempt } },
  errors: [AttemptNotFound, AttemptSubmitted],
});

export const listFormAttempts = defineContract({
  operationId: 'forms.attempts.list',
  method: 'get',
  path: '/forms/{formId}/attempts',
  summary: "A form's attempts and results, oldest first (no answers)",
  description:
    "For the form's authors and holders of `assessments.attempts.read` in its region: who attempted, when, and the " +
    'result, never the responses (a reader opens one attempt for those). Anyone else gets 404 ' +
    '`ASSESSMENTS_FORM_NOT_FOUND`.',
  access: { authenticated: "the form's authors, or assessments.attempts.read in the region" },
  request: { params: FormParams, query: FormAttemptsQuery },
  responses: { 200: { description: 'A page of attempts', schema: AttemptPage } },
  errors: [FormNotFound],
});
