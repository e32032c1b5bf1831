import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLedgerVerify } from '../cli/ledger-command.js';
import { main } from '../cli/main.js';
import type { Database } from '../db/database.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import type { Ledger } from './ledger.js';
import { Sealer } from './seal.js';
import type { TransferInput } from './types.js';

let t: TestPlatform;
let db: Database;
let ledger: Ledger;
let issuance: string;
let a: string;
let b: string;
const moved: TransferInput[] = [];

beforeAll(async () => {
  t = await createTestPlatform();
  db = t.platform.database.db;
  ledger = t.platform.ledger;
  issuance = (await ledger.listAssets(db)).find((x) => x.code === 'CREDIT')?.issuanceAccountId as string;
  a = (await ledger.createAccount(db, { asset: 'CREDIT', flags: { debitsMustNotExceedCredits: true } })).id;
  b = (await ledger.createAccount(db, { asset: 'CREDIT' })).id;
  await ledger.submit([{ id: uuidv7(), debitAccountId: issuance, creditAccountId: a, amount: 1000n, code: 1 }]);
  for (let i = 0; i < 3; i++) {
    const batch = Array.from({ length: 5 }, () => ({
      id: uuidv7(),
      debitAccountId: a,
      creditAccountId: b,
      amount: 3n,
      code: 2,
      metadata: { i },
    }));
    moved.push(...batch);
    await ledger.submit(batch);
  }
});
afterAll(() => t.close());

async function verifyOutput(): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await runLedgerVerify({ database: t.platform.database, out: (line) => lines.push(line) });
  return { code, lines };
}

/** Runs `change` with the append-only triggers off, as someone editing rows behind the ledger's back. */
async function behindTheLedgersBack(table: 'transfers' | 'entries', change: () => Promise<unknown>) {
  await db.execute(sql.raw(`alter table core.ledger_${table} disable trigger ledger_${table}_immutable`));
  try {
    await change();
  } finally {
    await db.execute(sql.raw(`alter table core.ledger_${table} enable trigger ledger_${table}_immutable`));
  }
}

