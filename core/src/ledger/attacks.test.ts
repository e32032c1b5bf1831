// The attacks of the "Core trust" issue (1–3: the ledger), reproduced as a curl user would, each
// refused with nothing moved. 4–6 (identity) live in core/src/identity.
import { eq, inArray } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids/uuidv7.js';
import { assertLedgerInvariants, createTestPlatform, type TestPlatform } from '../testing/index.js';
import { ledgerAccounts, ledgerTransfers } from './schema.js';
import { type Accreditation, asAdmin, issuingInstitution, okBody } from './testing/callers.js';
import { actorViolations } from './testing/invariants.js';

let t: TestPlatform;
const db = () => t.platform.database.db;

const ok = okBody;
const admin = (path: string, json: unknown, method = 'POST') => asAdmin(t, path, json, method);
const institution = (status: Accreditation) => issuingInstitution(t, status);

async function issuanceOf(asset: string) {
  return (await t.platform.ledger.listAssets(db())).find((a) => a.code === asset)?.issuanceAccountId as string;
}

async function openFunded(owner: { type: 'person' | 'group' | 'region' | 'platform'; id?: string }, asset = 'POINT') {
  const account = await t.platform.ledger.createAccount(db(), {
    asset,
    owner: { type: owner.type, id: owner.id ?? null },
    flags: { debitsMustNotExceedCredits: true },
  });
  await t.platform.ledger.submit([
    { id: uuidv7(), debitAccountId: await issuanceOf(asset), creditAccountId: account.id, amount: 100n, code: 1 },
  ]);
  return account.id;
}

const balance = async (id: string) => {
  const a = await t.platform.ledger.getAccount(db(), id);
  return a ? a.creditsPosted - a.debitsPosted : null;
};

const post = (auth: string, transfers: unknown[]) =>
  t.request('/v1/ledger/transfers', { method: 'POST', json: { transfers }, auth });

async function expectRefused(res: Response, transferIds: string[]) {
  expect(res.status).toBe(403);
  expect(await res.json()).toMatchObject({ code: 'LEDGER_TRANSFER_FORBIDDEN' });
  expect(await db().select().from(ledgerTransfers).where(inArray(ledgerTransfers.id, transferIds))).toEqual([]);
}

beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());
afterEach(() => assertLedgerInvariants(db()));

