// Bulk import benchmark: 10,000 learning records for one institution on a fresh PostgreSQL
// database, through the HTTP route and the imports job, as in production (timers on).
//
//   DATABASE_URL=postgres://root@127.0.0.1:5432/test npx tsx bench/credit-bank-import.ts
//
// Prints the seconds from the POST to the import's completion. The acceptance bar is 30 s.
import { createTestPlatform } from '@lifelong/core/testing';
import creditBank from '@lifelong/plugin-credit-bank';

const ROWS = Number(process.env.ROWS ?? 10_000);
const PEOPLE = Number(process.env.PEOPLE ?? 100);

if (!process.env.DATABASE_URL) {
  console.error('Set DATABASE_URL to a PostgreSQL server (a fresh database is created on it and dropped after).');
  process.exit(1);
}

const t = await createTestPlatform({ plugins: [creditBank], scheduleJobs: true });
try {
  const p = await t.principals();
  const accredit = await t.request('/v1/credit-bank/providers', {
    method: 'POST',
    auth: p.regionAdmin.token,
    json: { institutionId: p.institution.id, capabilities: ['award'], validFrom: '2020-01-01T00:00:00Z' },
  });
  if (accredit.status !== 201) throw new Error(`accreditation failed: ${accredit.status}`);
  console.log(`registering ${PEOPLE} verified learners…`);
  const learners: string[] = [];
  for (let i = 0; i < PEOPLE; i++) learners.push((await t.person({ verified: true })).learnerNumber);

  const rows = Array.from({ length: ROWS }, (_, i) => ({
    externalId: `bench-${i}`,
    learnerNumber: learners[i % PEOPLE],
    title: `Course ${i}`,
    stage: 'vocational',
    learningOutcomes: ['Does the thing'],
    workloadHours: 10,
    assessment: { type: 'exam', score: 80 },
    form: 'blended',
    completedAt: '2026-05-01T00:00:00Z',
  }));

  const started = performance.now();
  const res = await t.request('/v1/credit-bank/imports', {
    method: 'POST',
    auth: p.institution.key,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ rows }),
  });
  let job = await res.json();
  if (res.status !== 201 && res.status !== 202) throw new Error(`import failed: ${res.status} ${JSON.stringify(job)}`);
  while (job.status !== 'completed') {
    await new Promise((resolve) => setTimeout(resolve, 200));
    job = await (await t.request(`/v1/credit-bank/imports/${job.id}`, { auth: p.institution.key })).json();
    process.stdout.write(`\r${job.processed}/${job.total}`);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `\nimported ${job.created} records (${job.failed} failed, ${job.duplicates} duplicates) in ${seconds.toFixed(1)} s`,
  );
  if (job.created !== ROWS) process.exitCode = 1;
} finally {
  await t.close();
}
