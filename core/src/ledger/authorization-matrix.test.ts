// The ledger's authorization matrix (issue: "Core trust"): every ledger route and a plugin's
// `ctx.ledger.transfer`, × the kinds of caller. Each refusal is proven to change nothing: the
// balances of every account of the fixture are the same after it, and no transfer row exists.
import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids/uuidv7.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { assertLedgerInvariants, createTestPlatform, type TestPlatform } from '../testing/index.js';
import { ledgerTransfers } from './schema.js';
import { type Accreditation, asAdmin, issuingInstitution, okBody } from './testing/callers.js';
import type { TransferInput } from './types.js';

/** A plugin route that posts whatever transfers it is given, through its own `ctx.ledger`. */
function mover(id: string, mints: string[]) {
  const TransferJson = Type.Object({
    id: Type.String(),
    debitAccountId: Type.Optional(Type.String()),
    creditAccountId: Type.Optional(Type.String()),
    amount: Type.Optional(Type.String()),
    pendingId: Type.Optional(Type.String()),
    flags: Type.Optional(Type.Record(Type.String(), Type.Boolean())),
  });
  return definePlugin({
    id,
    version: '1.0.0',
    mints,
    register(p) {
      p.route({
        method: 'post',
        path: '/move',
        summary: 'Posts the given transfers through ctx.ledger',
        access: { authenticated: 'anyone signed in (the test asks the ledger policy)' },
        request: { body: Type.Object({ transfers: Type.Array(TransferJson) }) },
        responses: { 200: { description: 'Results', schema: Type.Any() } },
        handler: async ({ body }, ctx) => {
          const transfers = body.transfers.map((t) => ({
            ...t,
            code: 1,
            amount: t.amount === undefined ? undefined : BigInt(t.amount),
          }));
          return { status: 200, body: { results: await ctx.ledger.transfer(transfers) } };
        },
      });
      p.route({
        method: 'post',
        path: '/open',
        summary: "Opens one of this plugin's own accounts",
        access: { authenticated: 'test' },
        responses: { 200: { description: 'The account id', schema: Type.Any() } },
        handler: async (_input, ctx) => {
          const account = await ctx.ledger.createAccount({
            asset: 'POINT',
            owner: { type: 'plugin', id },
            flags: { debitsMustNotExceedCredits: true },
          });
          return { status: 200, body: { id: account.id } };
        },
      });
    },
  });
}

const CALLERS = [
  'anonymous',
  'owner',
  'otherLearner',
  'guardian',
  'groupManager',
  'groupMember',
  'accreditedKey',
  'accreditedStaff',
  'pendingKey',
  'pendingStaff',
  'suspendedKey',
  'suspendedStaff',
  'regionKey',
  'regionAdmin',
  'otherRegionAdmin',
  'platformAdmin',
] as const;
type Caller = (typeof CALLERS)[number];
const AUTHENTICATED = CALLERS.filter((c) => c !== 'anonymous');

let t: TestPlatform;
let accreditedId: string;
const auth = {} as Record<Caller, string | undefined>;
const acc = {} as Record<
  | 'learner'
  | 'minor'
  | 'group'
  | 'institution'
  | 'region'
  | 'conversion'
  | 'platform'
  | 'alpha'
  | 'beta'
  | 'sink'
  | 'issuance',
  string
>;

const db = () => t.platform.database.db;

const ok = okBody;
const admin = (path: string, json: unknown, method = 'POST') => asAdmin(t, path, json, method);
const institution = (status: Accreditation) => issuingInstitution(t, status);

const open = async (owner: { type: string; id?: string | null }, bounded = true) =>
  (
    await t.platform.ledger.createAccount(db(), {
      asset: 'POINT',
      owner: owner as never,
      flags: { debitsMustNotExceedCredits: bounded },
    })
  ).id;

const fund = (accountId: string, amount = 1000n) =>
  t.platform.ledger.submit([
    { id: uuidv7(), debitAccountId: acc.issuance, creditAccountId: accountId, amount, code: 1 },
  ]);

