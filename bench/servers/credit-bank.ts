// The platform under test for the credit-bank figures, in a process of its own. Sets up, through
// the HTTP API as an operator would, an accredited institution and one verified learner, imports
// BENCH_RECORDS records for the learner through `POST /v1/credit-bank/imports` (and the imports
// job, timers on), then prints one JSON line `{ url, learnerNumber, token, importSeconds }`.
// Built packages (npm run build), as bench/first-party-plugins.ts uses them.
import { createLogger, createPlatform } from '@lifelong/core';
import { testNationalId } from '@lifelong/core/testing';
import creditBank from '@lifelong/plugin-credit-bank';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000);
const ADMIN_KEY = 'llk_bench-admin-key-000000000000000000';

const platform = createPlatform({
  env: {},
  plugins: [creditBank],
  settings: {
    databaseUrl,
    port: 0,
    host: '127.0.0.1',
    adminKey: ADMIN_KEY,
    logLevel: 'silent',
    nationalIdHmacKey: Buffer.alloc(32, 1).toString('base64'),
    nationalIdEncryptionKeys: `bench:${Buffer.alloc(32, 2).toString('base64')}`,
  },
  logger: createLogger({ level: 'silent' }),
});
const { url } = await platform.start();

async function call<T = unknown>(method: string, path: string, body?: unknown, token = ADMIN_KEY): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json as T;
}

const institution = await call<{ id: string }>('POST', '/v1/institutions', {
  name: 'Bench College',
  kind: 'school',
  regionId: 'default',
});
await call('PUT', `/v1/institutions/${institution.id}/accreditation`, { status: 'accredited' });
await call('POST', '/v1/credit-bank/providers', {
  institutionId: institution.id,
  capabilities: ['award'],
  validFrom: '2000-01-01T00:00:00Z',
});
const password = 'correct horse battery staple';
const dateOfBirth = '1990-05-17';
const learner = await call<{ learnerNumber: string }>('POST', '/v1/people', {
  legalName: 'Bench Learner',
  dateOfBirth,
  nationalId: { scheme: 'CN-RIC', number: testNationalId(dateOfBirth) },
  password,
});
await call('POST', `/v1/people/${learner.learnerNumber}/verification`, {
  decision: 'approve',
  evidence: { kind: 'document-check', reference: 'bench' },
});
const session = await call<{ token: string }>('POST', '/v1/sessions', {
  learnerNumber: learner.learnerNumber,
  password,
});

const rows = Array.from({ length: RECORDS }, (_, i) => ({
  externalId: `bench-${i}`,
  learnerNumber: learner.learnerNumber,
  title: `Module ${i}`,
  stage: ['primary', 'middle', 'high', 'university', 'vocational'][i % 5],
  learningOutcomes: ['Does the thing'],
  workloadHours: 10,
  assessment: { type: 'exam', score: 80 },
  form: 'blended',
  completedAt: `${2000 + (i % 25)}-06-01T00:00:00Z`,
}));
const started = performance.now();
type Job = { id: string; status: string; created: number };
let job = await call<Job>('POST', `/v1/credit-bank/imports?institutionId=${institution.id}`, { rows });
while (job.status !== 'completed') {
  await new Promise((resolve) => setTimeout(resolve, 100));
  job = await call<Job>('GET', `/v1/credit-bank/imports/${job.id}`);
}
const importSeconds = (performance.now() - started) / 1000;
if (job.created !== RECORDS) throw new Error(`imported ${job.created} of ${RECORDS}: ${JSON.stringify(job)}`);

console.log(JSON.stringify({ url, learnerNumber: learner.learnerNumber, token: session.token, importSeconds }));
process.once('SIGTERM', () => {
  platform.stop().then(() => process.exit(0));
});
