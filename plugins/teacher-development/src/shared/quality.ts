import type { Queryable } from '@lifelong/core';
import { eq } from 'drizzle-orm';
import { qualityScores } from './tables.js';

/** A teacher's quality score row (textbooks require a place in the quality database). */
export async function qualityOf(db: Queryable, teacherId: string) {
  const [row] = await db.select().from(qualityScores).where(eq(qualityScores.teacherId, teacherId));
  return row ?? null;
}
