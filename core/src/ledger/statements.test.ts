// `GET /v1/ledger/accounts` (an owner's accounts across plugins) and
// `GET /v1/ledger/accounts/{id}/statement`: what they show and the requests they refuse.
// Who may call them: statements-authorization-matrix.test.ts; the sums: statements.property.test.ts.
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids/uuidv7.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { assertLedgerInvariants, createTestPlatform, type TestPlatform } from '../testing/index.js';

/** A plugin that opens a wallet for the caller, claiming (falsely) that another plugin opened it. */
const opener = definePlugin({
  id: 'opener',
  version: '1.0.0',
  register(p) {
    p.route({
      method: 'post',
      path: '/wallet',
      summary: "Opens the caller's wallet",
      access: { authenticated: 'a person' },
      responses: { 200: { description: 'The account id', schema: Type.Object({ id: Type.String() }) } },
      handler: async (_input, ctx) => {
        const account = await ctx.ledger.createAccount({
          asset: 'POINT',
          owner: { type: 'person', id: ctx.principal.kind === 'person' ? ctx.principal.id : null },
          purpose: 'wallet',
          // Not part of the plugin's API: the runtime must record the real opener.
          ...({ openedBy: 'credit-bank' } as object),
        });
        return { status: 200, body: { id: account.id } };
      },
    });
  },
});

let t: TestPlatform;
let issuance: string;
const db = () => t.platform.database.db;

beforeAll(async () => {
  t = await createTestPlatform({ plugins: [opener] });
  issuance = (await t.platform.ledger.listAssets(db())).find((a) => a.code === 'POINT')?.issuanceAccountId as string;
});
afterAll(() => t.close());

const problemOf = (call: Promise<unknown>) =>
  call.then(
    () => null,
    (e: { status: number; problem: unknown }) => e,
  );

