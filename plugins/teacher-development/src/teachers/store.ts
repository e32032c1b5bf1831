import type { Queryable } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { type Ctx, iso, personOf } from '../context.js';
import { NotAnApprovedTeacher, TeacherNotFound } from '../errors.js';
import { type TeacherRow, teachers } from './schema.js';
import type { Teacher } from './schemas.js';

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

export async function teacherOfPerson(db: Queryable, personId: string, regionId: string) {
  const [row] = await db
    .select()
    .from(teachers)
    .where(and(eq(teachers.personId, personId), eq(teachers.regionId, regionId)));
  return row ?? null;
}

/** The caller's approved teacher profile in the request's region, or 403. */
export async function approvedTeacher(ctx: Ctx): Promise<TeacherRow> {
  const row = await teacherOfPerson(ctx.db, personOf(ctx), ctx.regionId);
  if (row?.status !== 'approved') {
    throw NotAnApprovedTeacher({ detail: `You are not an approved teacher in region "${ctx.regionId}".` });
  }
  return row;
}

/**
 * Whether the caller may decide about a teacher: `teachers.approve` in the teacher's region, or in
 * the scope of one of the institutions the teacher named (an institution decides about its own).
 */
export const mayDecide = (ctx: Ctx, teacher: TeacherRow) =>
  ctx.can('teachers.approve', { regionId: teacher.regionId }) ||
  teacher.institutionIds.some((institutionId) => ctx.can('teachers.approve', { institutionId }));
