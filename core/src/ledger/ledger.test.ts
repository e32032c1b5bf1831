import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { assertLedgerInvariants, createTestPlatform, type TestPlatform } from '../testing/index.js';
import type { Ledger } from './ledger.js';
import { ledgerTransfers } from './schema.js';
import { MAX_AMOUNT, type TransferInput } from './types.js';

let t: TestPlatform;
let db: Database;
let ledger: Ledger;
let issuance: string;

beforeAll(async () => {
  t = await createTestPlatform();
  db = t.platform.database.db;
  ledger = t.platform.ledger;
  const assets = await ledger.listAssets(db);
  issuance = assets.find((a) => a.code === 'POINT')?.issuanceAccountId as string;
});
afterAll(() => t.close());
afterEach(() => assertLedgerInvariants(db));

const wallet = async (flags = { debitsMustNotExceedCredits: true }) =>
  (await ledger.createAccount(db, { asset: 'POINT', owner: { type: 'person', id: uuidv7() }, flags })).id;

const tx = (over: Partial<TransferInput> & { debitAccountId?: string; creditAccountId?: string }): TransferInput => ({
  id: uuidv7(),
  code: 1,
  amount: 10n,
  ...over,
});

async function fund(account: string, amount: bigint) {
  const [r] = await ledger.submit([tx({ debitAccountId: issuance, creditAccountId: account, amount })]);
  expect(r?.status).toBe('created');
}

const balance = async (id: string) => {
  const a = await ledger.getAccount(db, id);
  return a ? a.creditsPosted - a.debitsPosted : undefined;
};

