// The improvement spiral closed in data: a red month raises one alert per scope for its owner
// (an event for the evaluation center), the owner acknowledges it, and actions are judged
// effective or ineffective from the next month's observation by the target margin.
import type { TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptAllPacks, type Harness, harness, points, refused, seen } from '../test-support.js';

let h: Harness;
let p: TestPrincipals;
let institutionId: string;
let registrar: { id: string; token: string };
let teacher: { id: string; token: string };
const ones = (k: number) => Array.from({ length: k }, () => 1);

beforeAll(async () => {
  h = await harness();
  p = await h.t.principals();
  await adoptAllPacks(h);
  institutionId = await h.institution('Hillside College');
  registrar = await h.t.person({ roles: [{ role: 'registrar', scope: { type: 'institution', id: institutionId } }] });
  teacher = await h.t.person({ roles: [{ role: 'teacher', scope: { type: 'institution', id: institutionId } }] });
  const api = h.as(registrar.token);
  await api.scopes.create({
    body: {
      scopeType: 'course',
      scopeId: 'welding',
      parentType: 'institution',
      parentId: institutionId,
      name: 'Welding',
    },
  });
  await api.scopes.create({
    body: {
      scopeType: 'teacher',
      scopeId: teacher.id,
      parentType: 'institution',
      parentId: institutionId,
      name: 'T. Teacher',
    },
  });
  // Welding — April: 2 of 10 completed (20 %, red); May: 9 of 12 (75 %, green).
  await api.scopes.dataPoints.create({
    scopeType: 'course',
    scopeId: 'welding',
    body: {
      points: [
        ...points('courses.enrolled', '2026-04-01', ones(10)),
        ...points('courses.completed', '2026-04-20', ones(2)),
        ...points('courses.enrolled', '2026-05-01', ones(12)),
        ...points('courses.completed', '2026-05-20', ones(9)),
      ],
    },
  });
  // The teacher's evaluations — Q1: mean 60 (red: threshold 70); Q2: mean 62 (moved +2 < margin 3).
  await api.scopes.dataPoints.create({
    scopeType: 'teacher',
    scopeId: teacher.id,
    body: {
      points: [
        ...points('teaching.evaluation.score', '2026-02-10', [50, 60, 70, 55, 65]),
        ...points('teaching.evaluation.score', '2026-05-10', [62, 62, 62, 62, 62]),
      ],
    },
  });
}, 120_000);
afterAll(() => h.t.close());

describe('alerts', () => {
  it('raises one alert per red scope for the last complete period, with an event', async () => {
    h.clock.now = new Date('2026-05-03T06:00:00Z'); // April is the last complete month
    await h.t.runJob('quality-control', 'raise-alerts');
    await h.t.runJob('quality-control', 'raise-alerts'); // twice: still one alert per scope and period
    await h.t.drainEvents();
    const alerts = await h.as(p.regionAdmin.token).alerts.list({});
    const april = alerts.items.filter((a) => a.code === 'courses.completion-rate');
    expect(april.map((a) => [a.scopeType, a.period, a.value, a.ownerRole]).sort()).toEqual([
      ['course', '2026-04', 20, 'registrar'],
      ['institution', '2026-04', 20, 'registrar'],
      ['region', '2026-04', 20, 'region-admin'],
    ]);
    const raised = seen.filter(
      (e) => e.name === 'quality-control.alert.raised' && e.payload.code === 'courses.completion-rate',
    );
    expect(raised).toHaveLength(3);
    expect(raised.find((e) => e.payload.scopeType === 'course')?.payload).toMatchObject({
      scopeId: 'welding',
      institutionId,
      value: 20,
      target: 70,
      threshold: 50,
    });
  });

  it("routes a teacher scope's alert to the teacher, who alone (with managers) sees it", async () => {
    h.clock.now = new Date('2026-04-02T06:00:00Z'); // Q1 is the last complete quarter
    await h.t.runJob('quality-control', 'raise-alerts');
    const mine = await h.as(teacher.token).alerts.list({});
    expect(mine.items.map((a) => [a.code, a.period, a.value, a.ownerPersonId])).toEqual([
      ['teaching.evaluation', '2026-Q1', 60, teacher.id],
    ]);
    expect((await h.as(p.learner.token).alerts.list({})).items).toEqual([]);
    const institutions = await h.as(registrar.token).alerts.list({});
    // The teacher's evaluations roll up to the institution, which is red too.
    expect(institutions.items.map((a) => `${a.scopeType} ${a.code}`).sort()).toEqual([
      'course courses.completion-rate',
      'institution courses.completion-rate',
      'institution teaching.evaluation',
      'teacher teaching.evaluation',
    ]);
  });

  it('is acknowledged by its owner once; others get 404', async () => {
    const [alert] = (await h.as(teacher.token).alerts.list({})).items;
    if (!alert) throw new Error('no alert');
    await refused(
      h.as(p.otherLearner.token).alerts.acknowledge({ alertId: alert.id }),
      404,
      'QUALITY_CONTROL_ALERT_NOT_FOUND',
    );
    h.clock.now = new Date('2026-04-03T06:00:00Z');
    const acknowledged = await h.as(teacher.token).alerts.acknowledge({ alertId: alert.id });
    expect(acknowledged).toMatchObject({ status: 'acknowledged', acknowledgedBy: teacher.id });
    h.clock.now = new Date('2026-04-04T06:00:00Z');
    const again = await h.as(registrar.token).alerts.acknowledge({ alertId: alert.id });
    expect(again.acknowledgedAt).toBe(acknowledged.acknowledgedAt);
    const open = await h.as(teacher.token).alerts.list({ status: 'open' });
    expect(open.items).toEqual([]);
  });
});

