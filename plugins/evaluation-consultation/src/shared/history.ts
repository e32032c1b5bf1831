import { type Queryable, uuidv7 } from '@lifelong/core';
import { history } from './schema.js';

/** Appends one line to the engagement's audit trail. */
export async function record(
  db: Queryable,
  engagementId: string,
  action: string,
  detail: Record<string, unknown>,
  actorId: string | null,
  at: Date,
): Promise<void> {
  await db.insert(history).values({ engagementId, id: uuidv7(), action, detail, actorId, at });
}
