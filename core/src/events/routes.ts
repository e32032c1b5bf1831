import { Type } from '@sinclair/typebox';
import type { Database } from '../db/database.js';
import { decodeCursor, isUuidKey, Page, PageQuery, toPage } from '../http/pagination.js';
import { defineRoute } from '../http/route.js';
import { requirePermission } from '../identity/authorize.js';
import { listDeadLetters, requeueDeadLetter } from './dead-letters.js';
import { EventDeliveryNotFound } from './errors.js';

export const EVENTS_MANAGE_PERMISSION = 'events.manage';

const DeadLetterItem = Type.Object({
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

const Filters = Type.Object({
  subscriber: Type.Optional(Type.String({ maxLength: 200 })),
  event: Type.Optional(Type.String({ maxLength: 200 })),
});

// Events cross regions, so only platform-scoped grants count: an empty target is matched by
// platform scope alone (see `covers` in identity/authorize.ts).
const PLATFORM_ONLY = {};

export interface EventRoutesOptions {
  /** Called after a requeue, e.g. the event system's `wake`, so the retry runs at once. */
  onRequeue?: () => void;
}

/**
 * Admin routes for dead letters, relative to a `/v1` prefix:
 * `GET /events/dead-letters` and `POST /events/dead-letters/{deliveryId}/retry`.
 */
export function eventRoutes(db: () => Database, { onRequeue }: EventRoutesOptions = {}) {
  return [
    defineRoute({
      method: 'get',
      path: '/events/dead-letters',
      summary: 'List dead-lettered event deliveries, newest first',
      description: 'Deliveries whose handler failed on every attempt. Payloads are not shown.',
      operationId: 'listEventDeadLetters',
      access: { permission: EVENTS_MANAGE_PERMISSION, scope: 'platform' },
      request: { query: Type.Composite([PageQuery, Filters], { additionalProperties: false }) },
      responses: { 200: { description: 'A page of dead letters', schema: Page(DeadLetterItem) } },
      handler: async ({ query }, c) => {
        requirePermission(c.get('principal'), EVENTS_MANAGE_PERMISSION, PLATFORM_ONLY);
        const limit = query.limit ?? 50;
        const rows = await listDeadLetters(db(), {
          limit: limit + 1,
          before: query.cursor ? decodeCursor(query.cursor, isUuidKey).id : undefined,
          subscriber: query.subscriber,
          event: query.event,
        });
        return {
          status: 200,
          body: toPage(
            rows,
            limit,
            (row) => ({ id: row.id }),
            (row) => ({
              ...row,
              eventCreatedAt: row.eventCreatedAt.toISOString(),
              deadAt: row.deadAt ? row.deadAt.toISOString() : null,
            }),
          ),
        };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/events/dead-letters/{deliveryId}/retry',
      summary: 'Retry a dead-lettered delivery',
      description: 'Puts the delivery back in line with a fresh set of attempts.',
      operationId: 'retryEventDeadLetter',
      access: { permission: EVENTS_MANAGE_PERMISSION, scope: 'platform' },
      request: { params: Type.Object({ deliveryId: Type.String({ format: 'uuid' }) }) },
      responses: {
        200: {
          description: 'Requeued',
          schema: Type.Object({ id: Type.String({ format: 'uuid' }), status: Type.Literal('pending') }),
        },
      },
      handler: async ({ params }, c) => {
        requirePermission(c.get('principal'), EVENTS_MANAGE_PERMISSION, PLATFORM_ONLY);
        if (!(await requeueDeadLetter(db(), params.deliveryId))) {
          throw EventDeliveryNotFound({ detail: `No dead-lettered delivery ${params.deliveryId}.` });
        }
        onRequeue?.();
        return { status: 200, body: { id: params.deliveryId, status: 'pending' as const } };
      },
    }),
  ];
}
