import type { Queryable } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { NotAnApprovedTeacher, PeopleOnly } from '../errors.js';
import { type TeacherRow, teachers } from './tables.js';

// Who the caller is as a teacher: every feature that acts for teachers asks here.

export async function teacherOfPerson(db: Queryable, personId: string, regionId: string) {
  const [row] = await db
    .select()
    .from(teachers)
    .where(and(eq(teachers.personId, personId), eq(teachers.regionId, regionId)));
  return row ?? null;
}

export async function teacherById(db: Queryable, teacherId: string) {
  const [row] = await db.select().from(teachers).where(eq(teachers.id, teacherId));
  return row ?? null;
}

/** The caller's approved teacher profile in the request's region, or 403. */
export async function approvedTeacher(ctx: Ctx): Promise<TeacherRow> {
  const row = await teacherOfPerson(ctx.db, ctx.requirePerson(PeopleOnly), ctx.regionId);
  if (row?.status !== 'approved') {
    throw NotAnApprovedTeacher({ detail: `You are not an approved teacher in region "${ctx.regionId}".` });
  }
  return row;
}