beforeAll(async () => {
  t = await createTestPlatform({ plugins: [mover('alpha', ['POINT']), mover('beta', [])] });
  const p = await t.principals();
  const manager = await t.person({ verified: true });
  const member = await t.person({ verified: true });
  const group = await ok(
    await t.request('/v1/groups', {
      method: 'POST',
      json: { type: 'collective', name: 'Savers' },
      auth: manager.token,
    }),
    'group',
  );
  const invitation = await ok(
    await t.request(`/v1/groups/${group.id}/invitations`, {
      method: 'POST',
      json: { learnerNumber: member.learnerNumber, role: 'member' },
      auth: manager.token,
    }),
    'invitation',
  );
  await ok(
    await t.request(`/v1/invitations/${invitation.id}/accept`, { method: 'POST', auth: member.token }),
    'accept',
  );
  const accredited = await institution('accredited');
  accreditedId = accredited.id;
  const pending = await institution('pending');
  const suspended = await institution('suspended');
  const regionKey = await admin('/v1/api-keys', { name: 'region issuer', role: 'issuer', regionId: 'default' });
  Object.assign(auth, {
    anonymous: undefined,
    owner: p.learner.token,
    otherLearner: p.otherLearner.token,
    guardian: p.guardian.token,
    groupManager: manager.token,
    groupMember: member.token,
    accreditedKey: accredited.key,
    accreditedStaff: accredited.staff,
    pendingKey: pending.key,
    pendingStaff: pending.staff,
    suspendedKey: suspended.key,
    suspendedStaff: suspended.staff,
    regionKey: regionKey.key,
    regionAdmin: p.regionAdmin.token,
    otherRegionAdmin: p.otherRegionAdmin.token,
    platformAdmin: 'admin',
  } satisfies Record<Caller, string | undefined>);

  acc.issuance = (await t.platform.ledger.listAssets(db())).find((a) => a.code === 'POINT')
    ?.issuanceAccountId as string;
  acc.learner = await open({ type: 'person', id: p.learner.id });
  acc.minor = await open({ type: 'person', id: p.minor.id });
  acc.group = await open({ type: 'group', id: group.id });
  acc.institution = await open({ type: 'institution', id: accredited.id });
  acc.region = await open({ type: 'region', id: 'default' });
  acc.conversion = await open({ type: 'region', id: 'default' }, false);
  acc.platform = await open({ type: 'platform' });
  acc.sink = await open({ type: 'platform' });
  acc.alpha = (await ok(await t.request('/v1/alpha/open', { method: 'POST', auth: 'admin' }), 'alpha')).id;
  acc.beta = (await ok(await t.request('/v1/beta/open', { method: 'POST', auth: 'admin' }), 'beta')).id;
  for (const id of [
    acc.learner,
    acc.minor,
    acc.group,
    acc.institution,
    acc.region,
    acc.platform,
    acc.alpha,
    acc.beta,
  ]) {
    await fund(id);
  }
});
afterAll(() => t.close());
afterEach(() => assertLedgerInvariants(db()));

async function balances(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, id] of Object.entries(acc)) {
    const a = await t.platform.ledger.getAccount(db(), id);
    out[name] = `${a?.debitsPending}/${a?.debitsPosted}/${a?.creditsPending}/${a?.creditsPosted}`;
  }
  return out;
}

/** A pending transfer of 1 out of the minor's account, reserved by the system. */
async function minorHold(): Promise<string> {
  const id = uuidv7();
  const [r] = await t.platform.ledger.submit([
    { id, debitAccountId: acc.minor, creditAccountId: acc.sink, amount: 1n, code: 1, flags: { pending: true } },
  ]);
  expect(r?.status).toBe('created');
  return id;
}

type Via = 'ledger' | 'alpha' | 'beta';
interface Action {
  via: Via;
  /** The callers that may; every other authenticated caller is refused with 403, anonymous with 401. */
  allowed: readonly Caller[];
  transfer: () => Promise<Omit<TransferInput, 'amount' | 'code'>>;
  /** What the engine answers once the policy lets the transfer through (default `created`). */
  result?: 'accountNotFound';
}

const move =
  (debit: keyof typeof acc, credit: keyof typeof acc = 'sink') =>
  async () => ({
    id: uuidv7(),
    debitAccountId: acc[debit],
    creditAccountId: acc[credit],
  });

