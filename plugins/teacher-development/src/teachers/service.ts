import type { Ctx } from '../context.js';
import { AlreadyApplied, AlreadyDecided, TeacherNotFound } from '../errors.js';
import { TeacherDecided } from '../events.js';
import { invalidField } from '../field-error.js';
import type { TeacherRow } from './schema.js';
import type { ApplyAsTeacherBody, Teacher, TeacherDecisionBody, TeacherListQuery } from './schemas.js';
import {
  findTeacher,
  insertApplication,
  mayDecide,
  recordDecision,
  teacherOfPerson,
  teacherPage,
  teacherView,
} from './store.js';

/** Views of `rows`, each naming its person as the caller may see them (the core decides about legal names). */
async function views(ctx: Ctx, rows: TeacherRow[]) {
  const names = await ctx.identity.names(
    rows.map((row) => row.personId),
    { legalNames: true },
  );
  return rows.map((row) => teacherView(row, names.get(row.personId)));
}
const view = async (ctx: Ctx, row: TeacherRow) => (await views(ctx, [row]))[0] as Teacher;

// The teachers feature's rules: applying region by region, one decision per application, who
// sees which profile. Every function runs in the request's transaction (`ctx.db`).

/** Every institution named must exist in the request's region: a teacher applies region by region. */
async function checkApplication(ctx: Ctx, body: ApplyAsTeacherBody) {
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

/** A pending teacher profile for the person in the request's region; one per person and region. */
export async function apply(ctx: Ctx, personId: string, body: ApplyAsTeacherBody) {
  await checkApplication(ctx, body);
  const row = await insertApplication(ctx.db, { regionId: ctx.regionId, personId, body, at: ctx.now() });
  if (!row) throw AlreadyApplied({ detail: `You already have a teacher profile in region "${ctx.regionId}".` });
  return view(ctx, row);
}

export async function profileOf(ctx: Ctx, personId: string) {
  const row = await teacherOfPerson(ctx.db, personId, ctx.regionId);
  if (!row) throw TeacherNotFound({ detail: `You have no teacher profile in region "${ctx.regionId}".` });
  return view(ctx, row);
}

/** Region admins see every profile; institution admins those that name their institution. */
export async function list(ctx: Ctx, query: TeacherListQuery) {
  const regionWide = ctx.can('teachers.approve', { regionId: ctx.regionId });
  const page = await teacherPage(ctx.db, ctx.regionId, query, regionWide ? undefined : (row) => mayDecide(ctx, row));
  return { ...page, items: await views(ctx, page.items) };
}

/** Approved profiles are public to the region; others only to their person and deciders. */
export async function get(ctx: Ctx, teacherId: string) {
  const row = await findTeacher(ctx.db, teacherId, ctx.regionId);
  const own = ctx.principal.kind === 'person' && ctx.principal.id === row.personId;
  if (row.status !== 'approved' && !own && !mayDecide(ctx, row)) {
    throw TeacherNotFound({ detail: `Teacher ${teacherId} does not exist in region "${ctx.regionId}".` });
  }
  return view(ctx, row);
}

/** Approves or rejects a pending application, once (the row is locked), and emits the decision. */
export async function decide(ctx: Ctx, teacherId: string, body: TeacherDecisionBody) {
  const row = await findTeacher(ctx.db, teacherId, ctx.regionId, true);
  if (!mayDecide(ctx, row)) ctx.require('teachers.approve', { regionId: row.regionId });
  if (row.status !== 'pending') {
    throw AlreadyDecided({ detail: `Teacher ${row.id} was already ${row.status}.` });
  }
  const decided = await recordDecision(ctx.db, row.id, {
    status: body.decision === 'approve' ? 'approved' : 'rejected',
    decidedBy: ctx.principal.kind === 'anonymous' ? null : ctx.principal.id,
    decidedAt: ctx.now(),
    decisionNote: body.note ?? null,
  });
  await ctx.emit(
    TeacherDecided,
    { teacherId: decided.id, personId: decided.personId, regionId: decided.regionId, status: decided.status },
    { key: decided.personId },
  );
  return view(ctx, decided);
}
