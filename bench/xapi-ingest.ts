// xAPI LRS benchmark (plugins/learning-records) on PostgreSQL, through a real HTTP server:
//   1. ingestion: POST /statements with batches of BATCH (100) statements at CONNECTIONS (32)
//      connections for SECONDS, reported as statements/s;
//   2. GET /statements query latency (p50/p99 over a mix of agent, verb, activity and latest
//      queries, limit 10) at the stored count after ingestion (topped up to SMALL, 10k), then
//      after seeding the LRS up to LARGE (1M) statements with SQL.
//
//   DATABASE_URL=postgres://root@127.0.0.1:5432/postgres npx tsx bench/xapi-ingest.ts
//
// Environment: SECONDS (20), CONNECTIONS (32), BATCH (100), SMALL (10000), LARGE (1000000).
// Needs the built packages (npm run build). The write rate limit is off (an LMS at full speed).
import { randomUUID } from 'node:crypto';
import { createLogger, createPlatform } from '@lifelong/core';
import learningRecords from '@lifelong/plugin-learning-records';
import { createDatabase, dropDatabase, query } from './lib/databases.js';
import { describeErrors, load } from './lib/load.js';

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error('Set DATABASE_URL to a PostgreSQL server (a scratch database is created on it and dropped after).');
  process.exit(1);
}
const SECONDS = Number(process.env.SECONDS ?? 20);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 32);
const BATCH = Number(process.env.BATCH ?? 100);
const SMALL = Number(process.env.SMALL ?? 10_000);
const LARGE = Number(process.env.LARGE ?? 1_000_000);
const ADMIN_KEY = 'llk_bench-admin-key-000000000000000000';
const ACTORS = 1000;
const VERBS = ['completed', 'passed', 'attempted', 'experienced', 'answered'].map(
  (v) => `http://adlnet.gov/expapi/verbs/${v}`,
);
const ACTIVITIES = 500;

const name = 'bench_xapi';
const databaseUrl = await createDatabase(adminUrl, name);
const platform = createPlatform({
  env: {},
  plugins: [learningRecords],
  settings: {
    databaseUrl,
    port: 0,
    host: '127.0.0.1',
    adminKey: ADMIN_KEY,
    logLevel: 'silent',
    rateLimitWritesPerMinute: 0,
    nationalIdHmacKey: Buffer.alloc(32, 1).toString('base64'),
    nationalIdEncryptionKeys: `bench:${Buffer.alloc(32, 2).toString('base64')}`,
  },
  logger: createLogger({ level: 'silent' }),
});

async function call<T>(method: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json as T;
}

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;
const statement = () => ({
  actor: { objectType: 'Agent', mbox: `mailto:learner${Math.floor(Math.random() * ACTORS)}@bench.example.org` },
  verb: { id: pick(VERBS), display: { 'en-US': 'did' } },
  object: {
    id: `https://lms.bench.example.org/activities/${Math.floor(Math.random() * ACTIVITIES)}`,
    definition: { name: { 'en-US': 'A course' } },
  },
  result: { completion: true, score: { scaled: Math.random() } },
  context: { registration: randomUUID() },
});

const { url } = await platform.start();
let lrsId = '';
try {
  const institution = await call<{ id: string }>('POST', '/v1/institutions', {
    name: 'Bench LRS',
    kind: 'school',
    regionId: 'default',
  });
  lrsId = institution.id;
  const credential = await call<{ key: string; secret: string }>('POST', '/v1/learning-records/credentials', {
    institutionId: institution.id,
    name: 'Bench LMS',
    scopes: ['all'],
  });
  const headers = {
    authorization: `Basic ${Buffer.from(`${credential.key}:${credential.secret}`).toString('base64')}`,
    'x-experience-api-version': '1.0.3',
    'content-type': 'application/json',
  };
  const xapi = `${url}/v1/learning-records/xapi/statements`;

  const ingest = await load({
    label: `POST batches of ${BATCH} at ${CONNECTIONS} connections`,
    url: xapi,
    method: 'POST',
    connections: CONNECTIONS,
    seconds: SECONDS,
    headers,
    body: () => JSON.stringify(Array.from({ length: BATCH }, statement)),
  });
  console.log(
    `ingest: ${(ingest.okPerSecond * BATCH).toFixed(0)} statements/s (${ingest.okPerSecond.toFixed(1)} requests/s, p50 ${ingest.p50} ms, p99 ${ingest.p99} ms, ${describeErrors(ingest)})`,
  );

  const count = () =>
    query(databaseUrl, async (sql) =>
      Number((await sql`select count(*)::int as n from learning_records.statements`)[0]?.n),
    );
  /** Tops the LRS up to `target` statements with SQL (copies of ingested rows with fresh ids, stored earlier). */
  async function seed(target: number) {
    let n = await count();
    while (n < target) {
      const step = Math.min(100_000, target - n);
      await query(databaseUrl, (sql) =>
        sql.unsafe(
          `insert into learning_records.statements
             (lrs_id, id, stored, credential_id, verb_id, agent_ifis, related_agent_ifis, activity_id,
              related_activity_ids, registration, voids_id, voided, person_id, statement)
           select s.lrs_id, gen_random_uuid(), s.stored - make_interval(secs => g.i), s.credential_id, s.verb_id,
                  array['mbox:mailto:seed' || (g.i % ${ACTORS * 10}) || '@bench.example.org'], s.related_agent_ifis,
                  s.activity_id, s.related_activity_ids, gen_random_uuid(), null, false, null, s.statement
             from generate_series(1, ${step}) g(i)
             cross join lateral (select * from learning_records.statements where lrs_id = '${lrsId}' limit 1 offset (g.i % 50)) s`,
        ),
      );
      n = await count();
      process.stdout.write(`\rseeded to ${n}`);
    }
    await query(databaseUrl, (sql) => sql.unsafe('analyze learning_records.statements'));
    process.stdout.write('\n');
    return n;
  }

  const getMix = () => {
    const q = pick([
      'limit=10',
      `limit=10&agent=${encodeURIComponent(JSON.stringify({ mbox: `mailto:learner${Math.floor(Math.random() * ACTORS)}@bench.example.org` }))}`,
      `limit=10&verb=${encodeURIComponent(pick(VERBS))}`,
      `limit=10&activity=${encodeURIComponent(`https://lms.bench.example.org/activities/${Math.floor(Math.random() * ACTIVITIES)}`)}`,
    ]);
    return `/v1/learning-records/xapi/statements?${q}`;
  };
  const measure = async (stored: number) => {
    const r = await load({
      label: `GET at ${stored} statements`,
      url: xapi,
      connections: 8,
      seconds: Math.max(10, SECONDS / 2),
      headers,
      path: getMix,
    });
    console.log(
      `GET at ${stored} statements: p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.okPerSecond.toFixed(0)} requests/s (${describeErrors(r)})`,
    );
    return r;
  };
  const small = await measure(await seed(SMALL));
  const large = await measure(await seed(LARGE));
  console.log(`p99 ratio large/small: ${(large.p99 / Math.max(1, small.p99)).toFixed(2)}`);
} finally {
  await platform.stop();
  await dropDatabase(adminUrl, name);
}