const ACTIONS: Record<string, Action> = {
  // Over HTTP (`POST /v1/ledger/transfers`, which needs ledger.transfers.create to be called at all).
  'HTTP: mint POINT to a learner': {
    via: 'ledger',
    allowed: ['accreditedKey', 'accreditedStaff', 'platformAdmin'],
    transfer: move('issuance', 'learner'),
  },
  "HTTP: debit a learner's account": { via: 'ledger', allowed: [], transfer: move('learner') },
  "HTTP: debit a minor's account": { via: 'ledger', allowed: [], transfer: move('minor') },
  "HTTP: debit a group's account": { via: 'ledger', allowed: [], transfer: move('group') },
  "HTTP: debit the accredited institution's account": {
    via: 'ledger',
    allowed: ['accreditedKey', 'accreditedStaff'],
    transfer: move('institution'),
  },
  "HTTP: debit the region's bounded account": {
    via: 'ledger',
    allowed: ['regionKey', 'platformAdmin'],
    transfer: move('region'),
  },
  "HTTP: debit the region's conversion account (may go negative)": {
    via: 'ledger',
    allowed: ['platformAdmin'],
    transfer: move('conversion'),
  },
  "HTTP: debit a platform's account": { via: 'ledger', allowed: ['platformAdmin'], transfer: move('platform') },
  "HTTP: debit a plugin's account": { via: 'ledger', allowed: [], transfer: move('alpha') },
  'HTTP: debit an account that does not exist': {
    via: 'ledger',
    allowed: ['platformAdmin'],
    transfer: async () => ({ id: uuidv7(), debitAccountId: uuidv7(), creditAccountId: acc.sink }),
    result: 'accountNotFound',
  },
  "HTTP: void a hold on a minor's account": {
    via: 'ledger',
    allowed: [],
    transfer: async () => ({ id: uuidv7(), pendingId: await minorHold(), flags: { voidPending: true } }),
  },
  // Through a plugin's route: the plugin acts for the caller.
  "plugin: debit the plugin's own account": { via: 'alpha', allowed: AUTHENTICATED, transfer: move('alpha') },
  "plugin: debit another plugin's account": { via: 'alpha', allowed: [], transfer: move('beta') },
  'plugin: mint an asset it declares': { via: 'alpha', allowed: AUTHENTICATED, transfer: move('issuance', 'learner') },
  'plugin: mint an asset it does not declare': { via: 'beta', allowed: [], transfer: move('issuance', 'learner') },
  "plugin: debit a learner's account": { via: 'alpha', allowed: ['owner'], transfer: move('learner') },
  "plugin: debit a minor's account": { via: 'alpha', allowed: [], transfer: move('minor') },
  "plugin: debit a group's account": { via: 'alpha', allowed: ['groupManager'], transfer: move('group') },
  "plugin: debit an institution's account": {
    via: 'alpha',
    allowed: ['accreditedKey', 'accreditedStaff'],
    transfer: move('institution'),
  },
  "plugin: debit a region's conversion account of an asset it mints": {
    via: 'alpha',
    allowed: AUTHENTICATED,
    transfer: move('conversion'),
  },
  "plugin: debit a region's conversion account of an asset it does not mint": {
    via: 'beta',
    allowed: [],
    transfer: move('conversion'),
  },
  "plugin: debit a platform's bounded account": {
    via: 'alpha',
    allowed: ['platformAdmin'],
    transfer: move('platform'),
  },
  "plugin: void a hold on a minor's account": {
    via: 'alpha',
    allowed: ['guardian'],
    transfer: async () => ({ id: uuidv7(), pendingId: await minorHold(), flags: { voidPending: true } }),
  },
  "plugin: post a hold on a minor's account": {
    via: 'alpha',
    allowed: [],
    transfer: async () => ({ id: uuidv7(), pendingId: await minorHold(), flags: { postPending: true } }),
  },
};

const path = (via: Via) => (via === 'ledger' ? '/v1/ledger/transfers' : `/v1/${via}/move`);

