import { Type } from '@sinclair/typebox';
import { defineContract } from '../http/contract.js';
import { Page, PageQuery } from '../http/page-schemas.js';

export const EVENTS_MANAGE_PERMISSION = 'events.manage';

export const DeadLetterItem = Type.Object({
  id: Type.String({ format: 'uuid', description: 'The delivery id.' }),
  eventId: Type.String({ format: 'uuid' }),
  event: Type.String({ description: 'The event name.' }),
  key: Type.String(),
  regionId: Type.Union([Type.String(), Type.Null()]),
  subscriber: Type.String(),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  eventCreatedAt: Type.String({ format: 'date-time' }),
  deadAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const Filters = Type.Object({
  subscriber: Type.Optional(Type.String({ maxLength: 200 })),
  event: Type.Optional(Type.String({ maxLength: 200 })),
});

export const listDeadLetters = defineContract({
  operationId: 'events.deadLetters.list',
  method: 'get',
  path: '/v1/events/dead-letters',
  summary: 'List dead-lettered event deliveries, newest first',
  description: 'Deliveries whose handler failed on every attempt. Payloads are not shown.',
  access: { permission: EVENTS_MANAGE_PERMISSION, scope: 'platform' },
  request: { query: Type.Composite([PageQuery, Filters], { additionalProperties: false }) },
  responses: { 200: { description: 'A page of dead letters', schema: Page(DeadLetterItem) } },
});

export const retryDeadLetter = defineContract({
  operationId: 'events.deadLetters.retry',
  method: 'post',
  path: '/v1/events/dead-letters/{deliveryId}/retry',
  summary: 'Retry a dead-lettered delivery',
  description: 'Puts the delivery back in line with a fresh set of attempts.',
  access: { permission: EVENTS_MANAGE_PERMISSION, scope: 'platform' },
  request: { params: Type.Object({ deliveryId: Type.String({ format: 'uuid' }) }) },
  responses: {
    200: {
      description: 'Requeued',
      schema: Type.Object({ id: Type.String({ format: 'uuid' }), status: Type.Literal('pending') }),
    },
  },
});
