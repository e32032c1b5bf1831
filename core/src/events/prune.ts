import { sql } from 'drizzle-orm';
import { type Database, resultRows } from '../db/database.js';

export interface PruneOptions {
  /** Keep events younger than this (milliseconds). */
  olderThanMs: number;
  /** Events deleted per statement, so one call never holds many locks (default 1000). */
  batchSize?: number;
}

/**
 * Deletes finished events older than `olderThanMs`, with their deliveries: those fanned out whose
 * every delivery was delivered or skipped. Events with a pending or dead-lettered delivery stay.
 * Returns how many events were deleted. Safe to run on several instances at once.
 */
export async function pruneEvents(db: Database, { olderThanMs, batchSize = 1_000 }: PruneOptions): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = resultRows<{ id: string }>(
      await db.execute(sql`
        delete from core.events where id in (
          select e.id from core.events e
          where e.fanned_out_at is not null
            and e.created_at < now() - (${olderThanMs}::double precision * interval '1 millisecond')
            and not exists (
              select 1 from core.event_deliveries d
              where d.event_id = e.id and d.status in ('pending', 'dead')
            )
          limit ${batchSize}
          for update skip locked
        )
        returning id`),
    );
    total += deleted.length;
    if (deleted.length < batchSize) return total;
  }
}