describe.each(Object.entries(ACTIONS))('%s', (_name, action) => {
  it.each(CALLERS)('%s', async (caller) => {
    const transfer = { ...(await action.transfer()), amount: '1', code: 1 };
    const before = await balances();
    const res = await t.request(path(action.via), {
      method: 'POST',
      json: { transfers: [action.via === 'ledger' ? transfer : { ...transfer, code: undefined }] },
      ...(auth[caller] ? { auth: auth[caller] } : {}),
    });
    const body = await res.json();
    if (action.allowed.includes(caller)) {
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(body.results[0].status).toBe(action.result ?? 'created');
      return;
    }
    expect(res.status, JSON.stringify(body)).toBe(caller === 'anonymous' ? 401 : 403);
    expect(await balances()).toEqual(before);
    const rows = await db().select().from(ledgerTransfers).where(eq(ledgerTransfers.id, transfer.id));
    expect(rows).toEqual([]);
  });
});

describe('who may open an account over HTTP', () => {
  interface Opening {
    body: () => Promise<Record<string, unknown>>;
    allowed: readonly Caller[];
  }
  const p = () => t.principals();
  const OPENINGS: Record<string, Opening> = {
    'for the accredited institution': {
      body: async () => ({ asset: 'POINT', owner: { type: 'institution', id: accreditedId } }),
      allowed: ['accreditedKey', 'accreditedStaff', 'platformAdmin'],
    },
    'for another institution': {
      body: async () => ({ asset: 'POINT', owner: { type: 'institution', id: (await p()).institution.id } }),
      allowed: ['platformAdmin'],
    },
    'for a learner': {
      body: async () => ({ asset: 'POINT', owner: { type: 'person', id: (await p()).learner.id } }),
      allowed: ['platformAdmin'],
    },
    'for the region': {
      body: async () => ({ asset: 'POINT', owner: { type: 'region', id: 'default' } }),
      allowed: ['regionKey', 'platformAdmin'],
    },
    'for another region': {
      body: async () => ({ asset: 'POINT', owner: { type: 'region', id: 'elsewhere' } }),
      allowed: ['platformAdmin'],
    },
    'for the platform': { body: async () => ({ asset: 'POINT' }), allowed: ['platformAdmin'] },
    'for a plugin': { body: async () => ({ asset: 'POINT', owner: { type: 'plugin', id: 'alpha' } }), allowed: [] },
    'that may go negative, for the region': {
      body: async () => ({
        asset: 'POINT',
        owner: { type: 'region', id: 'default' },
        flags: { debitsMustNotExceedCredits: false },
      }),
      allowed: ['platformAdmin'],
    },
  };
  describe.each(Object.entries(OPENINGS))('%s', (_name, opening) => {
    it.each(CALLERS)('%s', async (caller) => {
      const res = await t.request('/v1/ledger/accounts', {
        method: 'POST',
        json: await opening.body(),
        ...(auth[caller] ? { auth: auth[caller] } : {}),
      });
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(
        opening.allowed.includes(caller) ? 201 : caller === 'anonymous' ? 401 : 403,
      );
    });
  });

  it("opens an institution's bounded account for its own key, whatever flags are omitted", async () => {
    const res = await t.request('/v1/ledger/accounts', {
      method: 'POST',
      json: { asset: 'POINT', owner: { type: 'institution', id: (await p()).institution.id } },
      auth: (await p()).institution.key,
    });
    expect(res.status).toBe(201);
    expect((await res.json()).flags.debitsMustNotExceedCredits).toBe(true);
  });
});

