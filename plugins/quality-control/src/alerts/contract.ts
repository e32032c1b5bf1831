import { defineContract } from '@lifelong/core/contract';
import {
  ActionNotFound,
  AlertNotFound,
  AlreadyVerified,
  IndicatorNotFound,
  NotYetMeasurable,
  ScopeNotFound,
} from '../errors.js';
import {
  Action,
  ActionParams,
  ActionStatusBody,
  Alert,
  AlertPage,
  AlertParams,
  AlertQuery,
  CreateActionBody,
} from './schemas.js';

export const listAlerts = defineContract({
  operationId: 'alerts.list',
  method: 'get',
  path: '/alerts',
  summary: "The alerts of the request's region the caller answers for, oldest first",
  description:
    "Region managers (`quality-control.manage` in the region) see every alert of the region; an institution's " +
    'managers those of its scopes; a teacher those of their own teacher scope. Others get an empty page. ' +
    'Alerts are raised by the `raise-alerts` job for red observations of the last complete period.',
  access: { authenticated: 'any signed-in principal' },
  request: { query: AlertQuery },
  responses: { 200: { description: 'A page of alerts', schema: AlertPage } },
});

export const acknowledgeAlert = defineContract({
  operationId: 'alerts.acknowledge',
  method: 'post',
  path: '/alerts/{alertId}/acknowledge',
  summary: 'Acknowledge an alert (its owner, or a manager of its scope)',
  description:
    'Acknowledging twice keeps the first acknowledgement. Anyone else, and alerts of other regions, get 404 ' +
    '`QUALITY_CONTROL_ALERT_NOT_FOUND`.',
  access: { authenticated: 'the alert’s owner or a manager of its scope' },
  request: { params: AlertParams },
  responses: { 200: { description: 'The alert', schema: Alert } },
  errors: [AlertNotFound],
});

export const createAction = defineContract({
  operationId: 'actions.create',
  method: 'post',
  path: '/actions',
  summary: 'Plan an improvement action for a scope and indicator (diagnosis, owner, due date, baseline period)',
  description:
    'Needs `quality-control.manage` for the scope (404 otherwise). The action is judged from the period after ' +
    "`baselinePeriod` (`POST /actions/{id}/verify`) with the scope's margin for that indicator.",
  access: { authenticated: 'managers of the scope' },
  request: { body: CreateActionBody },
  responses: { 201: { description: 'The action', schema: Action } },
  errors: [ScopeNotFound, IndicatorNotFound, AlertNotFound],
});

export const getAction = defineContract({
  operationId: 'actions.get',
  method: 'get',
  path: '/actions/{actionId}',
  summary: 'One improvement action',
  description: 'For its owner and the managers of its scope; others get 404 `QUALITY_CONTROL_ACTION_NOT_FOUND`.',
  access: { authenticated: 'the action’s owner or a manager of its scope' },
  request: { params: ActionParams },
  responses: { 200: { description: 'The action', schema: Action } },
  errors: [ActionNotFound],
});

export const setActionStatus = defineContract({
  operationId: 'actions.status',
  method: 'put',
  path: '/actions/{actionId}/status',
  summary: 'Move an action on (in progress, done)',
  description:
    'For its owner and the managers of its scope (404 otherwise). A verified action is final (409 ' +
    '`QUALITY_CONTROL_ACTION_VERIFIED`).',
  access: { authenticated: 'the action’s owner or a manager of its scope' },
  request: { params: ActionParams, body: ActionStatusBody },
  responses: { 200: { description: 'The action', schema: Action } },
  errors: [ActionNotFound, AlreadyVerified],
});

export const verifyAction = defineContract({
  operationId: 'actions.verify',
  method: 'post',
  path: '/actions/{actionId}/verify',
  summary: 'Judge an action from data: effective only if the next period moved the right way by the margin',
  description:
    'For the managers of its scope (404 otherwise). Compares the observation of the period after the baseline ' +
    'with the baseline’s; either one suppressed or missing is 409 `QUALITY_CONTROL_NOT_YET_MEASURABLE`. Judged ' +
    'once (409 `QUALITY_CONTROL_ACTION_VERIFIED` after); emits `quality-control.action.verified`.',
  access: { authenticated: 'managers of the scope' },
  request: { params: ActionParams },
  responses: { 200: { description: 'The judged action', schema: Action } },
  errors: [ActionNotFound, NotYetMeasurable, AlreadyVerified],
});
