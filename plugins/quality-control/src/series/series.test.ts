// A fixture with hand-computed values: course completion over three months at two courses of one
// institution (rolled up to the institution and the region), student satisfaction over two years,
// suppression below the minimum n, targets and traffic lights, CSV, SVG and PNG, and the service.
import type { TestPrincipals } from '@lifelong/core/testing';
import { XMLParser } from 'fast-xml-parser';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptAllPacks, type Harness, harness, points, refused } from '../test-support.js';

let h: Harness;
let p: TestPrincipals;
let institutionId: string;
let registrar: string;
const courseA = 'course-a';
const courseB = 'course-b';

beforeAll(async () => {
  h = await harness();
  p = await h.t.principals();
  await adoptAllPacks(h);
  institutionId = await h.institution();
  registrar = (await h.t.person({ roles: [{ role: 'registrar', scope: { type: 'institution', id: institutionId } }] }))
    .token;
  const api = h.as(registrar);
  await api.scopes.create({
    body: {
      scopeType: 'programme',
      scopeId: 'nursing',
      parentType: 'institution',
      parentId: institutionId,
      name: 'Nursing',
    },
  });
  await api.scopes.create({
    body: { scopeType: 'course', scopeId: courseA, parentType: 'programme', parentId: 'nursing', name: 'Anatomy' },
  });
  await api.scopes.create({
    body: { scopeType: 'course', scopeId: courseB, parentType: 'institution', parentId: institutionId, name: 'Ethics' },
  });
  const enter = (scopeType: 'course' | 'institution', scopeId: string, list: ReturnType<typeof points>) =>
    api.scopes.dataPoints.create({ scopeType, scopeId, body: { points: list } });
  const ones = (k: number) => Array.from({ length: k }, () => 1);
  // Course A — April: 3 of 10 completed (30 %, red); May: 12 of 20 (60 %, amber); June: 7 of 8 (n 8 < 10: suppressed).
  await enter('course', courseA, [
    ...points('courses.enrolled', '2026-04-03', ones(10)),
    ...points('courses.completed', '2026-04-28', ones(3)),
  ]);
  await enter('course', courseA, [
    ...points('courses.enrolled', '2026-05-02', ones(20)),
    ...points('courses.completed', '2026-05-30', ones(12)),
  ]);
  await enter('course', courseA, [
    ...points('courses.enrolled', '2026-06-01', ones(8)),
    ...points('courses.completed', '2026-06-30', ones(7)),
  ]);
  // Course B — May: 9 of 10. The institution's May: (12 + 9) / (20 + 10) = 70 % (green at the pack's target 70).
  await enter('course', courseB, [
    ...points('courses.enrolled', '2026-05-05', ones(10)),
    ...points('courses.completed', '2026-05-20', ones(9)),
  ]);
  // Student satisfaction — 2026: ten ratings summing to 41 (4.1, green); 2025: nine ratings (suppressed).
  await enter(
    'institution',
    institutionId,
    points('students.satisfaction.score', '2026-03-01', [5, 4, 4, 3, 5, 4, 4, 5, 3, 4]),
  );
  await enter(
    'institution',
    institutionId,
    points('students.satisfaction.score', '2025-03-01', [1, 1, 1, 1, 1, 1, 1, 1, 1]),
  );
}, 120_000);
afterAll(() => h.t.close());

const series = (
  token: string,
  scopeType: 'region' | 'institution' | 'programme' | 'course' | 'teacher',
  scopeId: string,
  code: string,
  from: string,
  to: string,
) => h.as(token).scopes.indicators.series({ scopeType, scopeId, code, from, to });

