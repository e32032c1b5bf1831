import { defineContract } from '@lifelong/core/contract';
import { QualityDatabase, QualityDatabaseQuery, QualityScore, RecomputeResult } from './schemas.js';

export const recomputeQuality = defineContract({
  operationId: 'quality.recompute',
  method: 'post',
  path: '/quality/recompute',
  summary: "Recompute every teacher's quality score in the region now",
  description:
    "Needs `quality.manage` in the request's region. Scores every teacher of the region now, as the daily " +
    "`recompute-quality` job does; teachers at or above the region's threshold are in the quality " +
    'database.',
  access: { permission: 'quality.manage' },
  responses: {
    200: { description: 'How many teachers were scored and how many are in the database', schema: RecomputeResult },
  },
});

export const getQualityDatabase = defineContract({
  operationId: 'quality.database.get',
  method: 'get',
  path: '/quality/database',
  summary: "The region's quality teacher database, best score first",
  description:
    "Needs `quality.manage` in the request's region. The teachers whose last computed score reaches the " +
    'threshold, with their scores. Paginated with `?limit=&cursor=`.',
  access: { permission: 'quality.manage' },
  request: { query: QualityDatabaseQuery },
  responses: { 200: { description: 'The members', schema: QualityDatabase } },
});

export const getMyQuality = defineContract({
  operationId: 'quality.me.get',
  method: 'get',
  path: '/quality/me',
  summary: "The calling teacher's score, its figures and the suggestions drawn from them",
  description:
    "The signed-in person's own score as a teacher in the request's region (API keys get 403). 404 when " +
    'they are not a teacher here or have not been scored yet.',
  access: { authenticated: 'the teacher' },
  responses: { 200: { description: 'The score', schema: QualityScore } },
});
