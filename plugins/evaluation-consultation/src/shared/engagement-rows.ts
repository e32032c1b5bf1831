import type { Queryable } from '@lifelong/core';
import { eq } from 'drizzle-orm';
import { engagements } from './schema.js';

/** Updates an engagement's row (the features that record milestone facts on it). */
export async function updateEngagementRow(db: Queryable, id: string, values: Partial<typeof engagements.$inferInsert>) {
  const [row] = await db.update(engagements).set(values).where(eq(engagements.id, id)).returning();
  if (!row) throw new Error('update returned no row');
  return row;
}
