import { defineEvent } from '@lifelong/core';
import { Type } from '@sinclair/typebox';

// Events for the quality-control center: ids and figures, never personal details.

/** A need was published (draft → open). Keyed by need. */
export const NeedPublished = defineEvent(
  'industry-support.need.published',
  Type.Object({
    needId: Type.String(),
    institutionId: Type.String(),
    regionId: Type.String(),
    version: Type.Integer(),
    skills: Type.Integer({ description: 'How many skills the need lists.' }),
  }),
);

/** A learner's match score for a need rose above the last one recorded. Keyed by person. */
export const MatchImproved = defineEvent(
  'industry-support.match.improved',
  Type.Object({
    needId: Type.String(),
    personId: Type.String(),
    regionId: Type.String(),
    previousScore: Type.Number(),
    score: Type.Number(),
  }),
);

export const INDUSTRY_SUPPORT_EVENTS = [NeedPublished, MatchImproved];