describe("an owner's accounts", () => {
  it('lists every account the person holds, with the plugin that opened it and its purpose', async () => {
    const person = await t.person({ verified: true });
    const res = await t.request('/v1/opener/wallet', { method: 'POST', auth: person.token });
    expect(res.status).toBe(200);
    const wallet = (await res.json()).id;
    const direct = await t.platform.ledger.createAccount(db(), {
      asset: 'CNY',
      owner: { type: 'person', id: person.id },
    });
    await t.platform.ledger.submit([
      { id: uuidv7(), debitAccountId: issuance, creditAccountId: wallet, amount: 42n, code: 1 },
    ]);

    const { items, nextCursor } = await t.client(person.token).ledger.accounts.list({});
    expect(nextCursor).toBeNull();
    expect(items).toEqual([
      expect.objectContaining({ id: wallet, asset: 'POINT', balance: '42', openedBy: 'opener', purpose: 'wallet' }),
      expect.objectContaining({ id: direct.id, asset: 'CNY', balance: '0', openedBy: null, purpose: null }),
    ]);
    expect(items.every((a) => a.owner.type === 'person' && a.owner.id === person.id)).toBe(true);
  });

  it('pages through them by id', async () => {
    const person = await t.person({ verified: true });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push(
        (await t.platform.ledger.createAccount(db(), { asset: 'POINT', owner: { type: 'person', id: person.id } })).id,
      );
    }
    const seen: string[] = [];
    for await (const account of t.client(person.token).ledger.accounts.list.all({ limit: 2 })) seen.push(account.id);
    expect(seen).toEqual([...ids].sort());
  });

  it("sums a sharded (issuance) account's shards, in the list and in its statement", async () => {
    const sink = await t.platform.ledger.createAccount(db(), { asset: 'POINT', owner: { type: 'platform', id: null } });
    const from = new Date();
    await new Promise((r) => setTimeout(r, 5));
    // One transaction each, so the mints land on different shards.
    for (let i = 0; i < 3; i++) {
      await t.platform.ledger.submit([
        { id: uuidv7(), debitAccountId: issuance, creditAccountId: sink.id, amount: 1n, code: 1 },
      ]);
    }
    const listed = [];
    for await (const a of t.client('admin').ledger.accounts.list.all({ ownerType: 'platform', limit: 200 })) {
      listed.push(a);
    }
    expect(listed.find((a) => a.id === issuance)).toEqual(
      await t.client('admin').ledger.accounts.get({ accountId: issuance }),
    );
    // Shards are not accounts of their own: one issuance account per asset.
    expect(listed.filter((a) => a.kind === 'issuance').length).toBe((await t.platform.ledger.listAssets(db())).length);

    const statement = await t
      .client('admin')
      .ledger.accounts.statement({ accountId: issuance, from: from.toISOString(), limit: 200 });
    expect(new Set(statement.items.map((e) => e.accountId)).size).toBeGreaterThan(1);
    expect(statement.items.map((e) => e.balanceDelta)).toEqual(['-1', '-1', '-1']);
    expect(BigInt(statement.closingBalance) - BigInt(statement.openingBalance)).toBe(-3n);
  });

  it.each([
    [{ ownerId: uuidv7() }, '/query/ownerType', 'ownerComplete'],
    [{ ownerType: 'person' }, '/query/ownerId', 'ownerComplete'],
    [{ ownerType: 'platform', ownerId: 'x' }, '/query/ownerId', 'mustBeAbsent'],
  ] as const)('refuses %j naming the field', async (query, path, rule) => {
    const refused = await problemOf(t.client('admin').ledger.accounts.list(query as never));
    expect(refused).toMatchObject({ status: 400, problem: { errors: [expect.objectContaining({ path, rule })] } });
  });

  it('refuses an unknown owner type and a malformed owner id by schema', async () => {
    for (const q of ['ownerType=bank&ownerId=x', 'ownerType=person&ownerId=Not%20an%20id', 'owner=me']) {
      const res = await t.request(`/v1/ledger/accounts?${q}`, { auth: 'admin' });
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

describe("an account's statement", () => {
  it('shows the opening balance, the period’s entries with their effect, and the closing balance', async () => {
    const person = await t.person({ verified: true });
    const account = await t.platform.ledger.createAccount(db(), {
      asset: 'POINT',
      owner: { type: 'person', id: person.id },
      flags: { debitsMustNotExceedCredits: true },
    });
    const sink = await t.platform.ledger.createAccount(db(), { asset: 'POINT', owner: { type: 'platform', id: null } });
    const move = (debitAccountId: string, creditAccountId: string, amount: bigint) =>
      t.platform.ledger.submit([{ id: uuidv7(), debitAccountId, creditAccountId, amount, code: 7 }]);
    await move(issuance, account.id, 100n);
    await new Promise((r) => setTimeout(r, 5));
    const from = new Date();
    await new Promise((r) => setTimeout(r, 5));
    await move(account.id, sink.id, 30n);
    await move(issuance, account.id, 5n);

    const statement = await t.client(person.token).ledger.accounts.statement({
      accountId: account.id,
      from: from.toISOString(),
    });
    expect(statement).toMatchObject({
      accountId: account.id,
      asset: 'POINT',
      openingBalance: '100',
      closingBalance: '75',
    });
    expect(statement.items.map((e) => [e.side, e.balanceDelta])).toEqual([
      ['debit', '-30'],
      ['credit', '5'],
    ]);
    expect(Date.parse(statement.to)).toBeGreaterThan(from.getTime());
    await assertLedgerInvariants(db());
  });

  it.each([
    ['to before from', { from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, 'afterFrom'],
    ['an empty period', { from: '2026-03-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }, 'afterFrom'],
    ['a period over 366 days', { from: '2024-01-01T00:00:00Z', to: '2025-01-02T00:00:01Z' }, 'maxPeriod'],
  ])('refuses %s with 400 naming /query/to', async (_name, period, rule) => {
    const refused = await problemOf(t.client('admin').ledger.accounts.statement({ accountId: issuance, ...period }));
    expect(refused).toMatchObject({
      status: 400,
      problem: { code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ path: '/query/to', rule })] },
    });
  });

  it.each([
    ['from', { from: '0000-06-01T00:00:00Z', to: '0000-07-01T00:00:00Z' }],
    ['to', { from: '9999-12-31T00:00:00Z', to: '9999-12-31T23:00:00-12:00' }],
  ])('refuses a %s PostgreSQL cannot store with 400, rule range', async (field, period) => {
    const refused = await problemOf(t.client('admin').ledger.accounts.statement({ accountId: issuance, ...period }));
    expect(refused).toMatchObject({
      status: 400,
      problem: { errors: [expect.objectContaining({ path: `/query/${field}`, rule: 'range' })] },
    });
  });

  it('accepts a period of exactly 366 days', async () => {
    const statement = await t
      .client('admin')
      .ledger.accounts.statement({ accountId: issuance, from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' });
    expect(statement).toMatchObject({ openingBalance: '0', closingBalance: '0', items: [] });
  });

  it('refuses a missing or malformed from, a tampered cursor and unknown parameters', async () => {
    for (const q of ['', 'from=yesterday', 'from=2026-01-01T00:00:00Z&cursor=abc', 'from=2026-01-01T00:00:00Z&x=1']) {
      const res = await t.request(`/v1/ledger/accounts/${issuance}/statement?${q}`, { auth: 'admin' });
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