describe('sealing and verify', () => {
  it('seals committed transfers into a hash chain that verify accepts', async () => {
    const sealed = await ledger.sealNow();
    expect(sealed).toBeGreaterThanOrEqual(16);
    const report = await ledger.verify();
    expect(report).toMatchObject({ ok: true, unsealedTransfers: 0 });
    expect(report.blocks).toBeGreaterThanOrEqual(1);
    const { code, lines } = await verifyOutput();
    expect(code).toBe(0);
    expect(lines.at(-1)).toMatch(/^OK/);
  });

  it('extends the chain with new blocks when more transfers commit, one sealer tick after another', async () => {
    const before = await ledger.verify();
    await ledger.submit([{ id: uuidv7(), debitAccountId: a, creditAccountId: b, amount: 1n, code: 3 }]);
    const sealer = new Sealer(db);
    await sealer.tick(); // notes the horizon and the transactions then in progress
    // Once those have ended (on a shared server: other databases' transactions), a tick seals.
    let sealed = 0;
    for (let i = 0; i < 200 && sealed === 0; i++) {
      sealed = await sealer.tick();
      if (sealed === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(sealed).toBeGreaterThanOrEqual(1);
    const after = await ledger.verify();
    expect(after.ok).toBe(true);
    expect(after.blocks).toBeGreaterThan(before.blocks);
    expect(after.sealedTransfers).toBe(before.sealedTransfers + sealed);
  });

  it('keeps blocks in numeric order past block 9', async () => {
    const batch = Array.from({ length: 12 }, () => ({
      id: uuidv7(),
      debitAccountId: a,
      creditAccountId: b,
      amount: 1n,
      code: 4,
    }));
    await ledger.submit(batch);
    expect(await new Sealer(db, 1).sealNow()).toBe(12);
    const report = await ledger.verify();
    expect(report).toMatchObject({ ok: true, unsealedTransfers: 0 });
    expect(report.blocks).toBeGreaterThanOrEqual(12);
  });

  it('catches a sealed transfer whose amount was changed behind the ledger’s back', async () => {
    const target = moved[2] as TransferInput;
    await behindTheLedgersBack('transfers', () =>
      db.execute(sql`update core.ledger_transfers set amount = 4 where id = ${target.id}`),
    );
    try {
      const { code, lines } = await verifyOutput();
      expect(code).toBe(1);
      expect(lines.at(-1)).toMatch(/^MISMATCH: block \d+: transfers \(seq \d+\.\.\d+\) changed since sealing/);
    } finally {
      await behindTheLedgersBack('transfers', () =>
        db.execute(sql`update core.ledger_transfers set amount = 3 where id = ${target.id}`),
      );
    }
    expect((await ledger.verify()).ok).toBe(true);
  });

  it('catches a sealed transfer whose actor was changed behind the ledger’s back, to the system and from it', async () => {
    const key = { kind: 'apiKey', id: uuidv7(), name: 'k', roles: [] } as const;
    const admin = {
      ...key,
      roles: [{ role: 'platform-admin', scope: { type: 'platform' }, permissions: ['*'] }],
    } as const;
    const byKey = { id: uuidv7(), debitAccountId: a, creditAccountId: b, amount: 1n, code: 5 };
    await ledger.submit([byKey], { kind: 'principal', principal: admin, requestId: 'req-1' });
    await new Sealer(db, 1).sealNow();
    expect((await ledger.verify()).ok).toBe(true);
    for (const [forged, restore] of [
      [
        sql`actor_type = 'system', actor_id = null, request_id = null`,
        sql`actor_type = 'apiKey', actor_id = ${admin.id}, request_id = 'req-1'`,
      ],
      [sql`actor_id = ${uuidv7()}`, sql`actor_id = ${admin.id}`],
    ] as const) {
      await behindTheLedgersBack('transfers', () =>
        db.execute(sql`update core.ledger_transfers set ${forged} where id = ${byKey.id}`),
      );
      try {
        expect((await ledger.verify()).mismatch).toMatch(/changed since sealing/);
      } finally {
        await behindTheLedgersBack('transfers', () =>
          db.execute(sql`update core.ledger_transfers set ${restore} where id = ${byKey.id}`),
        );
      }
    }
    expect((await ledger.verify()).ok).toBe(true);
  });

  it('catches a deleted sealed transfer', async () => {
    const target = moved[4] as TransferInput;
    await behindTheLedgersBack('transfers', async () => {
      // A plain table, not a temporary one: on PostgreSQL the pool may run the next statement on
      // another connection, which cannot see a temporary table.
      await db.execute(
        sql`create table public.ledger_test_saved as select * from core.ledger_transfers where id = ${target.id}`,
      );
      await db.execute(sql`delete from core.ledger_transfers where id = ${target.id}`);
    });
    try {
      const report = await ledger.verify();
      expect(report.ok).toBe(false);
      expect(report.mismatch).toMatch(/holds \d+ transfers, sealed \d+/);
    } finally {
      await behindTheLedgersBack('transfers', async () => {
        await db.execute(sql`insert into core.ledger_transfers select * from public.ledger_test_saved`);
      });
      await db.execute(sql`drop table public.ledger_test_saved`);
    }
    expect((await ledger.verify()).ok).toBe(true);
  });

  it('catches an account total changed without an entry', async () => {
    await db.execute(sql`update core.ledger_accounts set credits_posted = credits_posted + 1 where id = ${b}`);
    try {
      const report = await ledger.verify();
      expect(report).toMatchObject({ ok: false });
      expect(report.mismatch).toBe(`account ${b}: stored totals differ from the fold of its entries`);
    } finally {
      await db.execute(sql`update core.ledger_accounts set credits_posted = credits_posted - 1 where id = ${b}`);
    }
  });

  it('catches an entry whose amount was changed behind the ledger’s back', async () => {
    await behindTheLedgersBack('entries', () =>
      db.execute(sql`update core.ledger_entries set posted_delta = 5 where account_id = ${b} and version = 1`),
    );
    try {
      const report = await ledger.verify();
      expect(report.ok).toBe(false);
      expect(report.mismatch).toContain(`account ${b}`);
    } finally {
      await behindTheLedgersBack('entries', () =>
        db.execute(sql`update core.ledger_entries set posted_delta = 3 where account_id = ${b} and version = 1`),
      );
    }
    expect((await ledger.verify()).ok).toBe(true);
  });

  it('documents the verify command in the CLI help', async () => {
    const out: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((chunk: string) => out.push(chunk) > 0) as typeof process.stdout.write;
    try {
      expect(await main(['ledger', '--help'])).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(out.join('')).toContain('lifelong ledger verify');
  });
});

// A running transaction holds the only connection on PGlite, so only PostgreSQL can show this.
describe.runIf(process.env.DATABASE_URL)('sealing around in-flight transactions (PostgreSQL only)', () => {
  it('does not seal past a transaction that is still running', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started: () => void = () => {};
    const inside = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slow = ledger.runInTransaction(async (tx) => {
      await ledger.transfer(tx, [{ id: uuidv7(), debitAccountId: issuance, creditAccountId: b, amount: 1n, code: 9 }]);
      started();
      await held;
    });
    await inside;
    const late = uuidv7();
    await ledger.submit([{ id: late, debitAccountId: issuance, creditAccountId: a, amount: 1n, code: 9 }]);
    await expect(new Sealer(db).sealNow(300)).rejects.toThrow(/did not finish in time/);
    release();
    await slow;
    await ledger.sealNow();
    expect(await ledger.verify()).toMatchObject({ ok: true, unsealedTransfers: 0 });
  });
});
