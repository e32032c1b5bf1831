import { afterIdCursor, type PersonName, type Queryable, toPage, uuidv7 } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { type Ctx, iso } from '../context.js';
import { TeacherNotFound } from '../errors.js';
import { idKey } from '../pages.js';
import { type TeacherRow, teachers } from './schema.js';
import type { ApplyAsTeacherBody, Teacher, TeacherListQuery } from './schemas.js';

export { approvedTeacher, teacherOfPerson } from '../shared/teachers.js';

/** `name`: the person's names as the caller may see them (`ctx.identity.names`). */
export const teacherView = (row: TeacherRow, name: PersonName | undefined): Teacher => ({
  id: row.id,
  regionId: row.regionId,
  personId: row.personId,
  ...(name ?? { displayName: null }),
  subjects: row.subjects,
  institutionIds: row.institutionIds,
  bio: row.bio,
  status: row.status,
  decidedAt: iso(row.decidedAt),
  decisionNote: row.decisionNote,
  createdAt: row.createdAt.toISOString(),
});

export async function findTeacher(db: Queryable, teacherId: string, regionId: string, lock = false) {
  const query = db
    .select()
    .from(teachers)
    .where(and(eq(teachers.id, teacherId), eq(teachers.regionId, regionId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw TeacherNotFound({ detail: `Teacher ${teacherId} does not exist in region "${regionId}".` });
  return row;
}

/**
 * Whether the caller may decide about a teacher: `teachers.approve` in the teacher's region, or in
 * the scope of one of the institutions the teacher named (an institution decides about its own).
 */
export const mayDecide = (ctx: Ctx, teacher: TeacherRow) =>
  ctx.can('teachers.approve', { regionId: teacher.regionId }) ||
  teacher.institutionIds.some((institutionId) => ctx.can('teachers.approve', { institutionId }));

/** The new pending profile, or null when the person already has one in the region. */
export async function insertApplication(
  db: Queryable,
  input: { regionId: string; personId: string; body: ApplyAsTeacherBody; at: Date },
): Promise<TeacherRow | null> {
  const [row] = await db
    .insert(teachers)
    .values({
      id: uuidv7(),
      regionId: input.regionId,
      personId: input.personId,
      subjects: input.body.subjects,
      institutionIds: input.body.institutionIds,
      bio: input.body.bio,
      status: 'pending',
      createdAt: input.at,
    })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/**
 * A page of the region's profiles, oldest first. With `visible`, only the rows it accepts (an
 * institution admin's): up to 1000 are read and filtered, then paged.
 */
export async function teacherPage(
  db: Queryable,
  regionId: string,
  query: TeacherListQuery,
  visible?: (row: TeacherRow) => boolean,
) {
  const limit = query.limit ?? 50;
  const rows = await db
    .select()
    .from(teachers)
    .where(
      and(
        eq(teachers.regionId, regionId),
        query.status ? eq(teachers.status, query.status) : undefined,
        afterIdCursor(teachers.id, query.cursor),
      ),
    )
    .orderBy(teachers.id)
    .limit(visible ? 1000 : limit + 1);
  return toPage(visible ? rows.filter(visible).slice(0, limit + 1) : rows, limit, idKey);
}

export async function recordDecision(
  db: Queryable,
  teacherId: string,
  decision: Pick<TeacherRow, 'status' | 'decidedBy' | 'decidedAt' | 'decisionNote'>,
): Promise<TeacherRow> {
  const [decided] = await db.update(teachers).set(decision).where(eq(teachers.id, teacherId)).returning();
  if (!decided) throw new Error('update returned no row');
  return decided;
}