describe('transfers record their actor', () => {
  it('shows who posted a transfer, and through which plugin', async () => {
    const { learner } = await t.principals();
    const direct = { id: uuidv7(), debitAccountId: acc.platform, creditAccountId: acc.sink, amount: '1', code: 1 };
    const res = await t.request('/v1/ledger/transfers', {
      method: 'POST',
      json: { transfers: [direct] },
      auth: 'admin',
    });
    expect(res.status).toBe(200);
    const viaPlugin = { id: uuidv7(), debitAccountId: acc.learner, creditAccountId: acc.sink, amount: '1' };
    const moved = await t.request('/v1/alpha/move', {
      method: 'POST',
      json: { transfers: [viaPlugin] },
      auth: learner.token,
    });
    expect(moved.status).toBe(200);

    const shown = await (await t.request(`/v1/ledger/transfers/${direct.id}`, { auth: 'admin' })).json();
    expect(shown.actor).toMatchObject({ type: 'apiKey', plugin: null });
    expect(shown.actor.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(shown.actor.requestId).toEqual(expect.any(String));
    const mine = await (await t.request(`/v1/ledger/transfers/${viaPlugin.id}`, { auth: learner.token })).json();
    expect(mine.actor).toMatchObject({ type: 'person', id: learner.id, plugin: 'alpha' });
    const system = (await fund(acc.sink, 1n))[0];
    const fromSystem = await (await t.request(`/v1/ledger/transfers/${system?.id}`, { auth: 'admin' })).json();
    expect(fromSystem.actor).toEqual({ type: 'system', id: null, plugin: null, requestId: null });
  });
});

describe('who may read an account, its entries and its transfers', () => {
  // Readers per account (docs/ledger.md, "Who may read"); everyone else gets 404, anonymous 401.
  const READERS: Record<string, readonly Caller[]> = {
    learner: ['owner', 'regionAdmin', 'platformAdmin'],
    minor: ['guardian', 'regionAdmin', 'platformAdmin'],
    group: ['groupManager', 'groupMember', 'regionAdmin', 'platformAdmin'],
    institution: ['accreditedKey', 'regionAdmin', 'platformAdmin'],
    region: ['regionAdmin', 'platformAdmin'],
    platform: ['platformAdmin'],
    alpha: ['platformAdmin'],
  };
  const transferOf: Record<string, string> = {};
  beforeAll(async () => {
    // One transfer out of each account (by the system) whose only readable side is that account.
    for (const name of Object.keys(READERS)) {
      const sink = await open({ type: 'plugin', id: 'nobody' });
      const id = uuidv7();
      const [r] = await t.platform.ledger.submit([
        { id, debitAccountId: acc[name as keyof typeof acc], creditAccountId: sink, amount: 1n, code: 1 },
      ]);
      expect(r?.status).toBe('created');
      transferOf[name] = id;
    }
  });
  const expected = (readers: readonly Caller[], caller: Caller) =>
    caller === 'anonymous' ? 401 : readers.includes(caller) ? 200 : 404;

  describe.each(Object.entries(READERS))("%s's account", (name, readers) => {
    it.each(CALLERS)('%s', async (caller) => {
      const as = auth[caller] ? { auth: auth[caller] } : {};
      const id = acc[name as keyof typeof acc];
      const account = await t.request(`/v1/ledger/accounts/${id}`, as);
      const entries = await t.request(`/v1/ledger/accounts/${id}/entries`, as);
      const transfer = await t.request(`/v1/ledger/transfers/${transferOf[name]}`, as);
      expect([account.status, entries.status, transfer.status]).toEqual(Array(3).fill(expected(readers, caller)));
    });
  });

  it.each(CALLERS)('an unknown account is not found for %s', async (caller) => {
    const res = await t.request(`/v1/ledger/accounts/${uuidv7()}`, auth[caller] ? { auth: auth[caller] } : {});
    expect(res.status).toBe(caller === 'anonymous' ? 401 : 404);
  });

  it.each(CALLERS)('closing an account: %s', async (caller) => {
    const id = await open({ type: 'platform' });
    const res = await t.request(`/v1/ledger/accounts/${id}/close`, {
      method: 'POST',
      ...(auth[caller] ? { auth: auth[caller] } : {}),
    });
    expect(res.status).toBe(caller === 'platformAdmin' ? 200 : caller === 'anonymous' ? 401 : 403);
    expect((await t.platform.ledger.getAccount(db(), id))?.flags.closed).toBe(caller === 'platformAdmin');
  });
});

describe('the asset list', () => {
  it.each(CALLERS)('shows every asset with its issuance account to %s when signed in', async (caller) => {
    const res = await t.request('/v1/ledger/assets', auth[caller] ? { auth: auth[caller] } : {});
    if (caller === 'anonymous') return expect(res.status).toBe(401);
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items).toContainEqual({ code: 'POINT', scale: 0, issuanceAccountId: acc.issuance });
    expect(items.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['CNY', 'CREDIT', 'POINT']));
  });
});
