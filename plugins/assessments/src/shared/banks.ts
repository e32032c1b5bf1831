import type { Queryable } from '@lifelong/core';
import { eq } from 'drizzle-orm';
import { banks } from './tables.js';

/** A bank by id, whatever the region (callers check region and rights). */
export async function bankRow(db: Queryable, bankId: string) {
  const [row] = await db.select().from(banks).where(eq(banks.id, bankId));
  return row ?? null;
}
