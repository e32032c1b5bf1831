import { defineContract } from '@lifelong/core/contract';
import { QualityDatabase, QualityScore, RecomputeResult } from './schemas.js';

export const recomputeQuality = defineContract({
  operationId: 'quality.recompute',
  method: 'post',
  path: '/quality/recompute',
  summary: "Recompute every teacher's quality score in the region now",
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
  access: { permission: 'quality.manage' },
  responses: { 200: { description: 'The members', schema: QualityDatabase } },
});

export const getMyQuality = defineContract({
  operationId: 'quality.me.get',
  method: 'get',
  path: '/quality/me',
  summary: "The calling teacher's score, its figures and the suggestions drawn from them",
  access: { authenticated: 'the teacher' },
  responses: { 200: { description: 'The score', schema: QualityScore } },
});
