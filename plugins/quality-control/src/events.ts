import { defineEvent } from '@lifelong/core';
import { Type } from '@sinclair/typebox';

/**
 * An observation came out red: an alert was raised for the scope's owner (a role in the scope, or
 * the teacher of a teacher scope). Keyed by scope, so one scope's alerts arrive in order.
 */
export const AlertRaised = defineEvent(
  'quality-control.alert.raised',
  Type.Object({
    alertId: Type.String(),
    regionId: Type.String(),
    scopeType: Type.String(),
    scopeId: Type.String(),
    institutionId: Type.Union([Type.String(), Type.Null()]),
    code: Type.String({ description: 'The indicator.' }),
    period: Type.String(),
    value: Type.Number(),
    target: Type.Number(),
    threshold: Type.Number(),
    ownerRole: Type.String(),
    ownerPersonId: Type.Union([Type.String(), Type.Null()]),
  }),
);

/**
 * An improvement action was judged from the period after its baseline: `effective` only if the
 * indicator moved the right way by at least the margin.
 */
export const ActionVerified = defineEvent(
  'quality-control.action.verified',
  Type.Object({
    actionId: Type.String(),
    regionId: Type.String(),
    scopeType: Type.String(),
    scopeId: Type.String(),
    institutionId: Type.Union([Type.String(), Type.Null()]),
    code: Type.String(),
    baselinePeriod: Type.String(),
    period: Type.String(),
    baselineValue: Type.Number(),
    value: Type.Number(),
    margin: Type.Number(),
    verdict: Type.Union([Type.Literal('effective'), Type.Literal('ineffective')]),
  }),
);

export const QUALITY_CONTROL_EVENTS = [AlertRaised, ActionVerified];
