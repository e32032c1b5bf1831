import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { assertLedgerInvariants, createTestPlatform, type TestPlatform } from '../testing/index.js';
import type { Ledger } from './ledger.js';
import type { TransferInput, TransferResult } from './types.js';

// Needs real concurrency: PGlite has a single connection and serialises everything, so these
// run only against PostgreSQL (DATABASE_URL). Each transfer here runs in a transaction of its
// own (not through the group-commit batcher), so transactions really race for the rows.
describe.runIf(process.env.DATABASE_URL)(
  'ledger under concurrency (PostgreSQL only: PGlite has one connection)',
  () => {
    let t: TestPlatform;
    let db: Database;
    let ledger: Ledger;
    let issuance: string;

    beforeAll(async () => {
      t = await createTestPlatform();
      db = t.platform.database.db;
      ledger = t.platform.ledger;
      issuance = (await ledger.listAssets(db)).find((a) => a.code === 'POINT')?.issuanceAccountId as string;
    });
    afterAll(() => t.close());
    afterEach(() => assertLedgerInvariants(db));

    const wallet = async () =>
      (await ledger.createAccount(db, { asset: 'POINT', flags: { debitsMustNotExceedCredits: true } })).id;
    const alone = (transfer: TransferInput): Promise<TransferResult> =>
      ledger.runInTransaction(async (tx) => (await ledger.transfer(tx, [transfer]))[0] as TransferResult);
    const fund = async (account: string, amount: bigint) => {
      const [r] = await ledger.submit([
        { id: uuidv7(), debitAccountId: issuance, creditAccountId: account, amount, code: 1 },
      ]);
      expect(r?.status).toBe('created');
    };
    const balance = async (id: string) => {
      const a = await ledger.getAccount(db, id);
      return (a?.creditsPosted ?? 0n) - (a?.debitsPosted ?? 0n);
    };

    it('lets exactly floor(balance / amount) of N parallel debits succeed', async () => {
      const [a, b] = [await wallet(), await wallet()];
      await fund(a, 255n);
      const results = await Promise.all(
        Array.from({ length: 60 }, () =>
          alone({ id: uuidv7(), debitAccountId: a, creditAccountId: b, amount: 10n, code: 1 }),
        ),
      );
      expect(results.filter((r) => r.status === 'created')).toHaveLength(25);
      expect(results.filter((r) => r.status === 'exceedsCredits')).toHaveLength(35);
      expect(await balance(a)).toBe(5n);
    });

    it('ends 2×500 opposite transfers between two accounts at the starting balances, without deadlock failures', async () => {
      const [a, b] = [await wallet(), await wallet()];
      await fund(a, 1000n);
      await fund(b, 1000n);
      const results = await Promise.all(
        Array.from({ length: 1000 }, (_, i) =>
          alone({
            id: uuidv7(),
            debitAccountId: i % 2 ? a : b,
            creditAccountId: i % 2 ? b : a,
            amount: 1n,
            code: 1,
          }),
        ),
      );
      expect(results.every((r) => r.status === 'created')).toBe(true);
      expect([await balance(a), await balance(b)]).toEqual([1000n, 1000n]);
    });

    it('gives one effect when the same transfer id arrives 50 times at once', async () => {
      const [a, b] = [await wallet(), await wallet()];
      await fund(a, 100n);
      const transfer: TransferInput = { id: uuidv7(), debitAccountId: a, creditAccountId: b, amount: 7n, code: 1 };
      const results = await Promise.all(Array.from({ length: 50 }, () => alone({ ...transfer })));
      expect(results.filter((r) => r.status === 'created')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'exists')).toHaveLength(49);
      expect(await balance(b)).toBe(7n);
    });

    it('lets exactly one of a concurrent post and void of a pending transfer win', async () => {
      const [a, b] = [await wallet(), await wallet()];
      await fund(a, 1000n);
      for (let round = 0; round < 20; round++) {
        const pending: TransferInput = {
          id: uuidv7(),
          debitAccountId: a,
          creditAccountId: b,
          amount: 10n,
          code: 1,
          flags: { pending: true },
        };
        expect((await alone(pending)).status).toBe('created');
        const [post, voiding] = await Promise.all([
          alone({ id: uuidv7(), code: 1, pendingId: pending.id, flags: { postPending: true } }),
          alone({ id: uuidv7(), code: 1, pendingId: pending.id, flags: { voidPending: true } }),
        ]);
        const statuses = [post?.status, voiding?.status];
        expect(statuses.filter((s) => s === 'created')).toHaveLength(1);
        expect(statuses).toContainEqual(
          expect.stringMatching(/^pendingTransferAlready(Posted|Voided)$/) as unknown as string,
        );
      }
      const account = await ledger.getAccount(db, a);
      expect(account?.debitsPending).toBe(0n);
    });

    it('groups concurrent single-transfer submissions into shared commits with correct per-request results', async () => {
      const [a, b] = [await wallet(), await wallet()];
      await fund(a, 150n);
      const transfers = Array.from({ length: 200 }, () => ({
        id: uuidv7(),
        debitAccountId: a,
        creditAccountId: b,
        amount: 1n,
        code: 1,
      }));
      const results = await Promise.all(transfers.map((transfer) => ledger.submit([transfer])));
      expect(results.map((r) => r[0]?.id)).toEqual(transfers.map((x) => x.id));
      expect(results.filter((r) => r[0]?.status === 'created')).toHaveLength(150);
      expect(await balance(b)).toBe(150n);
    });

    it('mints concurrently through the issuance shards without losing an amount', async () => {
      const targets = await Promise.all(Array.from({ length: 8 }, () => wallet()));
      const before = await ledger.getAccount(db, issuance);
      const results = await Promise.all(
        Array.from({ length: 400 }, (_, i) =>
          alone({
            id: uuidv7(),
            debitAccountId: issuance,
            creditAccountId: targets[i % 8] as string,
            amount: 2n,
            code: 1,
          }),
        ),
      );
      expect(results.every((r) => r.status === 'created')).toBe(true);
      const after = await ledger.getAccount(db, issuance);
      expect((after?.debitsPosted ?? 0n) - (before?.debitsPosted ?? 0n)).toBe(800n);
    });
  },
);
