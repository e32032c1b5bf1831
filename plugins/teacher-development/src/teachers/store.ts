import type { Queryable } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { type Ctx, iso } from '../context.js';
import { TeacherNotFound } from '../errors.js';
import { type TeacherRow, teachers } from './schema.js';
import type { Teacher } from './schemas.js';

export { approvedTeacher, teacherOfPerson } from '../shared/teachers.js';

export const teacherView = (row: TeacherRow): Teacher => ({
  id: row.id,
  regionId: row.regionId,
  personId: row.personId,
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