describe('improvement actions', () => {
  it('is effective when the next period moved the right way by the margin', async () => {
    const [alert] = (await h.as(registrar.token).alerts.list({})).items.filter((a) => a.scopeType === 'course');
    const action = await h.as(registrar.token).actions.create({
      body: {
        scopeType: 'course',
        scopeId: 'welding',
        code: 'courses.completion-rate',
        alertId: alert?.id,
        diagnosis: 'Workshop slots clashed with placements; moved the practical to Saturdays.',
        ownerPersonId: registrar.id,
        dueOn: '2026-05-31',
        baselinePeriod: '2026-04',
      },
    });
    expect(action).toMatchObject({ status: 'planned', margin: 5, verdict: null });
    expect(await h.as(registrar.token).actions.status({ actionId: action.id, body: { status: 'done' } })).toMatchObject(
      {
        status: 'done',
      },
    );
    const judged = await h.as(registrar.token).actions.verify({ actionId: action.id });
    expect(judged).toMatchObject({ status: 'verified', baselineValue: 20, nextValue: 75, verdict: 'effective' });
    await refused(
      h.as(registrar.token).actions.verify({ actionId: action.id }),
      409,
      'QUALITY_CONTROL_ACTION_VERIFIED',
    );
    await refused(
      h.as(registrar.token).actions.status({ actionId: action.id, body: { status: 'in-progress' } }),
      409,
      'QUALITY_CONTROL_ACTION_VERIFIED',
    );
    await h.t.drainEvents();
    const verified = seen.find((e) => e.name === 'quality-control.action.verified' && e.payload.actionId === action.id);
    expect(verified?.payload).toMatchObject({
      verdict: 'effective',
      baselinePeriod: '2026-04',
      period: '2026-05',
      value: 75,
    });
  });

  it('is ineffective when the indicator moved less than the margin', async () => {
    const action = await h.as(registrar.token).actions.create({
      body: {
        scopeType: 'teacher',
        scopeId: teacher.id,
        code: 'teaching.evaluation',
        diagnosis: 'Lessons lacked worked examples; peer observation every fortnight.',
        ownerPersonId: teacher.id,
        dueOn: '2026-06-30',
        baselinePeriod: '2026-Q1',
      },
    });
    // The teacher owns the action: reads it and moves it on, but judging is for managers.
    expect((await h.as(teacher.token).actions.get({ actionId: action.id })).id).toBe(action.id);
    await h.as(teacher.token).actions.status({ actionId: action.id, body: { status: 'in-progress' } });
    await refused(h.as(teacher.token).actions.verify({ actionId: action.id }), 404, 'QUALITY_CONTROL_ACTION_NOT_FOUND');
    const judged = await h.as(registrar.token).actions.verify({ actionId: action.id });
    expect(judged).toMatchObject({ baselineValue: 60, nextValue: 62, margin: 3, verdict: 'ineffective' });
  });

  it('cannot be judged while the next period is suppressed, and nothing changes', async () => {
    const action = await h.as(registrar.token).actions.create({
      body: {
        scopeType: 'course',
        scopeId: 'welding',
        code: 'courses.completion-rate',
        diagnosis: 'Keep the Saturday practicals.',
        ownerPersonId: registrar.id,
        dueOn: '2026-06-30',
        baselinePeriod: '2026-05',
      },
    });
    const problem = await refused(
      h.as(registrar.token).actions.verify({ actionId: action.id }),
      409,
      'QUALITY_CONTROL_NOT_YET_MEASURABLE',
    );
    expect(problem).toMatchObject({ baseline: 'green', next: 'suppressed' });
    expect(await h.as(registrar.token).actions.get({ actionId: action.id })).toMatchObject({
      status: 'planned',
      verdict: null,
    });
  });

  it('refuses bad input naming the field', async () => {
    const body = {
      scopeType: 'course' as const,
      scopeId: 'welding',
      code: 'courses.completion-rate',
      diagnosis: 'x',
      ownerPersonId: registrar.id,
      dueOn: '2026-02-30',
      baselinePeriod: '2026-04',
    };
    const badDay = await refused(h.as(registrar.token).actions.create({ body }), 400);
    expect(badDay.errors?.[0]).toMatchObject({ path: '/body/dueOn', rule: 'day' });
    const badPeriod = await refused(
      h.as(registrar.token).actions.create({ body: { ...body, dueOn: '2026-05-01', baselinePeriod: '2026' } }),
      400,
    );
    expect(badPeriod.errors?.[0]).toMatchObject({ path: '/body/baselinePeriod', rule: 'periodType' });
    await refused(
      h.as(teacher.token).actions.create({ body: { ...body, dueOn: '2026-05-01' } }),
      404,
      'QUALITY_CONTROL_SCOPE_NOT_FOUND',
    );
  });
});
