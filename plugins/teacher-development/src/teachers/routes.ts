import { afterIdCursor, toPage, uuidv7 } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import type { TeacherDevelopmentRegistrar } from '../config.js';
import { type Ctx, personOf } from '../context.js';
import { AlreadyApplied, AlreadyDecided, TeacherNotFound } from '../errors.js';
import { TeacherDecided } from '../events.js';
import { invalidField } from '../field-error.js';
import { idKey } from '../pages.js';
import * as contract from './contract.js';
import { teachers } from './schema.js';
import type { ApplyAsTeacherBody } from './schemas.js';
import { findTeacher, mayDecide, teacherOfPerson, teacherView } from './store.js';

/** Every institution named must exist in the request's region: a teacher applies region by region. */
async function checkInstitutions(ctx: Ctx, body: ApplyAsTeacherBody) {
  for (const [i, id] of body.institutionIds.entries()) {
    const institution = await ctx.identity.institution(id);
    if (institution?.regionId !== ctx.regionId) {
      throw invalidField(
        `/body/institutionIds/${i}`,
        'institutionInRegion',
        `Institution ${id} is not in region "${ctx.regionId}".`,
      );
    }
  }
  if (body.subjects.length > ctx.config.teachers.maxSubjects) {
    throw invalidField(
      '/body/subjects',
      'maxSubjects',
      `At most ${ctx.config.teachers.maxSubjects} subjects in this region.`,
    );
  }
}

/** Declares the teachers feature: applications, decisions, profiles. */
export function registerTeachers(p: TeacherDevelopmentRegistrar): void {
  p.route(contract.applyAsTeacher, async ({ body }, ctx) => {
    const personId = personOf(ctx);
    await checkInstitutions(ctx, body);
    const [row] = await ctx.db
      .insert(teachers)
      .values({
        id: uuidv7(),
        regionId: ctx.regionId,
        personId,
        subjects: body.subjects,
        institutionIds: body.institutionIds,
        bio: body.bio,
        status: 'pending',
        createdAt: ctx.now(),
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw AlreadyApplied({ detail: `You already have a teacher profile in region "${ctx.regionId}".` });
    return { status: 201, body: teacherView(row) };
  });

  p.route(contract.getMyTeacherProfile, async (_input, ctx) => {
    const row = await teacherOfPerson(ctx.db, personOf(ctx), ctx.regionId);
    if (!row) throw TeacherNotFound({ detail: `You have no teacher profile in region "${ctx.regionId}".` });
    return { status: 200, body: teacherView(row) };
  });

  p.route(contract.listTeachers, async ({ query }, ctx) => {
    // Institution admins see the profiles that name their institution; region admins see all.
    const regionWide = ctx.can('teachers.approve', { regionId: ctx.regionId });
    const limit = query.limit ?? 50;
    const rows = await ctx.db
      .select()
      .from(teachers)
      .where(
        and(
          eq(teachers.regionId, ctx.regionId),
          query.status ? eq(teachers.status, query.status) : undefined,
          afterIdCursor(teachers.id, query.cursor),
        ),
      )
      .orderBy(teachers.id)
      .limit(regionWide ? limit + 1 : 1000);
    const visible = regionWide ? rows : rows.filter((row) => mayDecide(ctx, row)).slice(0, limit + 1);
    return { status: 200, body: toPage(visible, limit, idKey, teacherView) };
  });

  p.route(contract.getTeacher, async ({ params }, ctx) => {
    const row = await findTeacher(ctx.db, params.teacherId, ctx.regionId);
    const own = ctx.principal.kind === 'person' && ctx.principal.id === row.personId;
    if (row.status !== 'approved' && !own && !mayDecide(ctx, row)) {
      throw TeacherNotFound({ detail: `Teacher ${params.teacherId} does not exist in region "${ctx.regionId}".` });
    }
    return { status: 200, body: teacherView(row) };
  });

  p.route(contract.decideTeacher, async ({ params, body }, ctx) => {
    const row = await findTeacher(ctx.db, params.teacherId, ctx.regionId, true);
    if (!mayDecide(ctx, row)) ctx.require('teachers.approve', { regionId: row.regionId });
    if (row.status !== 'pending') {
      throw AlreadyDecided({ detail: `Teacher ${row.id} was already ${row.status}.` });
    }
    const [decided] = await ctx.db
      .update(teachers)
      .set({
        status: body.decision === 'approve' ? 'approved' : 'rejected',
        decidedBy: ctx.principal.kind === 'anonymous' ? null : ctx.principal.id,
        decidedAt: ctx.now(),
        decisionNote: body.note ?? null,
      })
      .where(eq(teachers.id, row.id))
      .returning();
    if (!decided) throw new Error('update returned no row');
    await ctx.emit(
      TeacherDecided,
      { teacherId: decided.id, personId: decided.personId, regionId: decided.regionId, status: decided.status },
      { key: decided.personId },
    );
    return { status: 200, body: teacherView(decided) };
  });
}
