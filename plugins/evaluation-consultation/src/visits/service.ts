import { type FieldError, ValidationFailed } from '@lifelong/core';
import type { Ctx } from '../context.js';
import { personOf } from '../context.js';
import { AlreadyDone, VisitNotFound, WrongStage } from '../errors.js';
import { type Access, engagementFor, isExpert, isLead, isTeam, requireActive, requirePart } from '../shared/access.js';
import { afterWorkingDays } from '../shared/calendar.js';
import { updateEngagementRow } from '../shared/engagement-rows.js';
import { checkGrades, currentGrades, type GradeInput, insertGrades } from '../shared/grades.js';
import { record } from '../shared/history.js';
import type { GradeRow, VisitRow } from '../shared/schema.js';
import type { ActionPlanBody } from './schemas.js';
import {
  actionRows,
  completeVisitRow,
  hasFinalReport,
  insertActions,
  insertVisits,
  knownSolutions,
  measurementCount,
  visitRow,
  visitRows,
} from './store.js';

// Return visits: the action plan schedules them; each visit measures the indicators again, and the
// effect is the difference between measurements, never a claim.

const visitView = (v: VisitRow) => ({
  id: v.id,
  number: v.number,
  plannedFor: v.plannedFor.toISOString(),
  completedAt: v.completedAt?.toISOString() ?? null,
  notes: v.notes,
});

async function planView(ctx: Ctx, a: Access) {
  return {
    agreedAt: a.row.actionPlanAgreedAt?.toISOString() ?? null,
    actions: (await actionRows(ctx.db, a.row.id)).map((x) => ({
      id: x.id,
      solutionId: x.solutionId,
      text: x.text,
      dueAt: x.dueAt?.toISOString() ?? null,
    })),
    visits: (await visitRows(ctx.db, a.row.id)).map(visitView),
  };
}

export async function agreeActionPlan(ctx: Ctx, engagementId: string, body: ActionPlanBody) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId, true);
  requirePart(a, isLead, 'the team lead');
  requireActive(a);
  if (a.row.actionPlanAgreedAt) throw AlreadyDone({ detail: 'The action plan was already agreed.' });
  if (!(await hasFinalReport(ctx.db, a.row.id)))
    throw WrongStage({ detail: 'The action plan follows the final report.' });
  const known = await knownSolutions(ctx.db, a.row.id, [...new Set(body.actions.map((x) => x.solutionId))]);
  const errors: FieldError[] = body.actions.flatMap((x, i) =>
    known.has(x.solutionId)
      ? []
      : [
          {
            path: `/body/actions/${i}/solutionId`,
            rule: 'solutionOfEngagement',
            message: `No solution ${x.solutionId} in this engagement.`,
          },
        ],
  );
  if (errors.length > 0) throw ValidationFailed({ detail: errors[0]?.message, errors });
  const now = ctx.now();
  const calendar = ctx.config.calendar;
  await insertActions(
    ctx.db,
    a.row.id,
    body.actions.map((x) => ({
      solutionId: x.solutionId,
      text: x.text,
      dueAt: x.dueInWorkingDays ? afterWorkingDays(calendar, now, x.dueInWorkingDays) : null,
    })),
    now,
  );
  const { returnVisits, visitIntervalWorkingDays } = a.row.definition;
  const planned = Array.from(
    { length: returnVisits },
    (_, k) => afterWorkingDays(calendar, now, (k + 1) * visitIntervalWorkingDays) as Date,
  );
  await insertVisits(ctx.db, a.row.id, planned);
  const row = await updateEngagementRow(ctx.db, a.row.id, { actionPlanAgreedAt: now });
  await record(
    ctx.db,
    a.row.id,
    'actionPlan.agreed',
    { actions: body.actions.length, visits: planned.length },
    actor,
    now,
  );
  return planView(ctx, { ...a, row });
}

export async function getActionPlan(ctx: Ctx, engagementId: string) {
  return planView(ctx, await engagementFor(ctx, engagementId));
}

async function openVisit(ctx: Ctx, a: Access, visitId: string) {
  const v = await visitRow(ctx.db, a.row.id, visitId);
  if (!v) throw VisitNotFound({ detail: `No visit ${visitId} in this engagement.` });
  if (v.completedAt) throw AlreadyDone({ detail: `Visit ${v.number} is completed.` });
  return v;
}

export async function recordMeasurements(ctx: Ctx, engagementId: string, visitId: string, input: GradeInput[]) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, (x) => isTeam(x) || isExpert(x), 'the team and the experts');
  requireActive(a);
  const v = await openVisit(ctx, a, visitId);
  await checkGrades(ctx.db, a.row, input);
  const now = ctx.now();
  await insertGrades(ctx.db, a.row.id, 'visit', v.id, input, actor, now);
  await record(
    ctx.db,
    a.row.id,
    'visit.measured',
    { visitId: v.id, indicators: input.map((g) => g.indicatorCode) },
    actor,
    now,
  );
  return visitView(v);
}

export async function completeVisit(ctx: Ctx, engagementId: string, visitId: string, notes: string | undefined) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, isTeam, 'the team');
  requireActive(a);
  const v = await openVisit(ctx, a, visitId);
  if ((await measurementCount(ctx.db, a.row.id, v.id)) === 0) {
    throw WrongStage({ detail: `Measure the indicators at visit ${v.number} before completing it.` });
  }
  const now = ctx.now();
  const row = await completeVisitRow(ctx.db, a.row.id, v.id, now, notes ?? null);
  await record(ctx.db, a.row.id, 'visit.completed', { visitId: v.id, number: v.number }, actor, now);
  return visitView(row);
}

const point = (g: GradeRow) => ({ grade: g.grade, value: g.value });
const delta = (later: GradeRow, earlier: GradeRow | undefined) =>
  earlier
    ? {
        grade: later.grade - earlier.grade,
        value: later.value !== null && earlier.value !== null ? Number((later.value - earlier.value).toFixed(6)) : null,
      }
    : null;

/** Per indicator: the diagnosis baseline, then each measured visit with its deltas. */
export async function effect(ctx: Ctx, engagementId: string) {
  const a = await engagementFor(ctx, engagementId);
  const baseline = await currentGrades(ctx.db, a.row.id, 'team');
  const visits = await visitRows(ctx.db, a.row.id);
  const measured = await Promise.all(
    visits.map(async (v) => ({ v, grades: await currentGrades(ctx.db, a.row.id, 'visit', v.id) })),
  );
  return {
    source: 'engagement' as const,
    indicators: a.row.definition.indicators.map((i) => {
      const base = baseline.get(i.code);
      let previous = base;
      const points = [];
      for (const { v, grades } of measured) {
        const g = grades.get(i.code);
        if (!g) continue;
        points.push({
          visitId: v.id,
          number: v.number,
          measured: point(g),
          sincePrevious: delta(g, previous),
          sinceBaseline: delta(g, base),
        });
        previous = g;
      }
      return { code: i.code, name: i.name, baseline: base ? point(base) : null, visits: points };
    }),
  };
}
