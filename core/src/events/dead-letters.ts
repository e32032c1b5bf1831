import { and, desc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { eventDeliveries, events } from './schema.js';

/** A delivery that failed its last attempt. No payload: it may hold personal data. */
export interface DeadLetter {
  /** The delivery id: what `requeueDeadLetter` takes. */
  id: string;
  eventId: string;
  event: string;
  key: string;
  regionId: string | null;
  subscriber: string;
  attempts: number;
  lastError: string | null;
  eventCreatedAt: Date;
  deadAt: Date | null;
}

export interface DeadLetterQuery {
  limit?: number;
  /** The id of the last dead letter of the previous page: pages go newest first. */
  before?: string | undefined;
  subscriber?: string | undefined;
  event?: string | undefined;
}

/** Dead-lettered deliveries, newest first; fetch `limit + 1` to know whether another page exists. */
export async function listDeadLetters(
  db: Database,
  { limit = 50, before, subscriber, event }: DeadLetterQuery = {},
): Promise<DeadLetter[]> {
  return db
    .select({
      id: eventDeliveries.id,
      eventId: eventDeliveries.eventId,
      event: events.name,
      key: eventDeliveries.key,
      regionId: events.regionId,
      subscriber: eventDeliveries.subscriber,
      attempts: eventDeliveries.attempts,
      lastError: eventDeliveries.lastError,
      eventCreatedAt: events.createdAt,
      deadAt: eventDeliveries.finishedAt,
    })
    .from(eventDeliveries)
    .innerJoin(events, eq(events.id, eventDeliveries.eventId))
    .where(
      and(
        eq(eventDeliveries.status, 'dead'),
        before ? lt(eventDeliveries.id, before) : undefined,
        subscriber ? eq(eventDeliveries.subscriber, subscriber) : undefined,
        event ? eq(events.name, event) : undefined,
      ),
    )
    .orderBy(desc(eventDeliveries.id))
    .limit(limit);
}

/**
 * Puts a dead-lettered delivery back in line with a fresh set of attempts, due now. Returns false
 * when there is no dead-lettered delivery with that id (never dead, already requeued, or unknown).
 */
export async function requeueDeadLetter(db: Database, deliveryId: string): Promise<boolean> {
  const updated = await db
    .update(eventDeliveries)
    .set({ status: 'pending', attempts: 0, availableAt: sql`now()`, finishedAt: null, leaseId: null })
    .where(and(eq(eventDeliveries.id, deliveryId), eq(eventDeliveries.status, 'dead')))
    .returning({ id: eventDeliveries.id });
  return updated.length > 0;
}
