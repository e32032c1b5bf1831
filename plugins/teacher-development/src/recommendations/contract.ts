import { defineContract } from '@lifelong/core/contract';
import { WrongRecommendationState } from '../errors.js';
import {
  ConfirmRecommendationsBody,
  ExportQuery,
  ProposeRecommendationsBody,
  RecommendationList,
  RecommendationParams,
} from './schemas.js';

export const proposeRecommendations = defineContract({
  operationId: 'recommendations.propose',
  method: 'post',
  path: '/recommendations',
  summary: 'Propose the top share of the quality database for an offline activity or event',
  description:
    "Needs `quality.manage` in the request's region. Proposes the best `recommendations.topShareBps` of " +
    'the quality database (rounded up, so a non-empty database always proposes someone) for the named ' +
    '`event`; nothing is sent until the list is confirmed.',
  access: { permission: 'quality.manage' },
  request: { body: ProposeRecommendationsBody },
  responses: { 201: { description: 'The proposed list', schema: RecommendationList } },
});

export const getRecommendations = defineContract({
  operationId: 'recommendations.get',
  method: 'get',
  path: '/recommendations/{listId}',
  summary: 'A recommendation list',
  description: "Needs `quality.manage` in the request's region; lists of other regions answer 404.",
  access: { permission: 'quality.manage' },
  request: { params: RecommendationParams },
  responses: { 200: { description: 'The list', schema: RecommendationList } },
});

export const confirmRecommendations = defineContract({
  operationId: 'recommendations.confirm',
  method: 'post',
  path: '/recommendations/{listId}/confirm',
  summary: 'Confirm a proposed list (all of it, or the teachers named); each confirmed teacher is notified',
  description:
    "Needs `quality.manage` in the request's region. A list is confirmed once (409 " +
    '`TEACHER_DEVELOPMENT_WRONG_RECOMMENDATION_STATE` after that); every `teacherIds` entry must be on ' +
    'the list (400). Each confirmed teacher is told through a `teacher-development.teacher.recommended` ' +
    'event.',
  access: { permission: 'quality.manage' },
  request: { params: RecommendationParams, body: ConfirmRecommendationsBody },
  responses: { 200: { description: 'The confirmed list', schema: RecommendationList } },
  errors: [WrongRecommendationState],
});

export const exportRecommendations = defineContract({
  operationId: 'recommendations.export',
  method: 'get',
  path: '/recommendations/{listId}/export',
  summary: 'Export the confirmed teachers of a list as JSON or CSV (`?format=csv`)',
  description:
    "Needs `quality.manage` in the request's region. Only a confirmed list can be exported (409 " +
    '`TEACHER_DEVELOPMENT_WRONG_RECOMMENDATION_STATE`); only its confirmed entries are included. ' +
    '`?format=csv` answers a `text/csv` attachment with rank, teacher, person, score and event.',
  access: { permission: 'quality.manage' },
  request: { params: RecommendationParams, query: ExportQuery },
  responses: { 200: { description: 'The confirmed list (JSON; CSV as text/csv)', schema: RecommendationList } },
  errors: [WrongRecommendationState],
});
