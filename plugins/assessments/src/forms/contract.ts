import { defineContract } from '@lifelong/core/contract';
import { BankNotFound, FormNotFound } from '../errors.js';
import { BankParams } from '../shared/bank-params.js';
import { CreateFormBody, Form, FormListQuery, FormPage, FormParams, SetFormStatusBody } from './schemas.js';

const authors = { authenticated: 'the bank’s owner, or assessments.author in its region' } as const;

export const createForm = defineContract({
  operationId: 'banks.forms.create',
  method: 'post',
  path: '/banks/{bankId}/forms',
  summary: 'Make a form from the bank: a fixed list of items, or N drawn by a seed',
  description:
    "For the bank's authors; anyone else gets 404 `ASSESSMENTS_BANK_NOT_FOUND`. The items are fixed when the " +
    'form is made (a random draw is reproducible from its seed). Business rules, each a 400 naming the field: ' +
    'fixed `itemIds` must be items of this bank (`itemInBank`); a draw needs enough candidates (`enoughItems`); ' +
    "a form holds at most the region's `maxItemsPerForm` items (`maxItemsPerForm`); `timeLimitSeconds` is at " +
    "most the region's `maxTimeLimitMinutes` (`maxTimeLimit`).",
  access: authors,
  request: { params: BankParams, body: CreateFormBody },
  responses: { 201: { description: 'The form', schema: Form } },
  errors: [BankNotFound],
});

export const listBankForms = defineContract({
  operationId: 'banks.forms.list',
  method: 'get',
  path: '/banks/{bankId}/forms',
  summary: 'The bank’s forms, oldest first (authors only)',
  description: "For the bank's authors, every status; anyone else gets 404 `ASSESSMENTS_BANK_NOT_FOUND`.",
  access: authors,
  request: { params: BankParams, query: FormListQuery },
  responses: { 200: { description: 'A page of forms', schema: FormPage } },
  errors: [BankNotFound],
});

export const listOpenForms = defineContract({
  operationId: 'forms.list',
  method: 'get',
  path: '/forms',
  summary: "The region's open forms, oldest first",
  description:
    "Anyone signed in sees the request's region's open forms, a page at a time; `authoring` is shown to the " +
    "forms' authors only.",
  access: { authenticated: 'any signed-in principal' },
  request: { query: FormListQuery },
  responses: { 200: { description: 'A page of forms', schema: FormPage } },
});

export const getForm = defineContract({
  operationId: 'forms.get',
  method: 'get',
  path: '/forms/{formId}',
  summary: 'One form',
  description:
    "Open forms to anyone signed in; draft and closed ones to their bank's authors only. Others, and forms " +
    'of other regions, get 404 `ASSESSMENTS_FORM_NOT_FOUND`.',
  access: { authenticated: 'anyone for open forms; the bank’s authors otherwise' },
  request: { params: FormParams },
  responses: { 200: { description: 'The form', schema: Form } },
  errors: [FormNotFound],
});

export const setFormStatus = defineContract({
  operationId: 'forms.status.set',
  method: 'put',
  path: '/forms/{formId}/status',
  summary: 'Open or close a form for attempts',
  description:
    "For the bank's authors; anyone else gets 404 `ASSESSMENTS_FORM_NOT_FOUND`. Closing a form stops new " +
    'attempts; attempts in progress run to their deadline.',
  access: authors,
  request: { params: FormParams, body: SetFormStatusBody },
  responses: { 200: { description: 'The form', schema: Form } },
  errors: [FormNotFound],
});
