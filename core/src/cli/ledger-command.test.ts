import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreMigrations } from '../db/core-migrations.js';
import { type DatabaseHandle, openDatabase } from '../db/database.js';
import { migrate } from '../db/migrator.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { createLedger } from '../ledger/ledger.js';

// The built CLI, as operators run it: from sources (tsx), postgres.js would lack the fix that
// core's build bundles, and opening PostgreSQL would be refused (db/postgres-js-fix.ts).
const BIN = fileURLToPath(new URL('../../bin/lifelong.js', import.meta.url));

function runCli(args: string[], env: Record<string, string>, cwd: string) {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr.on('data', (chunk) => {
    out += chunk;
  });
  return new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, out })),
  );
}

// The CLI runs in another process, which cannot open an in-memory PGlite of this one.
describe.runIf(process.env.DATABASE_URL)('lifelong ledger verify, as a command (PostgreSQL only)', () => {
  const base = process.env.DATABASE_URL ?? '';
  const name = `lifelong_test_${randomBytes(6).toString('hex')}`;
  let url: URL;
  let handle: DatabaseHandle;
  let cwd: string;
  let transferId: string;

  beforeAll(async () => {
    url = new URL(base);
    url.pathname = `/${name}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
    handle = await openDatabase({ url: url.toString(), maxConnections: 4 });
    await migrate(handle.db, [coreMigrations()]);
    const ledger = createLedger({ db: () => handle.db });
    const issuance = (await ledger.listAssets(handle.db))[0]?.issuanceAccountId as string;
    const account = await ledger.createAccount(handle.db, { asset: 'CNY' });
    transferId = uuidv7();
    await ledger.submit([
      { id: transferId, debitAccountId: issuance, creditAccountId: account.id, amount: 500n, code: 1 },
    ]);
    cwd = await mkdtemp(join(tmpdir(), 'lifelong-ledger-cli-'));
  });
  afterAll(async () => {
    await handle?.close();
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it('exits 0 when the chain and the totals check out, and 1 with the first mismatch after tampering', async () => {
    const ok = await runCli(['ledger', 'verify', '--seal'], { DATABASE_URL: url.toString() }, cwd);
    expect(ok.out).toContain('OK: the hash chain and every account total check out');
    expect(ok.code).toBe(0);

    await handle.db.execute(sql`alter table core.ledger_transfers disable trigger ledger_transfers_immutable`);
    await handle.db.execute(sql`update core.ledger_transfers set amount = 499 where id = ${transferId}`);
    const bad = await runCli(['ledger', 'verify'], { DATABASE_URL: url.toString() }, cwd);
    expect(bad.out).toMatch(/MISMATCH: block 1: transfers \(seq \d+\.\.\d+\) changed since sealing/);
    expect(bad.code).toBe(1);
  });
});
