import type { Database } from '../db/database.js';
import { decodeCursor, isUuidKey, toPage } from '../http/pagination.js';
import { route } from '../http/route.js';
import { requirePermission } from '../identity/authorize.js';
import * as contract from './contract.js';
import { EVENTS_MANAGE_PERMISSION } from './contract.js';
import { listDeadLetters, requeueDeadLetter } from './dead-letters.js';
import { EventDeliveryNotFound } from './errors.js';

export { EVENTS_MANAGE_PERMISSION };

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
    route(contract.listDeadLetters, async ({ query }, c) => {
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
    }),
    route(contract.retryDeadLetter, async ({ params }, c) => {
      requirePermission(c.get('principal'), EVENTS_MANAGE_PERMISSION, PLATFORM_ONLY);
      if (!(await requeueDeadLetter(db(), params.deliveryId))) {
        throw EventDeliveryNotFound({ detail: `No dead-lettered delivery ${params.deliveryId}.` });
      }
      onRequeue?.();
      return { status: 200, body: { id: params.deliveryId, status: 'pending' as const } };
    }),
  ];
}
