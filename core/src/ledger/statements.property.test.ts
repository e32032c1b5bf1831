// Statements against the ledger's own totals, whatever transfers fast-check throws at an account:
// walking every page of a period, opening + Σ balanceDelta = closing; the balance before anything
// is 0, the balance "now" is the account's stored balance, and adjacent periods meet.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids/uuidv7.js';
import { assertLedgerInvariants, createTestPlatform, type TestPlatform } from '../testing/index.js';
import type { TransferInput } from './types.js';

let t: TestPlatform;
let issuance: string;
const db = () => t.platform.database.db;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  t = await createTestPlatform();
  issuance = (await t.platform.ledger.listAssets(db())).find((a) => a.code === 'POINT')?.issuanceAccountId as string;
});
afterAll(() => t.close());

type Op =
  | { kind: 'posted' | 'pending'; from: number; to: number; amount: number }
  | { kind: 'post' | 'void'; which: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('posted' as const, 'pending' as const),
    from: fc.integer({ min: 0, max: 2 }),
    to: fc.integer({ min: 0, max: 2 }),
    amount: fc.integer({ min: 1, max: 500 }),
  }),
  fc.record({ kind: fc.constantFrom('post' as const, 'void' as const), which: fc.nat() }),
);

/** Every page of the account's statement for [from, to), as the admin reads it. */
async function fullStatement(accountId: string, from: Date, to: Date, limit: number) {
  const client = t.client('admin');
  const pages = [];
  let cursor: string | undefined;
  do {
    const page = await client.ledger.accounts.statement({
      accountId,
      from: from.toISOString(),
      to: to.toISOString(),
      limit,
      ...(cursor ? { cursor } : {}),
    });
    pages.push(page);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return pages;
}

describe('statements', () => {
  it('opening + the entries of every page = closing, and they agree with the stored balance', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(op, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 7 }),
        async (batches, limit) => {
          // Three bounded accounts, funded so that most debits go through; some will not.
          const accounts: string[] = [];
          for (let i = 0; i < 3; i++) {
            const { id } = await t.platform.ledger.createAccount(db(), {
              asset: 'POINT',
              owner: { type: 'platform', id: null },
              flags: { debitsMustNotExceedCredits: true },
            });
            accounts.push(id);
          }
          await t.platform.ledger.submit(
            accounts.map((id) => ({
              id: uuidv7(),
              debitAccountId: issuance,
              creditAccountId: id,
              amount: 300n,
              code: 1,
            })),
          );
          await sleep(3);
          const cuts = [new Date()];
          const pendings: string[] = [];
          for (const batch of batches) {
            await sleep(3);
            const transfers: TransferInput[] = batch.map((o) => {
              const id = uuidv7();
              if ('which' in o) {
                const pendingId = pendings[o.which % Math.max(pendings.length, 1)] ?? uuidv7();
                return {
                  id,
                  pendingId,
                  code: 1,
                  flags: o.kind === 'post' ? { postPending: true } : { voidPending: true },
                };
              }
              if (o.kind === 'pending') pendings.push(id);
              return {
                id,
                debitAccountId: accounts[o.from] as string,
                creditAccountId: accounts[(o.from + 1 + (o.to % 2)) % 3] as string,
                amount: BigInt(o.amount),
                code: 1,
                ...(o.kind === 'pending' ? { flags: { pending: true } } : {}),
              };
            });
            await t.platform.ledger.submit(transfers);
            await sleep(3);
            cuts.push(new Date());
          }
          const future = new Date(Date.now() + 60_000);
          for (const accountId of accounts) {
            const stored = await t.platform.ledger.getAccount(db(), accountId);
            const before = await fullStatement(accountId, new Date(Date.now() - 3_600_000), cuts[0] as Date, limit);
            expect(before[0]?.openingBalance).toBe('0');
            expect(before[0]?.closingBalance).toBe('300');
            // Adjacent periods meet, and each sums up.
            const bounds = [...cuts, future];
            let carried = '300';
            let seen = 0;
            for (let i = 0; i + 1 < bounds.length; i++) {
              const [from, to] = [bounds[i] as Date, bounds[i + 1] as Date];
              const pages = await fullStatement(accountId, from, to, limit);
              const entries = pages.flatMap((p) => p.items);
              expect(pages.every((p) => p.openingBalance === carried)).toBe(true);
              const sum = entries.reduce((total, e) => total + BigInt(e.balanceDelta), BigInt(carried));
              expect(pages.every((p) => p.closingBalance === String(sum))).toBe(true);
              for (const e of entries) {
                expect(new Date(e.createdAt) >= from && new Date(e.createdAt) < to).toBe(true);
              }
              expect(new Set(entries.map((e) => e.version)).size).toBe(entries.length);
              seen += entries.length;
              carried = String(sum);
            }
            // The last period ends after everything: its closing is the stored balance.
            expect(carried).toBe(String((stored?.creditsPosted ?? 0n) - (stored?.debitsPosted ?? 0n)));
            // Every entry but the funding one fell into one of the periods.
            expect(seen).toBe((stored?.version ?? 0) - 1);
          }
        },
      ),
      { numRuns: 12 },
    );
    await assertLedgerInvariants(db());
  });
});