describe('attack 1: an issuer debits accounts that are not its own', () => {
  it("moves no points out of an unrelated learner's wallet into another's", async () => {
    const { learner, otherLearner } = await t.principals();
    const school = await institution('accredited');
    const from = await openFunded({ type: 'person', id: learner.id });
    const to = await openFunded({ type: 'person', id: otherLearner.id });
    const id = uuidv7();
    await expectRefused(
      await post(school.key, [{ id, debitAccountId: from, creditAccountId: to, amount: '50', code: 1 }]),
      [id],
    );
    expect([await balance(from), await balance(to)]).toEqual([100n, 100n]);
  });

  it('moves no lifetime credits between two learners', async () => {
    const { learner, otherLearner } = await t.principals();
    const school = await institution('accredited');
    const from = await openFunded({ type: 'person', id: learner.id }, 'CREDIT');
    const to = await openFunded({ type: 'person', id: otherLearner.id }, 'CREDIT');
    const id = uuidv7();
    await expectRefused(
      await post(school.key, [{ id, debitAccountId: from, creditAccountId: to, amount: '50', code: 1 }]),
      [id],
    );
    expect([await balance(from), await balance(to)]).toEqual([100n, 100n]);
  });

  it('drains no group pool', async () => {
    const { learner } = await t.principals();
    const school = await institution('accredited');
    const group = await ok(
      await t.request('/v1/groups', {
        method: 'POST',
        json: { type: 'collective', name: 'Pool' },
        auth: learner.token,
      }),
      'group',
    );
    const pool = await openFunded({ type: 'group', id: group.id });
    const sink = await openFunded({ type: 'platform' });
    const id = uuidv7();
    await expectRefused(
      await post(school.key, [{ id, debitAccountId: pool, creditAccountId: sink, amount: '100', code: 1 }]),
      [id],
    );
    expect(await balance(pool)).toBe(100n);
  });

  it("voids no other institution's pending hold on a learner's points", async () => {
    const { learner } = await t.principals();
    const holder = await institution('accredited');
    const attacker = await institution('accredited');
    const wallet = await openFunded({ type: 'person', id: learner.id });
    const receipts = await t.platform.ledger.createAccount(db(), {
      asset: 'POINT',
      owner: { type: 'institution', id: holder.id },
      flags: { debitsMustNotExceedCredits: true },
    });
    // The hold, as a plugin would place it for the learner (the system here).
    const holdId = uuidv7();
    await t.platform.ledger.submit([
      {
        id: holdId,
        debitAccountId: wallet,
        creditAccountId: receipts.id,
        amount: 30n,
        code: 1,
        flags: { pending: true },
      },
    ]);
    const voidId = uuidv7();
    await expectRefused(
      await post(attacker.key, [{ id: voidId, pendingId: holdId, code: 1, flags: { voidPending: true } }]),
      [voidId],
    );
    expect((await t.platform.ledger.getAccount(db(), wallet))?.debitsPending).toBe(30n);
  });

  it('refuses the whole batch when one transfer of it is not allowed', async () => {
    const { learner } = await t.principals();
    const school = await institution('accredited');
    const wallet = await openFunded({ type: 'person', id: learner.id });
    const mint = {
      id: uuidv7(),
      debitAccountId: await issuanceOf('POINT'),
      creditAccountId: wallet,
      amount: '5',
      code: 1,
    };
    const theft = {
      id: uuidv7(),
      debitAccountId: wallet,
      creditAccountId: await openFunded({ type: 'platform' }),
      amount: '5',
      code: 1,
    };
    const res = await post(school.key, [mint, theft]);
    await expectRefused(res, [mint.id, theft.id]);
    expect(await balance(wallet)).toBe(100n);
  });
});

describe('attack 2: anyone who may open accounts mints', () => {
  it('a pending institution cannot open an account that may go negative', async () => {
    const pending = await institution('pending');
    const before = await db().select().from(ledgerAccounts).where(eq(ledgerAccounts.ownerId, pending.id));
    const res = await t.request('/v1/ledger/accounts', {
      method: 'POST',
      json: {
        asset: 'POINT',
        owner: { type: 'institution', id: pending.id },
        flags: { debitsMustNotExceedCredits: false },
      },
      auth: pending.key,
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: 'LEDGER_ACCOUNT_FORBIDDEN',
      errors: [{ rule: 'mayOpenUnbounded' }],
    });
    expect(await db().select().from(ledgerAccounts).where(eq(ledgerAccounts.ownerId, pending.id))).toEqual(before);
  });

  it('an account it opens without flags cannot go negative, so crediting a learner 1,000,000 points from it fails', async () => {
    const { learner } = await t.principals();
    const pending = await institution('pending');
    const opened = await ok(
      await t.request('/v1/ledger/accounts', {
        method: 'POST',
        json: { asset: 'POINT', owner: { type: 'institution', id: pending.id } },
        auth: pending.key,
      }),
      'open',
    );
    expect(opened.flags.debitsMustNotExceedCredits).toBe(true);
    const wallet = await openFunded({ type: 'person', id: learner.id });
    const res = await post(pending.key, [
      { id: uuidv7(), debitAccountId: opened.id, creditAccountId: wallet, amount: '1000000', code: 1 },
    ]);
    expect(res.status).toBe(200);
    expect((await res.json()).results[0].status).toBe('exceedsCredits');
    expect(await balance(wallet)).toBe(100n);
  });

  it("debits no region's unlimited voucher conversion account", async () => {
    const { learner } = await t.principals();
    const pending = await institution('pending');
    await t.platform.ledger.registerAsset(db(), { code: 'VOUCHER', scale: 0 });
    const conversion = await t.platform.ledger.createAccount(db(), {
      asset: 'VOUCHER',
      owner: { type: 'region', id: 'default' },
    });
    const wallet = await t.platform.ledger.createAccount(db(), {
      asset: 'VOUCHER',
      owner: { type: 'person', id: learner.id },
      flags: { debitsMustNotExceedCredits: true },
    });
    const id = uuidv7();
    await expectRefused(
      await post(pending.key, [
        { id, debitAccountId: conversion.id, creditAccountId: wallet.id, amount: '500', code: 1 },
      ]),
      [id],
    );
    expect(await balance(wallet.id)).toBe(0n);
  });
});

