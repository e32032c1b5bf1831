import type { Queryable } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { type MemberRow, members } from '../shared/schema.js';

export async function updateMember(
  db: Queryable,
  personId: string,
  regionId: string,
  values: Partial<Pick<MemberRow, 'lockedLevel' | 'isModerator'>>,
): Promise<MemberRow> {
  const [row] = await db
    .update(members)
    .set(values)
    .where(and(eq(members.personId, personId), eq(members.regionId, regionId)))
    .returning();
  if (!row) throw new Error('member row vanished');
  return row;
}
