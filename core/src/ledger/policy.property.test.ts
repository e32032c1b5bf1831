// The ledger policy against a model: random batches from random actors, sent to the real ledger
// (real identity, real database) and to a table written out by hand — who may debit which
// account — with balances kept by the model. Both must agree on every refusal, every result and
// every balance.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthenticatedPrincipal, RoleGrant } from '../identity/principal.js';
import { ROLE_PERMISSIONS, type Role } from '../identity/roles.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { assertLedgerInvariants, createTestPlatform, type TestPlatform } from '../testing/index.js';
import type { LedgerActor } from './actor.js';
import { LedgerTransferForbidden } from './errors.js';
import type { TransferInput } from './types.js';

const ACCOUNTS = [
  'wallet',
  'otherWallet',
  'minorWallet',
  'pool',
  'school',
  'region',
  'conversion',
  'platform',
  'alpha',
  'beta',
  'mint',
] as const;
type AccountName = (typeof ACCOUNTS)[number];

const ACTORS = [
  'system',
  'learner',
  'otherLearner',
  'guardian',
  'manager',
  'member',
  'schoolKey',
  'schoolStaff',
  'pendingKey',
  'regionKey',
  'platformAdmin',
  'alpha',
  'alphaForLearner',
  'alphaForManager',
  'beta',
] as const;
type ActorName = (typeof ACTORS)[number];

// The model: for each account, the actors that may debit it. Written as a table, not as rules,
// so that it is an independent statement of docs/ledger.md ("Who may move credits").
const MAY_DEBIT: Record<AccountName, readonly ActorName[]> = {
  wallet: ['system', 'learner', 'alphaForLearner'],
  otherWallet: ['system', 'otherLearner'],
  minorWallet: ['system'],
  pool: ['system', 'manager', 'alphaForManager'],
  school: ['system', 'schoolKey', 'schoolStaff'],
  region: ['system', 'regionKey', 'platformAdmin'],
  // A conversion account creates units like the mint: only for plugins that mint POINT.
  conversion: ['system', 'platformAdmin', 'alpha', 'alphaForLearner', 'alphaForManager'],
  platform: ['system', 'platformAdmin'],
  alpha: ['system', 'alpha', 'alphaForLearner', 'alphaForManager'],
  beta: ['system', 'beta'],
  // Minting: an accredited institution's issuers, the platform admin, and the plugin that declares POINT.
  mint: ['system', 'schoolKey', 'schoolStaff', 'platformAdmin', 'alpha', 'alphaForLearner', 'alphaForManager'],
};
/** A plugin that mints POINT may also return POINTs to issuance (a correction), except from another plugin's books. */
const mayMove = (actor: ActorName, m: { debit: AccountName; credit: AccountName }) =>
  MAY_DEBIT[m.debit].includes(actor) || (m.credit === 'mint' && actor.startsWith('alpha') && m.debit !== 'beta');

const plugin = (id: string, mints: string[]) => definePlugin({ id, version: '1.0.0', mints, register() {} });

let t: TestPlatform;
const ids = {} as Record<AccountName, string>;
const actors = {} as Record<ActorName, LedgerActor>;

const grant = (role: Role, scope: RoleGrant['scope']): RoleGrant => ({
  role,
  scope,
  permissions: ROLE_PERMISSIONS[role],
});
const person = (id: string, roles: RoleGrant[] = []): AuthenticatedPrincipal => ({
  kind: 'person',
  id,
  learnerNumber: 'test',
  sessionId: uuidv7(),
  roles,
});
const key = (roles: RoleGrant[], institutionId?: string): AuthenticatedPrincipal => ({
  kind: 'apiKey',
  id: uuidv7(),
  name: 'test key',
  ...(institutionId ? { institutionId } : {}),
  roles,
});

