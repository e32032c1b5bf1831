import { defineContract } from '@lifelong/core/contract';
import { NeedNotFound, PeopleOnly } from '../errors.js';
import { NeedParams } from '../shared/need-params.js';
import { GapPlan, Match } from './schemas.js';

const learner = { authenticated: 'the signed-in learner, for an open need of the region' } as const;

export const getMatch = defineContract({
  operationId: 'needs.match',
  method: 'get',
  path: '/needs/{needId}/match',
  summary: 'How well I match an open need, skill by skill, with the evidence',
  description:
    'score = Σ w·min(1, held/required) / Σ w with w = (essential ? 1 : 0.5) × importance ' +
    '(docs/plugins/industry-support.md). Every skill of the need is listed as matched, partial or missing. A rise ' +
    'over the last score computed emits `industry-support.match.improved`. A need that is not open is 404.',
  access: learner,
  request: { params: NeedParams },
  responses: { 200: { description: 'The match', schema: Match } },
  errors: [PeopleOnly, NeedNotFound],
});

export const getGapPlan = defineContract({
  operationId: 'needs.gapPlan',
  method: 'get',
  path: '/needs/{needId}/gap-plan',
  summary: 'What I lack for an open need, and the self-tests that would show it',
  description:
    'Each partial or missing skill with the assessment forms the region counts as its evidence (directly or by ' +
    'crosswalk), and whether passing one reaches the required level.',
  access: learner,
  request: { params: NeedParams },
  responses: { 200: { description: 'The gap plan', schema: GapPlan } },
  errors: [PeopleOnly, NeedNotFound],
});