describe('attack 3: accreditation is checked for every kind of issuer', () => {
  const mintAs = async (auth: string) => {
    const { learner } = await t.principals();
    const wallet = await openFunded({ type: 'person', id: learner.id }, 'CREDIT');
    const id = uuidv7();
    const res = await post(auth, [
      { id, debitAccountId: await issuanceOf('CREDIT'), creditAccountId: wallet, amount: '1000', code: 1 },
    ]);
    await expectRefused(res, [id]);
    expect(await balance(wallet)).toBe(100n);
  };

  it.each(['pending', 'suspended'] as const)(
    'a person holding issuer for a %s institution mints nothing',
    async (status) => {
      const inst = await institution(status);
      const staff = await t.person({ roles: [{ role: 'issuer', scope: { type: 'institution', id: inst.id } }] });
      await mintAs(staff.token);
    },
  );

  it('a region-scoped issuer key that belongs to no institution mints nothing', async () => {
    const key = await admin('/v1/api-keys', { name: 'region issuer', role: 'issuer', regionId: 'default' });
    await mintAs(key.key);
  });

  it('an institution suspended after its key was used mints nothing from then on', async () => {
    const { learner } = await t.principals();
    const school = await institution('accredited');
    const wallet = await openFunded({ type: 'person', id: learner.id }, 'CREDIT');
    const mint = () => ({ id: uuidv7(), debitAccountId: '', creditAccountId: wallet, amount: '10', code: 1 });
    const first = { ...mint(), debitAccountId: await issuanceOf('CREDIT') };
    expect((await (await post(school.key, [first])).json()).results[0].status).toBe('created');
    await admin(`/v1/institutions/${school.id}/accreditation`, { status: 'suspended' }, 'PUT');
    const second = { ...mint(), debitAccountId: await issuanceOf('CREDIT') };
    await expectRefused(await post(school.key, [second]), [second.id]);
    expect(await balance(wallet)).toBe(110n);
  });
});

describe('the actor invariant checked after every test file', () => {
  it('finds a transfer whose actor could never have debited its account', async () => {
    const { learner, otherLearner } = await t.principals();
    const wallet = await openFunded({ type: 'person', id: learner.id });
    const other = await openFunded({ type: 'person', id: otherLearner.id });
    const rollback = new Error('rollback');
    await expect(
      db().transaction(async (tx) => {
        expect(await actorViolations(tx)).toEqual([]);
        // Written past the ledger, as a bug or a tampering would: another person moving the points.
        await tx.insert(ledgerTransfers).values({
          id: uuidv7(),
          debitAccountId: wallet,
          creditAccountId: other,
          amount: 5n,
          asset: 'POINT',
          code: 1,
          kind: 'posted',
          requestHash: 'x',
          createdAt: new Date(),
          actorType: 'person',
          actorId: otherLearner.id,
        });
        expect(await actorViolations(tx)).toEqual([
          expect.stringContaining(`person:${otherLearner.id} debited person:${learner.id}`),
        ]);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });
});
