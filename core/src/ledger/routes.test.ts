import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../db/database.js';
import { hashApiKey } from '../identity/api-keys.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { assertLedgerInvariants, createTestPlatform, type TestPlatform } from '../testing/index.js';

let t: TestPlatform;
let issuance: string;
const STAFF_KEY = 'llk_test-ledger-staff-key-000000000000';

beforeAll(async () => {
  t = await createTestPlatform({ settings: { bodyLimitBytes: 8 * 1024 * 1024 } });
  const assets = await t.platform.ledger.listAssets(t.platform.database.db);
  issuance = assets.find((a) => a.code === 'CREDIT')?.issuanceAccountId as string;
  await t.platform.database.db.execute(sql`
    insert into core.api_keys (id, name, key_prefix, key_hash, role, scope_type)
    values (${uuidv7()}, 'staff', 'llk_test', ${hashApiKey(STAFF_KEY)}, 'institution-staff', 'platform')`);
});
afterAll(() => t.close());
afterEach(() => assertLedgerInvariants(t.platform.database.db));

async function post(path: string, json: unknown, auth = 'admin') {
  return t.request(path, { method: 'POST', json, auth });
}

// Response bodies are asserted field by field.
const body = async (res: Response): Promise<any> => res.json();

async function createAccount(body: Record<string, unknown> = { asset: 'CREDIT' }) {
  const res = await post('/v1/ledger/accounts', body);
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string };
}

const transfer = (debitAccountId: string, creditAccountId: string, amount: string, extra = {}) => ({
  id: uuidv7(),
  debitAccountId,
  creditAccountId,
  amount,
  code: 1,
  ...extra,
});

