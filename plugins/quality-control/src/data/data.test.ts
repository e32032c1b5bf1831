// Data elements: fed by the other centers' events (idempotently), entered by hand and uploaded as
// CSV with an audit trail; and the indicator library: packs chosen per region, own indicators
// versioned.
import type { TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness, refused } from '../test-support.js';

let h: Harness;
let p: TestPrincipals;
let institutionId: string;
let registrar: { id: string; token: string };

beforeAll(async () => {
  h = await harness();
  p = await h.t.principals();
  institutionId = await h.institution('Lakeside Polytechnic');
  registrar = await h.t.person({ roles: [{ role: 'registrar', scope: { type: 'institution', id: institutionId } }] });
}, 120_000);
afterAll(() => h.t.close());

const thisMonth = () => new Date().toISOString().slice(0, 7);

describe('the indicator library', () => {
  it('lists the four first-party packs, none chosen yet, each indicator defined in words', async () => {
    const packs = await h.as(p.learner.token).packs.list();
    expect(packs.items.map((x) => [x.id, x.adopted])).toEqual([
      ['teachers', false],
      ['education', false],
      ['operations', false],
      ['administration', false],
    ]);
    for (const indicator of packs.items.flatMap((x) => x.indicators)) {
      expect(indicator.definition.length).toBeGreaterThan(40);
      expect(indicator.minimumN).toBeGreaterThanOrEqual(1);
    }
    expect((await h.as(p.learner.token).indicators.list()).items).toEqual([]);
  });

  it('lets a region admin choose packs for their region only', async () => {
    await h.as(p.regionAdmin.token).packs.adopt({ packId: 'education', body: { adopted: true } });
    await h.as(p.regionAdmin.token).packs.adopt({ packId: 'operations', body: { adopted: true } });
    const codes = (await h.as(p.learner.token).indicators.list()).items.map((i) => i.code);
    expect(codes).toContain('courses.completion-rate');
    expect(codes).toContain('food-safety.pass-rate');
    expect(codes).not.toContain('teachers.retention');
    const elsewhere = await h.t.request('/v1/quality-control/indicators', {
      auth: p.learner.token,
      headers: { 'Lifelong-Region': 'elsewhere' },
    });
    expect((await elsewhere.json()).items).toEqual([]);
    await refused(h.as(p.otherRegionAdmin.token).packs.adopt({ packId: 'teachers', body: { adopted: true } }), 403);
    await refused(h.as(registrar.token).packs.adopt({ packId: 'teachers', body: { adopted: true } }), 403);
    await refused(
      h.as(p.regionAdmin.token).packs.adopt({ packId: 'nope', body: { adopted: true } }),
      404,
      'QUALITY_CONTROL_PACK_NOT_FOUND',
    );
  });

  it("versions a region's own indicator and refuses a pack's code", async () => {
    const definition = {
      code: 'library.loans-per-learner',
      name: 'Library loans per learner',
      level: 'institution' as const,
      area: 'operations' as const,
      definition: 'Books lent in the month (`library.loans`) over learners enrolled (`learners.enrolled`).',
      numerator: { element: 'library.loans', aggregation: 'sum' as const },
      denominator: { element: 'learners.enrolled', aggregation: 'sum' as const },
      factor: 1,
      periodType: 'month' as const,
      unit: 'loans',
      minimumN: 20,
      direction: 'higher-is-better' as const,
      target: 2,
      threshold: 1,
      margin: 0.2,
      audience: 'staff' as const,
    };
    const v1 = await h.as(p.regionAdmin.token).indicators.create({ body: definition });
    const v2 = await h.as(p.regionAdmin.token).indicators.create({ body: { ...definition, minimumN: 30 } });
    expect([v1.version, v2.version, v2.pack]).toEqual([1, 2, null]);
    const versions = await h.as(p.learner.token).indicators.versions({ code: definition.code });
    expect(versions.items.map((v) => [v.version, v.minimumN])).toEqual([
      [2, 30],
      [1, 20],
    ]);
    const library = (await h.as(p.learner.token).indicators.list()).items;
    expect(library.find((i) => i.code === definition.code)).toMatchObject({ version: 2, minimumN: 30 });
    await refused(
      h.as(p.regionAdmin.token).indicators.create({ body: { ...definition, code: 'courses.completion-rate' } }),
      409,
      'QUALITY_CONTROL_CODE_TAKEN',
    );
    const bad = await refused(h.as(p.regionAdmin.token).indicators.create({ body: { ...definition, factor: 0 } }), 400);
    expect(bad.errors?.[0]?.path).toBe('/body/factor');
    await refused(h.as(p.learner.token).indicators.create({ body: definition }), 403);
  });
});

