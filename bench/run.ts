// The benchmark suite, run by hand (never in CI): `npm run bench` at the repository root.
// Runs every scenario of scenarios/index.ts against the PostgreSQL of DATABASE_URL (an admin
// connection: each scenario creates and drops its own database), prints a table, and writes the
// generated part of docs/PERFORMANCE.md and docs/performance.json.
//
//   npm run bench                       the full suite (< 10 minutes on 2 cores)
//   npm run bench -- --quick            smaller sizes, shorter loads; writes nothing unless --write
//   npm run bench -- --only=ledger,growth   some scenarios; writes nothing unless --write
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createDatabase, databaseUrl, dropDatabase } from './lib/databases.js';
import { describeMachine } from './lib/machine.js';
import { log } from './lib/progress.js';
import { consoleTable, type Report, writeDocs } from './lib/report.js';
import type { BenchContext, Row, Sizes } from './lib/types.js';
import { scenarios } from './scenarios/index.js';

const DEFAULT_URL = 'postgres://root@127.0.0.1:5432/test';

const FULL: Sizes = {
  pgbenchScale: 32,
  pgbenchSeconds: 15,
  loadSeconds: 15,
  probeSeconds: 5,
  growthLevels: [1_000, 100_000, 1_000_000],
  coldStartRuns: 5,
};
const QUICK: Sizes = {
  pgbenchScale: 32,
  pgbenchSeconds: 4,
  loadSeconds: 4,
  probeSeconds: 2,
  growthLevels: [1_000, 10_000, 50_000],
  coldStartRuns: 2,
};

const args = process.argv.slice(2);
const unknown = args.filter((a) => !/^--(quick|write|no-write|only=[\w,-]+)$/.test(a));
if (unknown.length > 0) {
  process.stderr.write(
    `unknown arguments: ${unknown.join(' ')}\nusage: npm run bench [-- --quick] [--only=id,id] [--write|--no-write]\n`,
  );
  process.exit(2);
}
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const partial = quick || only !== undefined;
const write = args.includes('--write') || (!partial && !args.includes('--no-write'));
const selected = only ? scenarios.filter((s) => only.includes(s.id)) : scenarios;
if (only && selected.length !== only.length) {
  process.stderr.write(`unknown scenario; known: ${scenarios.map((s) => s.id).join(', ')}\n`);
  process.exit(2);
}

const adminUrl = process.env.DATABASE_URL ?? DEFAULT_URL;
const shownUrl = (() => {
  const u = new URL(adminUrl);
  if (u.password) u.password = '***';
  return u.toString();
})();
const command = `${process.env.DATABASE_URL ? `DATABASE_URL=${shownUrl} ` : ''}npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;

const rows: Row[] = [];
const ctx: BenchContext = {
  quick,
  sizes: quick ? QUICK : FULL,
  adminUrl,
  dbUrl: (name) => databaseUrl(adminUrl, name),
  createDatabase: (name) => createDatabase(adminUrl, name),
  dropDatabase: (name) => dropDatabase(adminUrl, name),
  figure: (id) => rows.find((r) => r.id === id)?.value ?? null,
  log,
};

const started = performance.now();
log(`Lifelong benchmarks${quick ? ' (quick)' : ''} against ${shownUrl}`);
const machine = await describeMachine(adminUrl);
log(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; load average ${machine.loadAverage.start}`);
const failures: Report['failures'] = [];
for (const [i, scenario] of selected.entries()) {
  log(`[${i + 1}/${selected.length}] ${scenario.title}`);
  try {
    rows.push(...(await scenario.run(ctx)));
  } catch (error) {
    // One broken scenario must not cost the figures of the others.
    const message = error instanceof Error ? error.message : String(error);
    log(`  FAILED: ${message}`);
    failures.push({ scenario: scenario.id, error: message });
  }
}
machine.loadAverage.end = Math.round((loadavg()[0] ?? 0) * 100) / 100;

const report: Report = {
  command,
  quick,
  machine,
  durationSeconds: (performance.now() - started) / 1000,
  rows,
  failures,
};
process.stdout.write(`\n${consoleTable(rows)}\n\n`);
log(
  `done in ${Math.round(report.durationSeconds)} s; load average ${machine.loadAverage.start} → ${machine.loadAverage.end}`,
);
if (write) {
  const md = fileURLToPath(new URL('../docs/PERFORMANCE.md', import.meta.url));
  const json = fileURLToPath(new URL('../docs/performance.json', import.meta.url));
  writeDocs(md, json, report);
  log('wrote docs/PERFORMANCE.md and docs/performance.json');
} else {
  log('partial run (--quick or --only): docs not written (add --write to write them)');
}
process.exit(failures.length > 0 ? 1 : 0);