describe('ledger HTTP API', () => {
  it('creates an account with zero totals as strings', async () => {
    const { learner } = await t.principals();
    const res = await post('/v1/ledger/accounts', {
      asset: 'CREDIT',
      owner: { type: 'person', id: learner.id },
      flags: { debitsMustNotExceedCredits: true },
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({
      asset: 'CREDIT',
      owner: { type: 'person', id: learner.id },
      flags: { debitsMustNotExceedCredits: true, creditsMustNotExceedDebits: false, closed: false },
      debitsPosted: '0',
      creditsPosted: '0',
      debitsPending: '0',
      creditsPending: '0',
    });
  });

  it('creates the platform’s own account when no owner is given', async () => {
    const res = await post('/v1/ledger/accounts', { asset: 'POINT' });
    expect(await res.json()).toMatchObject({ owner: { type: 'platform', id: null } });
  });

  it('refuses an unknown asset and contradictory flags with 400', async () => {
    const unknown = await post('/v1/ledger/accounts', { asset: 'GOLD' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: 'LEDGER_ASSET_NOT_FOUND' });
    const both = await post('/v1/ledger/accounts', {
      asset: 'CREDIT',
      flags: { debitsMustNotExceedCredits: true, creditsMustNotExceedDebits: true },
    });
    expect(both.status).toBe(400);
    const ownerless = await post('/v1/ledger/accounts', { asset: 'CREDIT', owner: { type: 'person' } });
    expect(ownerless.status).toBe(400);
  });

  it('mints, transfers, and reports per-transfer results, replays and conflicts', async () => {
    const a = await createAccount({ asset: 'CREDIT', flags: { debitsMustNotExceedCredits: true } });
    const b = await createAccount();
    const mint = transfer(issuance, a.id, '100');
    const move = transfer(a.id, b.id, '30', { metadata: { course: 'c-1' } });
    const res = await post('/v1/ledger/transfers', { transfers: [mint, move] });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      results: [
        { id: mint.id, status: 'created' },
        { id: move.id, status: 'created' },
      ],
    });
    const replay = await post('/v1/ledger/transfers', { transfers: [move, { ...mint, amount: '101' }] });
    expect((await body(replay)).results.map((r: { status: string }) => r.status)).toEqual([
      'exists',
      'existsWithDifferentFields',
    ]);
    const account = await (await t.request(`/v1/ledger/accounts/${a.id}`, { auth: 'admin' })).json();
    expect(account).toMatchObject({ creditsPosted: '100', debitsPosted: '30', balance: '70' });
    const overdraw = await post('/v1/ledger/transfers', { transfers: [transfer(a.id, b.id, '71')] });
    expect((await body(overdraw)).results[0].status).toBe('exceedsCredits');
  });

  it('reads a transfer, and 404s an unknown one', async () => {
    const a = await createAccount();
    const pending = transfer(issuance, a.id, '5', { flags: { pending: true }, timeoutSeconds: 60 });
    await post('/v1/ledger/transfers', { transfers: [pending] });
    const res = await t.request(`/v1/ledger/transfers/${pending.id}`, { auth: 'admin' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: pending.id,
      amount: '5',
      asset: 'CREDIT',
      kind: 'pending',
      pendingState: 'pending',
      timeoutSeconds: 60,
    });
    expect((await t.request(`/v1/ledger/transfers/${uuidv7()}`, { auth: 'admin' })).status).toBe(404);
  });

  it('pages through entries with a cursor', async () => {
    const a = await createAccount();
    const transfers = Array.from({ length: 5 }, () => transfer(issuance, a.id, '1'));
    await post('/v1/ledger/transfers', { transfers });
    const versions: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page = await body(await t.request(`/v1/ledger/accounts/${a.id}/entries${query}`, { auth: 'admin' }));
      expect(page.items.length).toBeLessThanOrEqual(2);
      versions.push(...page.items.map((e: { version: number }) => e.version));
      cursor = page.nextCursor;
    } while (cursor);
    expect(versions).toEqual([1, 2, 3, 4, 5]);
    const bad = await t.request(`/v1/ledger/accounts/${a.id}/entries?cursor=garbage`, { auth: 'admin' });
    expect(bad.status).toBe(400);
  });

  it("pages through a sharded (issuance) account's entries across its shards, each entry once, in order", async () => {
    const a = await createAccount();
    // One transaction per request, and each transaction takes the next shard.
    for (let i = 0; i < 12; i++) {
      expect((await post('/v1/ledger/transfers', { transfers: [transfer(issuance, a.id, '1')] })).status).toBe(200);
    }
    const expected = resultRows<{ account_id: string; version: string }>(
      await t.platform.database.db.execute(sql`
        select e.account_id, e.version::text as version from core.ledger_entries e
        join core.ledger_accounts r on r.id = e.account_id
        where r.id = ${issuance} or r.shard_of = ${issuance}
        order by e.account_id, e.version`),
    ).map((r) => `${r.account_id}/${r.version}`);
    expect(new Set(expected.map((e) => e.split('/')[0])).size).toBeGreaterThan(2);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `?limit=5&cursor=${cursor}` : '?limit=5';
      const res = await t.request(`/v1/ledger/accounts/${issuance}/entries${query}`, { auth: 'admin' });
      expect(res.status).toBe(200);
      const page = await body(res);
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((e: { accountId: string; version: number }) => `${e.accountId}/${e.version}`));
      cursor = page.nextCursor;
    } while (cursor && seen.length <= expected.length);
    expect(seen).toEqual(expected);
    expect(cursor).toBeNull();
  });

  it('rejects malformed amounts and oversize batches with 400 and commits nothing of them', async () => {
    const a = await createAccount();
    const good = transfer(issuance, a.id, '1');
    for (const amount of ['-5', '1.5', 'abc', '99999999999999999999']) {
      const res = await post('/v1/ledger/transfers', { transfers: [good, transfer(issuance, a.id, amount)] });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
    const oversize = Array.from({ length: 8191 }, () => transfer(issuance, a.id, '1'));
    expect((await post('/v1/ledger/transfers', { transfers: oversize })).status).toBe(400);
    expect((await post('/v1/ledger/transfers', { transfers: [] })).status).toBe(400);
    expect((await t.request(`/v1/ledger/transfers/${good.id}`, { auth: 'admin' })).status).toBe(404);
    const tooLarge = await post('/v1/ledger/transfers', {
      transfers: [transfer(issuance, a.id, '9223372036854775808')],
    });
    expect((await body(tooLarge)).results[0].status).toBe('amountTooLarge');
  });

  it('answers 401 to anonymous reads and 403 to callers without the transfer permission', async () => {
    const a = await createAccount();
    expect((await t.request(`/v1/ledger/accounts/${a.id}`)).status).toBe(401);
    const res = await post('/v1/ledger/transfers', { transfers: [transfer(issuance, a.id, '1')] }, STAFF_KEY);
    expect(res.status).toBe(403);
  });

  it("hides other owners' accounts from a caller without read permission", async () => {
    const { learner } = await t.principals();
    const a = await createAccount({ asset: 'CREDIT', owner: { type: 'person', id: learner.id } });
    const res = await t.request(`/v1/ledger/accounts/${a.id}`, { auth: STAFF_KEY });
    expect(res.status).toBe(404);
  });
});