describe('data from the other centers’ events', () => {
  it('records each event once, even when delivered again', async () => {
    const before = thisMonth();
    for (const passed of [true, true, false, true]) {
      await h.emit('assessments.attempt.scored', {
        attemptId: crypto.randomUUID(),
        personId: p.learner.id,
        formId: crypto.randomUUID(),
        regionId: 'default',
        scorePercent: passed ? 80 : 20,
        passed,
        timedOut: false,
        submittedAt: `${before}-01T10:00:00.000Z`,
      });
    }
    const page = await h.as(p.regionAdmin.token).scopes.dataPoints.list({
      scopeType: 'region',
      scopeId: 'default',
      element: 'assessments.passed',
    });
    expect(page.items.map((i) => [i.value, i.source, i.date])).toEqual([
      [1, 'event', `${before}-01`],
      [1, 'event', `${before}-01`],
      [0, 'event', `${before}-01`],
      [1, 'event', `${before}-01`],
    ]);
    // A second delivery of the same event (at-least-once) adds nothing: the source key is the event id.
    const { resultRows } = await import('@lifelong/core');
    const { sql } = await import('drizzle-orm');
    const db = h.t.platform.database.db;
    const [delivered] = resultRows<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from core.event_deliveries
        where subscriber = 'quality-control:assessments.attempt.scored' and status = 'delivered'`),
    );
    expect(delivered?.n).toBe(4);
    await db.execute(sql`update core.event_deliveries set status = 'pending', available_at = now() - interval '1 second'
      where subscriber = 'quality-control:assessments.attempt.scored'`);
    await h.t.drainEvents();
    const [row] = resultRows<{ n: number; total: number }>(
      await db.execute(sql`select n, total from quality_control.aggregates
        where scope_id = 'default' and element = 'assessments.passed' and period_type = 'month'`),
    );
    expect(row).toEqual({ n: 4, total: 3 });
  });

  it('puts course events on the course’s scope when it is registered, rolling up to its institution', async () => {
    await h.as(registrar.token).scopes.create({
      body: {
        scopeType: 'course',
        scopeId: 'c-ceramics',
        parentType: 'institution',
        parentId: institutionId,
        name: 'Ceramics',
      },
    });
    const month = thisMonth();
    for (let i = 0; i < 10; i++) {
      const enrolmentId = crypto.randomUUID();
      await h.emit('teacher-development.enrolment.paid', {
        enrolmentId,
        courseId: 'c-ceramics',
        personId: p.learner.id,
        regionId: 'default',
        asset: 'POINT',
        amount: '10',
      });
      if (i < 4) {
        await h.emit('teacher-development.course.completed', {
          enrolmentId,
          courseId: 'c-ceramics',
          version: 1,
          personId: p.learner.id,
          regionId: 'default',
          recordId: null,
          credits: '10',
          points: '10',
        });
      }
    }
    const { items } = await h.as(registrar.token).scopes.indicators.series({
      scopeType: 'institution',
      scopeId: institutionId,
      code: 'courses.completion-rate',
      from: month,
      to: month,
    });
    expect(items).toEqual([{ period: month, value: 40, n: 10, status: 'red' }]);
  });

  it('feeds credits, certificate decisions and teacher decisions to the region', async () => {
    const base = { personId: p.learner.id, regionId: 'default' };
    await h.emit('credit-bank.credit.awarded', {
      ...base,
      recordId: crypto.randomUUID(),
      credits: '25',
      points: '250',
    });
    await h.emit('credit-bank.certificate.reviewed', {
      ...base,
      certificateId: crypto.randomUUID(),
      decision: 'approved',
    });
    await h.emit('credit-bank.certificate.reviewed', {
      ...base,
      certificateId: crypto.randomUUID(),
      decision: 'more-evidence-requested',
    });
    await h.emit('teacher-development.teacher.decided', {
      ...base,
      teacherId: crypto.randomUUID(),
      status: 'rejected',
    });
    const list = async (element: string) =>
      (
        await h.as(p.regionAdmin.token).scopes.dataPoints.list({ scopeType: 'region', scopeId: 'default', element })
      ).items.map((i) => i.value);
    expect(await list('credits.awarded')).toEqual([2.5]);
    expect(await list('certificates.approved')).toEqual([1]); // a request for more evidence is no decision
    expect(await list('teachers.approved')).toEqual([0]);
  });
});

describe('manual entry and CSV uploads', () => {
  it('records who entered what, and a repeated key once', async () => {
    const body = {
      points: [
        { element: 'food-safety.inspection.passed', date: '2026-02-10', value: 1, key: 'insp-2026-001' },
        { element: 'food-safety.inspection.passed', date: '2026-03-11', value: 0, key: 'insp-2026-002' },
      ],
    };
    const api = h.as(registrar.token).scopes.dataPoints;
    expect(await api.create({ scopeType: 'institution', scopeId: institutionId, body })).toEqual({
      recorded: 2,
      duplicates: 0,
    });
    expect(await api.create({ scopeType: 'institution', scopeId: institutionId, body })).toEqual({
      recorded: 0,
      duplicates: 2,
    });
    const audit = await api.list({
      scopeType: 'institution',
      scopeId: institutionId,
      element: 'food-safety.inspection.passed',
    });
    expect(audit.items.map((i) => [i.value, i.source, i.sourceKey, i.recordedBy])).toEqual([
      [1, 'manual', 'manual:insp-2026-001', registrar.id],
      [0, 'manual', 'manual:insp-2026-002', registrar.id],
    ]);
    const { items } = await h.as(registrar.token).scopes.indicators.series({
      scopeType: 'institution',
      scopeId: institutionId,
      code: 'food-safety.pass-rate',
      from: '2026-Q1',
      to: '2026-Q1',
    });
    expect(items).toEqual([{ period: '2026-Q1', value: 50, n: 2, status: 'red' }]);
  });

  const upload = (csv: string, token = registrar.token) =>
    h.t.request(`/v1/quality-control/scopes/institution/${institutionId}/data-points/csv`, {
      method: 'POST',
      auth: token,
      headers: { 'Content-Type': 'text/csv' },
      body: csv,
    });

  it('takes a CSV upload whole, and the same file again records nothing new', async () => {
    const csv = 'element,date,value\r\ngraduates.total,2025-07-01,40\r\ngraduates.employed,2025-12-31,37\r\n';
    const first = await upload(csv);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ recorded: 2, duplicates: 0 });
    expect(await (await upload(csv)).json()).toEqual({ recorded: 0, duplicates: 2 });
    const { items } = await h.as(registrar.token).scopes.indicators.series({
      scopeType: 'institution',
      scopeId: institutionId,
      code: 'graduates.employment-rate',
      from: '2025',
      to: '2025',
    });
    expect(items).toEqual([{ period: '2025', value: 92.5, n: 40, status: 'green' }]);
  });

  it('refuses a file with a bad row, naming each bad cell, and records none of it', async () => {
    const res = await upload(
      'element,date,value\ngraduates.total,2024-07-01,10\nGraduates!,2024-07-01,3\ngraduates.total,2024-02-30,x\n',
    );
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/rows/2/element', '/rows/3/value']),
    );
    const audit = await h.as(registrar.token).scopes.dataPoints.list({
      scopeType: 'institution',
      scopeId: institutionId,
      element: 'graduates.total',
    });
    expect(audit.items.map((i) => i.date)).toEqual(['2025-07-01']);
    const noHeader = await upload('a,b\n1,2\n');
    expect((await noHeader.json()).errors[0]).toMatchObject({ path: '/header', rule: 'column' });
  });

  it('lets only the scope’s managers enter data: others get 404, and nothing is written', async () => {
    const body = { points: [{ element: 'graduates.total', date: '2024-07-01', value: 5 }] };
    for (const token of [p.learner.token, p.regionAdmin.token.replace(/./g, 'x')]) {
      await refused(
        h.as(token).scopes.dataPoints.create({ scopeType: 'institution', scopeId: institutionId, body }),
        token === p.learner.token ? 404 : 401,
      );
    }
    expect((await upload('element,date,value\ngraduates.total,2024-07-01,5\n', p.otherRegionAdmin.token)).status).toBe(
      404,
    );
    const audit = await h.as(p.regionAdmin.token).scopes.dataPoints.list({
      scopeType: 'institution',
      scopeId: institutionId,
      element: 'graduates.total',
    });
    expect(audit.items).toHaveLength(1);
  });

  it('refuses an impossible date in a manual entry', async () => {
    const problem = await refused(
      h.as(registrar.token).scopes.dataPoints.create({
        scopeType: 'institution',
        scopeId: institutionId,
        body: { points: [{ element: 'graduates.total', date: '2026-02-30', value: 1 }] },
      }),
      400,
    );
    expect(problem.errors?.[0]).toMatchObject({ path: '/body/points/0/date', rule: 'day' });
  });
});
