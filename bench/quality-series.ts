// Quality-control series benchmark: one indicator over 1,000,000 data points for 1,000 course
// scopes (under 10 institutions of one region), loaded through the manual-entry route (1,000
// values per request, aggregates written up the scope chain as in production), then dashboard
// series read from the precomputed aggregates: 12 months each, for random courses, institutions
// and the region, one request at a time, in process (no network).
//
//   DATABASE_URL=postgres://root@127.0.0.1:5432/postgres npx tsx bench/quality-series.ts
//
// Prints the load rate and the series latency (p50, p95, p99). The target is p99 < 200 ms.
import { createTestPlatform } from '@lifelong/core/testing';
import qualityControl from '@lifelong/plugin-quality-control';

const SCOPES = Number(process.env.SCOPES ?? 1_000);
const POINTS = Number(process.env.POINTS ?? 1_000_000);
const READS = Number(process.env.READS ?? 2_000);
const INSTITUTIONS = 10;

if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a PostgreSQL server (a fresh database is created on it and dropped after).');
  process.exit(1);
}

const t = await createTestPlatform({ plugins: [qualityControl] });
const call = async (path: string, json?: unknown, method = json === undefined ? 'GET' : 'POST') => {
  const res = await t.request(path, { method, auth: 'admin', ...(json === undefined ? {} : { json }) });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
};
const base = '/v1/quality-control';
try {
  await call(`${base}/packs/education`, { adopted: true }, 'PUT');
  const institutions: string[] = [];
  for (let i = 0; i < INSTITUTIONS; i++) {
    const made = await (
      await call('/v1/institutions', { name: `College ${i}`, kind: 'school', regionId: 'default' })
    ).json();
    institutions.push(made.id);
  }
  const courses = Array.from({ length: SCOPES }, (_, i) => `course-${i}`);
  for (const [i, scopeId] of courses.entries()) {
    await call(`${base}/scopes`, {
      scopeType: 'course',
      scopeId,
      parentType: 'institution',
      parentId: institutions[i % INSTITUTIONS],
      name: `Course ${i}`,
    });
  }

  // 1,000 values per course: enrolments and completions (about two in three) over 2025's 12 months.
  const perScope = Math.floor(POINTS / SCOPES);
  console.log(`loading ${(perScope * SCOPES).toLocaleString('en')} data points into ${SCOPES} scopes…`);
  const loadStarted = performance.now();
  for (const [i, scopeId] of courses.entries()) {
    const points = Array.from({ length: perScope }, (_, k) => {
      const month = String((k % 12) + 1).padStart(2, '0');
      const day = String((k % 28) + 1).padStart(2, '0');
      const element = k % 5 < 3 ? 'courses.enrolled' : 'courses.completed';
      return { element, date: `2025-${month}-${day}`, value: 1 };
    });
    for (let j = 0; j < points.length; j += 1000) {
      await call(`${base}/scopes/course/${scopeId}/data-points`, { points: points.slice(j, j + 1000) });
    }
    if (i % 50 === 49) process.stdout.write(`\r${i + 1}/${SCOPES} scopes`);
  }
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  console.log(
    `\nloaded in ${loadSeconds.toFixed(1)} s (${Math.round((perScope * SCOPES) / loadSeconds).toLocaleString('en')} points/s)`,
  );

  const series = (scopeType: string, scopeId: string) =>
    `${base}/scopes/${scopeType}/${scopeId}/indicators/courses.completion-rate/series?from=2025-01&to=2025-12`;
  // One check that the figures are right: every course has 600 enrolments and 400 completions → 66.67 %.
  const sample = await (await call(series('region', 'default'))).json();
  console.log('region series, January:', JSON.stringify(sample.items[0]));

  const latencies: Record<string, number[]> = { course: [], institution: [], region: [] };
  for (let i = 0; i < 100; i++) await call(series('course', courses[i % SCOPES] as string)); // warm-up
  for (let i = 0; i < READS; i++) {
    const kind = i % 10 === 0 ? 'region' : i % 10 < 4 ? 'institution' : 'course';
    const path =
      kind === 'region'
        ? series('region', 'default')
        : kind === 'institution'
          ? series('institution', institutions[Math.floor(Math.random() * INSTITUTIONS)] as string)
          : series('course', courses[Math.floor(Math.random() * SCOPES)] as string);
    const started = performance.now();
    await call(path);
    latencies[kind]?.push(performance.now() - started);
  }
  const pct = (values: number[], p: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  };
  const all = Object.values(latencies).flat();
  for (const [kind, values] of [...Object.entries(latencies), ['all', all] as const]) {
    console.log(
      `${kind.padEnd(12)} n=${String(values.length).padStart(5)}  p50 ${pct(values, 50).toFixed(1)} ms  p95 ${pct(values, 95).toFixed(1)} ms  p99 ${pct(values, 99).toFixed(1)} ms`,
    );
  }
  if (pct(all, 99) >= 200) process.exitCode = 1;
} finally {
  await t.close();
}