describe('ledger service', () => {
  it('has the assets CREDIT, POINT and CNY with their scales on a fresh platform', async () => {
    const assets = await ledger.listAssets(db);
    expect(assets.map((a) => [a.code, a.scale])).toEqual([
      ['CNY', 2],
      ['CREDIT', 1],
      ['POINT', 0],
    ]);
  });

  it('moves an amount from one account to another and records one entry per side', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await fund(a, 100n);
    const results = await ledger.submit([tx({ debitAccountId: a, creditAccountId: b, amount: 30n })]);
    expect(results[0]?.status).toBe('created');
    expect(await balance(a)).toBe(70n);
    expect(await balance(b)).toBe(30n);
    expect((await ledger.getAccount(db, a))?.version).toBe(2);
  });

  it('commits nothing of a batch when a posted hook fails (the hook runs alongside the writes)', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await fund(a, 100n);
    const remove = ledger.onPosted(() => {
      throw new Error('outbox unavailable');
    });
    try {
      const transfer = tx({ debitAccountId: a, creditAccountId: b, amount: 30n });
      await expect(ledger.submit([transfer])).rejects.toThrow('outbox unavailable');
      expect(await ledger.getTransfer(db, transfer.id)).toBeNull();
    } finally {
      remove();
    }
    expect(await balance(a)).toBe(100n);
    expect(await balance(b)).toBe(0n);
  });

  it('replays the same id and body as exists, and rejects the same id with a different body', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await fund(a, 100n);
    const first = tx({ debitAccountId: a, creditAccountId: b, amount: 5n, metadata: { why: 'x' } });
    expect((await ledger.submit([first]))[0]?.status).toBe('created');
    expect((await ledger.submit([{ ...first, metadata: { why: 'x' } }]))[0]?.status).toBe('exists');
    expect((await ledger.submit([{ ...first, amount: 6n }]))[0]?.status).toBe('existsWithDifferentFields');
    expect(await balance(b)).toBe(5n);
  });

  it('lets a failed id be retried, because failed transfers are not recorded', async () => {
    const [a, b] = [await wallet(), await wallet()];
    const attempt = tx({ debitAccountId: a, creditAccountId: b, amount: 50n });
    expect((await ledger.submit([attempt]))[0]?.status).toBe('exceedsCredits');
    await fund(a, 50n);
    expect((await ledger.submit([attempt]))[0]?.status).toBe('created');
  });

  it('never overdraws an account that must not go below zero', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await fund(a, 25n);
    const results = await ledger.submit(
      Array.from({ length: 4 }, () => tx({ debitAccountId: a, creditAccountId: b, amount: 10n })),
    );
    expect(results.map((r) => r.status)).toEqual(['created', 'created', 'exceedsCredits', 'exceedsCredits']);
    expect(await balance(a)).toBe(5n);
  });

  it('commits a linked chain as one, and fails it as one', async () => {
    const [a, b, c] = [await wallet(), await wallet(), await wallet()];
    await fund(a, 10n);
    const ok = await ledger.submit([
      tx({ debitAccountId: a, creditAccountId: b, amount: 10n, flags: { linked: true } }),
      tx({ debitAccountId: b, creditAccountId: c, amount: 10n }),
    ]);
    expect(ok.map((r) => r.status)).toEqual(['created', 'created']);
    const failed = await ledger.submit([
      tx({ debitAccountId: c, creditAccountId: a, amount: 5n, flags: { linked: true } }),
      tx({ debitAccountId: c, creditAccountId: b, amount: 6n, flags: { linked: true } }),
      tx({ debitAccountId: a, creditAccountId: b, amount: 1n }),
      tx({ debitAccountId: c, creditAccountId: b, amount: 1n }),
    ]);
    expect(failed.map((r) => r.status)).toEqual([
      'linkedEventFailed',
      'exceedsCredits',
      'linkedEventFailed',
      'created',
    ]);
    expect([await balance(a), await balance(b), await balance(c)]).toEqual([0n, 1n, 9n]);
  });

  it('fails a chain left open at the end of a batch', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await fund(a, 10n);
    const results = await ledger.submit([tx({ debitAccountId: a, creditAccountId: b, flags: { linked: true } })]);
    expect(results[0]?.status).toBe('linkedEventChainOpen');
    expect(await balance(b)).toBe(0n);
  });

  it('reserves with a pending transfer, posts part of it, and resolves it only once', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await fund(a, 100n);
    const pending = tx({ debitAccountId: a, creditAccountId: b, amount: 60n, flags: { pending: true } });
    expect((await ledger.submit([pending]))[0]?.status).toBe('created');
    expect((await ledger.submit([tx({ debitAccountId: a, creditAccountId: b, amount: 50n })]))[0]?.status).toBe(
      'exceedsCredits',
    );
    const post = tx({ amount: 40n, pendingId: pending.id, flags: { postPending: true } });
    post.amount = 40n;
    expect((await ledger.submit([post]))[0]?.status).toBe('created');
    const again = await ledger.submit([
      { id: uuidv7(), code: 1, pendingId: pending.id, flags: { voidPending: true } },
      { id: uuidv7(), code: 1, pendingId: pending.id, flags: { postPending: true } },
    ]);
    expect(again.map((r) => r.status)).toEqual(['pendingTransferAlreadyPosted', 'pendingTransferAlreadyPosted']);
    const account = await ledger.getAccount(db, a);
    expect([account?.debitsPending, account?.debitsPosted]).toEqual([0n, 40n]);
    expect((await ledger.getTransfer(db, pending.id))?.pendingState).toBe('posted');
  });

  it('voids a pending transfer, releasing the reservation', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await fund(a, 10n);
    const pending = tx({ debitAccountId: a, creditAccountId: b, amount: 10n, flags: { pending: true } });
    const voiding: TransferInput = { id: uuidv7(), code: 1, pendingId: pending.id, flags: { voidPending: true } };
    expect((await ledger.submit([pending, voiding])).map((r) => r.status)).toEqual(['created', 'created']);
    expect(await ledger.getAccount(db, a)).toMatchObject({ debitsPending: 0n, debitsPosted: 100n - 100n + 0n });
    expect(await balance(a)).toBe(10n);
  });

  it('expires a pending transfer after its timeout, and then refuses to post it', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await fund(a, 10n);
    const pending = tx({
      debitAccountId: a,
      creditAccountId: b,
      amount: 10n,
      flags: { pending: true },
      timeoutSeconds: 1,
    });
    expect((await ledger.submit([pending]))[0]?.status).toBe('created');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const post: TransferInput = { id: uuidv7(), code: 1, pendingId: pending.id, flags: { postPending: true } };
    expect((await ledger.submit([post]))[0]?.status).toBe('pendingTransferExpired');
    await ledger.expirePending();
    expect((await ledger.getTransfer(db, pending.id))?.pendingState).toBe('expired');
    expect(await ledger.getAccount(db, a)).toMatchObject({ debitsPending: 0n });
    expect((await ledger.submit([{ ...post, id: uuidv7() }]))[0]?.status).toBe('pendingTransferExpired');
  });

  it('answers bad transfers with their own codes and commits nothing for them', async () => {
    const [a, b] = [await wallet(), await wallet()];
    const cny = (await ledger.createAccount(db, { asset: 'CNY' })).id;
    await fund(a, 10n);
    const results = await ledger.submit([
      tx({ debitAccountId: a, creditAccountId: b, amount: 0n }),
      tx({ debitAccountId: a, creditAccountId: b, amount: -5n }),
      tx({ debitAccountId: a, creditAccountId: b, amount: MAX_AMOUNT + 1n }),
      tx({ debitAccountId: a, creditAccountId: cny, amount: 1n }),
      tx({ debitAccountId: a, creditAccountId: uuidv7(), amount: 1n }),
      tx({ debitAccountId: a, creditAccountId: a, amount: 1n }),
      tx({ debitAccountId: a, creditAccountId: b, amount: 1n, metadata: { blob: 'x'.repeat(5000) } }),
      tx({ debitAccountId: a, creditAccountId: b, amount: 1n, flags: { pending: true, voidPending: true } }),
      tx({ debitAccountId: a, creditAccountId: b, amount: 1n, timeoutSeconds: 5 }),
      { id: uuidv7(), code: 1, pendingId: uuidv7(), flags: { postPending: true } },
    ]);
    expect(results.map((r) => r.status)).toEqual([
      'amountMustNotBeZero',
      'amountMustNotBeZero',
      'amountTooLarge',
      'accountsMustHaveTheSameAsset',
      'accountNotFound',
      'accountsMustBeDifferent',
      'metadataTooLarge',
      'flagsAreMutuallyExclusive',
      'timeoutReservedForPendingTransfer',
      'pendingTransferNotFound',
    ]);
    expect(await balance(a)).toBe(10n);
  });

  it('refuses a whole batch that is empty, too large or has a malformed id', async () => {
    await expect(ledger.submit([])).rejects.toMatchObject({ code: 'LEDGER_BATCH_INVALID' });
    await expect(ledger.submit([{ id: 'nope', code: 1, amount: 1n }])).rejects.toMatchObject({
      code: 'LEDGER_BATCH_INVALID',
    });
    await expect(ledger.submit([tx({ metadata: { n: 1n } })])).rejects.toMatchObject({ code: 'LEDGER_BATCH_INVALID' });
    const many = Array.from({ length: 8191 }, () => tx({}));
    await expect(ledger.submit(many)).rejects.toMatchObject({ code: 'LEDGER_BATCH_INVALID' });
  });

  it('carries 8,000 transfers in one batch and one transaction', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await fund(a, 8000n);
    const batch = Array.from({ length: 8000 }, () => tx({ debitAccountId: a, creditAccountId: b, amount: 1n }));
    const results = await ledger.submit(batch);
    expect(results.every((r) => r.status === 'created')).toBe(true);
    expect(await balance(b)).toBe(8000n);
  });

  it("commits a plugin's row and its postings together, or neither", async () => {
    const [a, b] = [await wallet(), await wallet()];
    await fund(a, 10n);
    const id = uuidv7();
    await expect(
      ledger.runInTransaction(async (trx) => {
        const [r] = await ledger.transfer(trx, [tx({ id, debitAccountId: a, creditAccountId: b, amount: 10n })]);
        expect(r?.status).toBe('created');
        throw new Error('the business step failed');
      }),
    ).rejects.toThrow('the business step failed');
    expect(await balance(b)).toBe(0n);
    expect(await ledger.getTransfer(db, id)).toBeNull();
  });

  it('calls onPosted hooks inside the committing transaction', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await fund(a, 10n);
    const seen: string[] = [];
    const off = ledger.onPosted(async (trx, transfers) => {
      const [row] = await trx.select().from(ledgerTransfers).where(sql`${ledgerTransfers.id} = ${transfers[0]?.id}`);
      seen.push(row?.id as string);
    });
    const transfer = tx({ debitAccountId: a, creditAccountId: b, amount: 1n });
    await ledger.submit([transfer]);
    off();
    expect(seen).toEqual([transfer.id]);
  });

  it('refuses to update or delete a transfer or an entry', async () => {
    const [a, b] = [await wallet(), await wallet()];
    await fund(a, 10n);
    const transfer = tx({ debitAccountId: a, creditAccountId: b, amount: 1n });
    await ledger.submit([transfer]);
    await expect(
      db.execute(sql`update core.ledger_transfers set amount = 2 where id = ${transfer.id}`),
    ).rejects.toThrow();
    await expect(db.execute(sql`delete from core.ledger_entries where transfer_id = ${transfer.id}`)).rejects.toThrow();
    await expect(db.execute(sql`truncate core.ledger_transfers cascade`)).rejects.toThrow();
  });

  it('does not let a shard of the issuance account be addressed directly', async () => {
    const rows = await db.execute(sql`select id from core.ledger_accounts where shard_of = ${issuance} limit 1`);
    const shard = (Array.isArray(rows) ? rows[0] : (rows as { rows: { id: string }[] }).rows[0]) as { id: string };
    const target = await wallet();
    const [r] = await ledger.submit([tx({ debitAccountId: shard.id, creditAccountId: target, amount: 1n })]);
    expect(r?.status).toBe('accountNotFound');
  });

  it('spreads mints over the shards of the issuance account and sums them on read', async () => {
    const before = await ledger.getAccount(db, issuance);
    const target = await wallet();
    for (let i = 0; i < 4; i++) await fund(target, 1n);
    const shards = await db.execute(
      sql`select count(distinct account_id)::int as n from core.ledger_entries e join core.ledger_accounts a on a.id = e.account_id where a.id = ${issuance} or a.shard_of = ${issuance}`,
    );
    expect(
      Number((shards as unknown as { n: number }[])[0]?.n ?? (shards as { rows: { n: number }[] }).rows[0]?.n),
    ).toBeGreaterThan(1);
    const after = await ledger.getAccount(db, issuance);
    expect((after?.debitsPosted ?? 0n) - (before?.debitsPosted ?? 0n)).toBe(4n);
  });
});