beforeAll(async () => {
  t = await createTestPlatform({ plugins: [plugin('alpha', ['POINT']), plugin('beta', [])] });
  const db = t.platform.database.db;
  const p = await t.principals();
  const manager = await t.person({ verified: true });
  const member = await t.person({ verified: true });
  const admin = async (path: string, json: unknown, auth = 'admin', method = 'POST') => {
    const res = await t.request(path, { method, json, auth });
    const body = await res.json();
    if (!res.ok) throw new Error(`${path}: ${JSON.stringify(body)}`);
    return body;
  };
  const group = await admin('/v1/groups', { type: 'collective', name: 'Model pool' }, manager.token);
  const invitation = await admin(
    `/v1/groups/${group.id}/invitations`,
    { learnerNumber: member.learnerNumber, role: 'member' },
    manager.token,
  );
  await admin(`/v1/invitations/${invitation.id}/accept`, undefined, member.token);
  const pending = await admin('/v1/institutions', { name: 'Pending school', kind: 'school', regionId: 'default' });
  const school = p.institution.id;

  const learner = person(p.learner.id);
  const managerPerson = person(manager.id);
  Object.assign(actors, {
    system: { kind: 'system' },
    learner: { kind: 'principal', principal: learner },
    otherLearner: { kind: 'principal', principal: person(p.otherLearner.id) },
    guardian: { kind: 'principal', principal: person(p.guardian.id) },
    manager: { kind: 'principal', principal: managerPerson },
    member: { kind: 'principal', principal: person(member.id) },
    schoolKey: { kind: 'principal', principal: key([grant('issuer', { type: 'institution', id: school })], school) },
    schoolStaff: {
      kind: 'principal',
      principal: person(uuidv7(), [grant('issuer', { type: 'institution', id: school })]),
    },
    pendingKey: {
      kind: 'principal',
      principal: key([grant('issuer', { type: 'institution', id: pending.id })], pending.id),
    },
    regionKey: { kind: 'principal', principal: key([grant('issuer', { type: 'region', id: 'default' })]) },
    platformAdmin: { kind: 'principal', principal: key([grant('platform-admin', { type: 'platform' })]) },
    alpha: { kind: 'plugin', pluginId: 'alpha' },
    alphaForLearner: { kind: 'plugin', pluginId: 'alpha', principal: learner },
    alphaForManager: { kind: 'plugin', pluginId: 'alpha', principal: managerPerson },
    beta: { kind: 'plugin', pluginId: 'beta' },
  } satisfies Record<ActorName, LedgerActor>);

  const open = async (owner: { type: string; id?: string }, bounded = true) =>
    (
      await t.platform.ledger.createAccount(db, {
        asset: 'POINT',
        owner: { type: owner.type as never, id: owner.id ?? null },
        flags: { debitsMustNotExceedCredits: bounded },
      })
    ).id;
  Object.assign(ids, {
    wallet: await open({ type: 'person', id: p.learner.id }),
    otherWallet: await open({ type: 'person', id: p.otherLearner.id }),
    minorWallet: await open({ type: 'person', id: p.minor.id }),
    pool: await open({ type: 'group', id: group.id }),
    school: await open({ type: 'institution', id: school }),
    region: await open({ type: 'region', id: 'default' }),
    conversion: await open({ type: 'region', id: 'default' }, false),
    platform: await open({ type: 'platform' }),
    alpha: await open({ type: 'plugin', id: 'alpha' }),
    beta: await open({ type: 'plugin', id: 'beta' }),
    mint: (await t.platform.ledger.listAssets(db)).find((a) => a.code === 'POINT')?.issuanceAccountId as string,
  } satisfies Record<AccountName, string>);
  const funding = ACCOUNTS.filter((a) => a !== 'mint' && a !== 'conversion').map((a) => ({
    id: uuidv7(),
    debitAccountId: ids.mint,
    creditAccountId: ids[a],
    amount: 100n,
    code: 1,
  }));
  await t.platform.ledger.submit(funding);
});
afterAll(() => t.close());

const balanceOf = async (name: AccountName) => {
  const a = await t.platform.ledger.getAccount(t.platform.database.db, ids[name]);
  return (a?.creditsPosted ?? 0n) - (a?.debitsPosted ?? 0n);
};
const BOUNDED = new Set<AccountName>(ACCOUNTS.filter((a) => a !== 'mint' && a !== 'conversion'));

const moveArb = fc.record({
  debit: fc.constantFrom(...ACCOUNTS),
  credit: fc.constantFrom(...ACCOUNTS),
  amount: fc.integer({ min: 1, max: 60 }),
});
// Half the moves debit an account the actor may debit, so that whole batches are often allowed
// (a batch with one refused move is refused whole, which says little about the others).
const batchArb = fc.constantFrom(...ACTORS).chain((actor) => {
  const mine = ACCOUNTS.filter((a) => MAY_DEBIT[a].includes(actor));
  const plausible = fc.record({
    debit: fc.constantFrom(...(mine.length > 0 ? mine : ACCOUNTS)),
    credit: fc.constantFrom(...ACCOUNTS),
    amount: fc.integer({ min: 1, max: 60 }),
  });
  return fc.record({
    actor: fc.constant(actor),
    moves: fc.array(fc.oneof(moveArb, plausible), { minLength: 1, maxLength: 3 }),
  });
});

describe('ledger policy against a model', () => {
  it('refuses and applies exactly what the table allows, with the same balances', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(batchArb, { minLength: 1, maxLength: 12 }), async (batches) => {
        const model = new Map<AccountName, bigint>();
        for (const name of ACCOUNTS) model.set(name, await balanceOf(name));
        for (const batch of batches) {
          const transfers: TransferInput[] = batch.moves.map((m) => ({
            id: uuidv7(),
            debitAccountId: ids[m.debit],
            creditAccountId: ids[m.credit],
            amount: BigInt(m.amount),
            code: 1,
          }));
          const allowed = batch.moves.every((m) => mayMove(batch.actor, m));
          let statuses: string[];
          try {
            statuses = (await t.platform.ledger.submit(transfers, actors[batch.actor])).map((r) => r.status);
          } catch (error) {
            if (!LedgerTransferForbidden.is(error)) throw error;
            statuses = ['forbidden'];
          }
          if (!allowed) {
            expect(statuses, `${batch.actor}: ${JSON.stringify(batch.moves)}`).toEqual(['forbidden']);
            continue;
          }
          const expected = batch.moves.map((m) => {
            if (m.debit === m.credit) return 'accountsMustBeDifferent';
            const from = model.get(m.debit) as bigint;
            if (BOUNDED.has(m.debit) && from < BigInt(m.amount)) return 'exceedsCredits';
            model.set(m.debit, from - BigInt(m.amount));
            model.set(m.credit, (model.get(m.credit) as bigint) + BigInt(m.amount));
            return 'created';
          });
          expect(statuses, `${batch.actor}: ${JSON.stringify(batch.moves)}`).toEqual(expected);
        }
        for (const name of ACCOUNTS) expect([name, await balanceOf(name)]).toEqual([name, model.get(name)]);
      }),
      { numRuns: 60 },
    );
    await assertLedgerInvariants(t.platform.database.db);
  });
});