describe('observations from precomputed aggregates', () => {
  it('computes a course’s completion per month, suppressing a month below the minimum n', async () => {
    const { items } = await series(registrar, 'course', courseA, 'courses.completion-rate', '2026-04', '2026-06');
    expect(items).toEqual([
      { period: '2026-04', value: 30, n: 10, status: 'red' },
      { period: '2026-05', value: 60, n: 20, status: 'amber' },
      { period: '2026-06', value: null, n: 8, status: 'suppressed' },
    ]);
  });

  it('rolls courses up to their programme, institution and region', async () => {
    const programme = await series(registrar, 'programme', 'nursing', 'courses.completion-rate', '2026-05', '2026-05');
    expect(programme.items).toEqual([{ period: '2026-05', value: 60, n: 20, status: 'amber' }]);
    const institution = await series(
      registrar,
      'institution',
      institutionId,
      'courses.completion-rate',
      '2026-04',
      '2026-05',
    );
    expect(institution.items).toEqual([
      { period: '2026-04', value: 30, n: 10, status: 'red' },
      { period: '2026-05', value: 70, n: 30, status: 'green' },
    ]);
    const region = await series(
      p.regionAdmin.token,
      'region',
      'default',
      'courses.completion-rate',
      '2026-05',
      '2026-05',
    );
    expect(region.items).toEqual([{ period: '2026-05', value: 70, n: 30, status: 'green' }]);
  });

  it('averages ratings and shows a year with too few respondents as suppressed, never zero', async () => {
    const { items } = await series(registrar, 'institution', institutionId, 'students.satisfaction', '2025', '2026');
    expect(items).toEqual([
      { period: '2025', value: null, n: 9, status: 'suppressed' },
      { period: '2026', value: 4.1, n: 10, status: 'green' },
    ]);
  });

  it('shows periods without data as suppressed with n 0', async () => {
    const { items } = await series(registrar, 'course', courseB, 'courses.completion-rate', '2026-01', '2026-01');
    expect(items).toEqual([{ period: '2026-01', value: null, n: 0, status: 'suppressed' }]);
  });

  it("applies a scope's own target for one period", async () => {
    const target = await h.as(registrar).scopes.indicators.target({
      scopeType: 'institution',
      scopeId: institutionId,
      code: 'courses.completion-rate',
      body: { period: '2026-05', target: 75, threshold: 65 },
    });
    expect(target).toMatchObject({ period: '2026-05', target: 75, threshold: 65, margin: 5 });
    const { items } = await series(
      registrar,
      'institution',
      institutionId,
      'courses.completion-rate',
      '2026-05',
      '2026-05',
    );
    expect(items).toEqual([{ period: '2026-05', value: 70, n: 30, status: 'amber' }]);
    // Another period keeps the indicator's standard.
    await h.as(registrar).scopes.indicators.target({
      scopeType: 'institution',
      scopeId: institutionId,
      code: 'courses.completion-rate',
      body: { period: '2026-05', target: 70, threshold: 50 },
    });
  });

  it('refuses a threshold on the better side of the target, naming the field', async () => {
    const problem = await refused(
      h.as(registrar).scopes.indicators.target({
        scopeType: 'institution',
        scopeId: institutionId,
        code: 'courses.completion-rate',
        body: { target: 70, threshold: 80 },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(problem.errors).toEqual([expect.objectContaining({ path: '/body/threshold', rule: 'threshold' })]);
  });

  it('refuses a range that does not fit the indicator’s period type or is too long', async () => {
    const wrongType = await refused(
      series(registrar, 'course', courseA, 'courses.completion-rate', '2026', '2026'),
      400,
    );
    expect(wrongType.errors?.[0]).toMatchObject({ path: '/query/from', rule: 'periodType' });
    const backwards = await refused(
      series(registrar, 'course', courseA, 'courses.completion-rate', '2026-05', '2026-01'),
      400,
    );
    expect(backwards.errors?.[0]).toMatchObject({ path: '/query/to', rule: 'afterFrom' });
    const tooLong = await refused(
      series(registrar, 'course', courseA, 'courses.completion-rate', '2000-01', '2026-01'),
      400,
    );
    expect(tooLong.errors?.[0]).toMatchObject({ path: '/query/to', rule: 'maxPeriods' });
    await refused(
      series(registrar, 'course', courseA, 'no.such-indicator', '2026-01', '2026-01'),
      404,
      'QUALITY_CONTROL_INDICATOR_NOT_FOUND',
    );
  });
});

describe('exports and charts', () => {
  const path = (suffix: string, query = 'from=2026-04&to=2026-06') =>
    `/v1/quality-control/scopes/course/${courseA}/indicators/courses.completion-rate/${suffix}?${query}`;

  it('exports the series as CSV, a suppressed value left empty', async () => {
    const res = await h.t.request(path('series.csv'), { auth: registrar });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(await res.text()).toBe(
      'period,value,n,status\r\n2026-04,30,10,red\r\n2026-05,60,20,amber\r\n2026-06,,8,suppressed\r\n',
    );
  });

  it('renders an SVG that parses and holds the series’ values and the suppressed label', async () => {
    const res = await h.t.request(path('chart.svg'), { auth: registrar });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const svg = await res.text();
    const doc = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(Number(doc.svg['@_width'])).toBeGreaterThan(640);
    /** The text of every <text> inside groups whose class names `mark` (the value labels, the suppressed ones, the title). */
    const textsIn = (mark: string): string[] => {
      const found: string[] = [];
      const walk = (node: unknown, inside: boolean): void => {
        if (Array.isArray(node)) for (const child of node) walk(child, inside);
        else if (node && typeof node === 'object') {
          const here =
            inside ||
            String((node as Record<string, unknown>)['@_class'] ?? '')
              .split(' ')
              .includes(mark);
          for (const [key, child] of Object.entries(node)) {
            if (key === 'text' && here) {
              for (const t of Array.isArray(child) ? child : [child])
                found.push(String(typeof t === 'object' ? t['#text'] : t));
            } else if (!key.startsWith('@_')) walk(child, here);
          }
        }
      };
      walk(doc, false);
      return found;
    };
    expect(textsIn('values')).toEqual(['30', '60']);
    expect(textsIn('suppressed')).toEqual(['suppressed']);
    expect(textsIn('role-axis-label')).toEqual(expect.arrayContaining(['2026-04', '2026-05', '2026-06']));
    expect(textsIn('role-title-text')).toEqual(['Course completion — Anatomy']);
  });

  it('renders a PNG of the stated size that is not blank', async () => {
    const res = await h.t.request(path('chart.png', 'from=2026-04&to=2026-06&width=500&height=250'), {
      auth: registrar,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    const svg = await (
      await h.t.request(path('chart.svg', 'from=2026-04&to=2026-06&width=500&height=250'), { auth: registrar })
    ).text();
    const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
    expect([png.width, png.height]).toEqual([Number(width), Number(height)]);
    expect(png.width).toBeGreaterThan(500);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) colours.add(png.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(10); // lines, points in three colours, labels: not a blank canvas
  });
});

describe('the series service (for the evaluation center)', () => {
  it('answers the same items as the HTTP series', async () => {
    const request = {
      regionId: 'default',
      scopeType: 'course',
      scopeId: courseA,
      code: 'courses.completion-rate',
      from: '2026-04',
      to: '2026-06',
    };
    const res = await h.t.request('/v1/quality-probe/series', { method: 'POST', json: request });
    const http = await series(registrar, 'course', courseA, 'courses.completion-rate', '2026-04', '2026-06');
    expect(await res.json()).toEqual(http);
  });

  it('answers null for an unknown scope or a range of the wrong period type', async () => {
    for (const request of [
      {
        regionId: 'default',
        scopeType: 'course',
        scopeId: 'nope',
        code: 'courses.completion-rate',
        from: '2026-04',
        to: '2026-06',
      },
      {
        regionId: 'default',
        scopeType: 'course',
        scopeId: courseA,
        code: 'courses.completion-rate',
        from: '2026',
        to: '2026',
      },
      {
        regionId: 'elsewhere',
        scopeType: 'course',
        scopeId: courseA,
        code: 'courses.completion-rate',
        from: '2026-04',
        to: '2026-06',
      },
    ]) {
      const res = await h.t.request('/v1/quality-probe/series', { method: 'POST', json: request });
      expect(await res.json()).toBeNull();
    }
  });
});