describe('closing accounts', () => {
  it('refuses later transfers with accountClosed, keeps the balance readable, and is audited once', async () => {
    const a = await createAccount({ asset: 'CREDIT', flags: { debitsMustNotExceedCredits: true } });
    const b = await createAccount();
    await post('/v1/ledger/transfers', { transfers: [transfer(issuance, a.id, '40')] });
    const res = await post(`/v1/ledger/accounts/${a.id}/close`, undefined);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ flags: { closed: true }, balance: '40' });
    const after = await post('/v1/ledger/transfers', {
      transfers: [transfer(a.id, b.id, '1'), transfer(issuance, a.id, '1')],
    });
    expect((await body(after)).results.map((r: { status: string }) => r.status)).toEqual([
      'accountClosed',
      'accountClosed',
    ]);
    expect(await (await t.request(`/v1/ledger/accounts/${a.id}`, { auth: 'admin' })).json()).toMatchObject({
      balance: '40',
      flags: { closed: true },
    });
    expect((await post(`/v1/ledger/accounts/${a.id}/close`, undefined)).status).toBe(200);
    const audit = await t.platform.database.db.execute(
      sql`select count(*)::int as n from core.audit_log where action = 'ledger.account.closed' and subject_id = ${a.id}`,
    );
    expect(resultRows<{ n: number }>(audit)[0]?.n).toBe(1);
  });

  it('refuses to close an account with pending amounts (409) and changes nothing', async () => {
    const a = await createAccount();
    const hold = transfer(issuance, a.id, '5', { flags: { pending: true } });
    await post('/v1/ledger/transfers', { transfers: [hold] });
    const res = await post(`/v1/ledger/accounts/${a.id}/close`, undefined);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'LEDGER_ACCOUNT_HAS_PENDING', pending: '5' });
    const voided = await post('/v1/ledger/transfers', {
      transfers: [{ id: uuidv7(), pendingId: hold.id, code: 1, flags: { voidPending: true } }],
    });
    expect((await body(voided)).results[0].status).toBe('created');
    expect((await post(`/v1/ledger/accounts/${a.id}/close`, undefined)).status).toBe(200);
  });

  it('is for holders of ledger.accounts.close only, and 404s unknown accounts', async () => {
    const { learner, institution } = await t.principals();
    const a = await createAccount();
    expect((await t.request(`/v1/ledger/accounts/${a.id}/close`, { method: 'POST' })).status).toBe(401);
    expect((await post(`/v1/ledger/accounts/${a.id}/close`, undefined, learner.token)).status).toBe(403);
    expect((await post(`/v1/ledger/accounts/${a.id}/close`, undefined, institution.key)).status).toBe(403);
    const unknown = await post(`/v1/ledger/accounts/${uuidv7()}/close`, undefined);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('who may see whose accounts', () => {
  const account = async (owner: { type: string; id: string }, asset = 'POINT') =>
    (await createAccount({ asset, owner })).id;
  const status = async (id: string, auth: string) => (await t.request(`/v1/ledger/accounts/${id}`, { auth })).status;

  it("shows a person their own accounts and a guardian their minor's, and nobody else", async () => {
    const p = await t.principals();
    const own = await account({ type: 'person', id: p.learner.id });
    const minors = await account({ type: 'person', id: p.minor.id });
    expect(await status(own, p.learner.token)).toBe(200);
    expect(await status(own, p.otherLearner.token)).toBe(404);
    expect(await status(minors, p.guardian.token)).toBe(200);
    expect(await status(minors, p.minor.token)).toBe(200);
    expect(await status(minors, p.learner.token)).toBe(404);
  });

  it("shows a region admin the accounts of their region's people, not another region admin", async () => {
    const p = await t.principals();
    const own = await account({ type: 'person', id: p.learner.id });
    expect(await status(own, p.regionAdmin.token)).toBe(200);
    expect(await status(own, p.otherRegionAdmin.token)).toBe(404);
    const region = await account({ type: 'region', id: 'default' });
    expect(await status(region, p.regionAdmin.token)).toBe(200);
    expect(await status(region, p.otherRegionAdmin.token)).toBe(404);
  });

  it("shows an institution's key its institution's accounts", async () => {
    const p = await t.principals();
    const own = await account({ type: 'institution', id: p.institution.id });
    expect(await status(own, p.institution.key)).toBe(200);
    const theirs = await account({ type: 'person', id: p.learner.id });
    expect(await status(theirs, p.institution.key)).toBe(404);
  });

  it('refuses accounts for owners that do not exist, and CREDIT accounts for unverified people', async () => {
    const unverified = await t.person();
    const cases = [
      [{ type: 'person', id: uuidv7() }, 'CREDIT', 'ownerExists'],
      [{ type: 'person', id: 'not-a-uuid' }, 'POINT', 'ownerExists'],
      [{ type: 'region', id: 'atlantis' }, 'POINT', 'ownerExists'],
      [{ type: 'person', id: unverified.id }, 'CREDIT', 'verifiedPerson'],
    ] as const;
    for (const [owner, asset, rule] of cases) {
      const res = await post('/v1/ledger/accounts', { asset, owner });
      expect(res.status, JSON.stringify(owner)).toBe(400);
      expect((await res.json()).errors[0]).toMatchObject({ path: '/body/owner/id', rule });
    }
    expect(
      (await post('/v1/ledger/accounts', { asset: 'POINT', owner: { type: 'person', id: unverified.id } })).status,
    ).toBe(201);
  });

  it('lets an accredited institution mint credits, and a pending one not', async () => {
    const p = await t.principals();
    const target = await account({ type: 'person', id: p.learner.id }, 'CREDIT');
    const minted = await post(
      '/v1/ledger/transfers',
      { transfers: [transfer(issuance, target, '10')] },
      p.institution.key,
    );
    expect(minted.status).toBe(200);
    expect((await minted.json()).results[0].status).toBe('created');

    const pending = await (
      await post('/v1/institutions', { name: 'New College', kind: 'school', regionId: 'default' })
    ).json();
    const key = (await (await post('/v1/api-keys', { name: 'k', role: 'issuer', institutionId: pending.id })).json())
      .key;
    expect((await post('/v1/ledger/transfers', { transfers: [transfer(issuance, target, '10')] }, key)).status).toBe(
      403,
    );

    // API keys are cached for a few seconds; a change of accreditation must apply at once.
    const accredit = (status: string) =>
      t.request(`/v1/institutions/${pending.id}/accreditation`, { method: 'PUT', auth: 'admin', json: { status } });
    expect((await accredit('accredited')).status).toBe(200);
    expect((await post('/v1/ledger/transfers', { transfers: [transfer(issuance, target, '10')] }, key)).status).toBe(
      200,
    );
    expect((await accredit('suspended')).status).toBe(200);
    expect((await post('/v1/ledger/transfers', { transfers: [transfer(issuance, target, '10')] }, key)).status).toBe(
      403,
    );
  });
});

describe('ledger events', () => {
  it('writes one ledger.transfers.posted event per committed batch, in the same transaction', async () => {
    const { learner } = await t.principals();
    const target = (await createAccount({ asset: 'CREDIT', owner: { type: 'person', id: learner.id } })).id;
    const batch = [transfer(issuance, target, '3'), transfer(issuance, target, '4')];
    expect((await post('/v1/ledger/transfers', { transfers: batch })).status).toBe(200);
    const rows = await t.platform.database.db.execute(
      sql`select payload from core.events where name = 'ledger.transfers.posted' and payload @> ${JSON.stringify({ transfers: [{ id: batch[0]?.id }] })}::jsonb`,
    );
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as {
      payload: { transfers: { id: string; amount: string }[] };
    }[];
    expect(list).toHaveLength(1);
    expect(list[0]?.payload.transfers.map((x) => [x.id, x.amount])).toEqual([
      [batch[0]?.id, '3'],
      [batch[1]?.id, '4'],
    ]);
  });
});
