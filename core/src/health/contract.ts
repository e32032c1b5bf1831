import { Type } from '@sinclair/typebox';
import { defineContract } from '../http/contract.js';

export const Status = Type.Object({ status: Type.Literal('ok') });

export const live = defineContract({
  operationId: 'health.live',
  method: 'get',
  path: '/health/live',
  summary: 'Liveness: the process is up',
  description: 'For process supervisors: 200 whenever the process serves HTTP; it never touches the database.',
  access: { public: true },
  responses: { 200: { description: 'Alive', schema: Status } },
});

export const ready = defineContract({
  operationId: 'health.ready',
  method: 'get',
  path: '/health/ready',
  summary: 'Readiness: the database answers and the platform is not shutting down',
  description:
    'For load balancers: 200 while the database answers `select 1` within 2 s and no shutdown has begun, else 503 with `Retry-After: 5`.',
  access: { public: true },
  responses: {
    200: { description: 'Ready', schema: Status },
    503: { description: 'Not ready (problem+json, with Retry-After)' },
  },
});
