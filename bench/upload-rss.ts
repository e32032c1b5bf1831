// Upload memory benchmark: a 200 MiB lesson video through `POST /v1/teacher-development/media` on a
// running platform (its own process, files on disk), reporting how much the server's resident
// set grew while it received the file. Uploads are streamed to the file store, so the growth must
// stay under 50 MiB whatever the file's size.
//
//   npx tsx bench/upload-rss.ts                                  # PGlite in the server process
//   DATABASE_URL=postgres://root@127.0.0.1:5432/postgres npx tsx bench/upload-rss.ts
//
// With DATABASE_URL (an admin connection, as for `npm run bench`) the server runs on a scratch
// database (`lifelong_bench_upload_rss`), created for the run and dropped after.
//
// Built packages (npm run build), as bench/first-party-plugins.ts uses them. Prints one JSON line:
// `{ bytes, seconds, rssBeforeMiB, rssPeakMiB, growthMiB, limitMiB, ok }`; exits 1 over the limit.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createDatabase, dropDatabase } from './lib/databases.js';

const MiB = 1024 * 1024;
const BYTES = Number(process.env.UPLOAD_BYTES ?? 200 * MiB);
const LIMIT_MIB = 50;
const ADMIN_KEY = 'llk_bench-admin-key-000000000000000000';
const SCRATCH = 'lifelong_bench_upload_rss';

if (process.env.UPLOAD_RSS_ROLE === 'server') await serve();
else await measure();

/** The platform under test: prints `{ url, token }` for an approved teacher, then waits. */
async function serve(): Promise<void> {
  const { createLogger, createPlatform } = await import('@lifelong/core');
  const { testNationalId } = await import('@lifelong/core/testing');
  const creditBank = (await import('@lifelong/plugin-credit-bank')).default;
  const assessments = (await import('@lifelong/plugin-assessments')).default;
  const teacherDevelopment = (await import('@lifelong/plugin-teacher-development')).default;
  const platform = createPlatform({
    env: {},
    plugins: [creditBank, assessments, teacherDevelopment],
    settings: {
      ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: 'memory://' }),
      filesDir: process.env.UPLOAD_RSS_FILES as string,
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
  const call = async <T>(method: string, path: string, body: unknown, token = ADMIN_KEY): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json as T;
  };
  const password = 'correct horse battery staple';
  const dateOfBirth = '1985-03-09';
  const person = await call<{ learnerNumber: string }>('POST', '/v1/people', {
    legalName: 'Bench Teacher',
    dateOfBirth,
    nationalId: { scheme: 'CN-RIC', number: testNationalId(dateOfBirth) },
    password,
  });
  await call('POST', `/v1/people/${person.learnerNumber}/verification`, {
    decision: 'approve',
    evidence: { kind: 'document-check', reference: 'bench' },
  });
  const { token } = await call<{ token: string }>('POST', '/v1/sessions', {
    learnerNumber: person.learnerNumber,
    password,
  });
  const teacher = await call<{ id: string }>(
    'POST',
    '/v1/teacher-development/teachers',
    { subjects: ['mathematics'], institutionIds: [], bio: 'Records long lessons.' },
    token,
  );
  await call('POST', `/v1/teacher-development/teachers/${teacher.id}/decision`, { decision: 'approve' });
  console.log(JSON.stringify({ url, token }));
  process.once('SIGTERM', () => {
    platform.stop().then(() => process.exit(0));
  });
}

/** Resident set of a process, from /proc (Linux). */
async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
  return kb / 1024;
}

/** An MP4-looking body of `size` bytes, generated chunk by chunk (the client holds 1 MiB at a time). */
function body(size: number): ReadableStream<Uint8Array> {
  let sent = 0;
  const chunk = new Uint8Array(MiB).fill(0x61);
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close();
      const part = sent === 0 ? chunk.slice() : chunk.subarray(0, Math.min(MiB, size - sent));
      if (sent === 0) part.set(new TextEncoder().encode('\0\0\0\x18ftypmp42'));
      sent += part.byteLength;
      controller.enqueue(part);
    },
  });
}

async function measure(): Promise<void> {
  const files = await mkdtemp(join(tmpdir(), 'lifelong-upload-rss-'));
  const admin = process.env.DATABASE_URL;
  const database = admin ? await createDatabase(admin, SCRATCH) : undefined;
  const server = spawn(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname], {
    env: {
      ...process.env,
      ...(database ? { DATABASE_URL: database } : {}),
      UPLOAD_RSS_ROLE: 'server',
      UPLOAD_RSS_FILES: files,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: server.stdout }).once('line', resolve);
      server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    });
    const { url, token } = JSON.parse(first) as { url: string; token: string };
    const pid = server.pid as number;
    // A warm-up upload, so that code paths and pools are loaded before the baseline.
    await upload(url, token, 4 * MiB);
    global.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = await rssMiB(pid);
    let peak = before;
    const sampler = setInterval(() => {
      rssMiB(pid).then(
        (rss) => {
          peak = Math.max(peak, rss);
        },
        () => {},
      );
    }, 20);
    const started = performance.now();
    const answer = await upload(url, token, BYTES);
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, await rssMiB(pid));
    if (answer.size !== BYTES) throw new Error(`stored ${answer.size} of ${BYTES} bytes`);
    const growth = peak - before;
    const result = {
      bytes: BYTES,
      seconds: Number(seconds.toFixed(2)),
      rssBeforeMiB: Number(before.toFixed(1)),
      rssPeakMiB: Number(peak.toFixed(1)),
      growthMiB: Number(growth.toFixed(1)),
      limitMiB: LIMIT_MIB,
      ok: growth < LIMIT_MIB,
    };
    console.log(JSON.stringify(result));
    if (!result.ok) process.exitCode = 1;
  } finally {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
    await rm(files, { recursive: true, force: true });
    if (admin) await dropDatabase(admin, SCRATCH);
  }
}

async function upload(url: string, token: string, size: number): Promise<{ size: number }> {
  const res = await fetch(`${url}/v1/teacher-development/media`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'video/mp4' },
    body: body(size),
    duplex: 'half',
  } as RequestInit);
  const json = (await res.json()) as { size: number };
  if (res.status !== 201) throw new Error(`upload of ${size} bytes: ${res.status} ${JSON.stringify(json)}`);
  return json;
}
