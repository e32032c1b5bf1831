// Who may list an owner's accounts (`GET /v1/ledger/accounts`) and read an account's statement
// (`GET /v1/ledger/accounts/{id}/statement`), × the kinds of caller. Both follow the ledger's
// access policy (docs/ledger.md, "Who may read"): the list answers 403 to a caller who may not
// read the owner (known or not), the statement 404 (like an unknown account); anonymous is 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../ids/uuidv7.js';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import { asAdmin, okBody } from './testing/callers.js';

const CALLERS = [
  'anonymous',
  'owner',
  'otherPerson',
  'guardian',
  'groupManager',
  'groupMember',
  'institutionKey',
  'otherInstitutionKey',
  'institutionReader',
  'institutionIssuer',
  'regionAdmin',
  'otherRegionAdmin',
  'platformAdmin',
] as const;
type Caller = (typeof CALLERS)[number];

const OWNERS = ['learner', 'minor', 'group', 'institution', 'region', 'plugin'] as const;
type OwnerName = (typeof OWNERS)[number];

/** Who may read each owner's accounts; everyone else is refused. */
const READERS: Record<OwnerName, readonly Caller[]> = {
  learner: ['owner', 'regionAdmin', 'platformAdmin'],
  minor: ['guardian', 'regionAdmin', 'platformAdmin'],
  group: ['groupManager', 'groupMember', 'regionAdmin', 'platformAdmin'],
  institution: ['institutionKey', 'institutionReader', 'regionAdmin', 'platformAdmin'],
  region: ['regionAdmin', 'platformAdmin'],
  plugin: ['platformAdmin'],
};

let t: TestPlatform;
const auth = {} as Record<Caller, string | undefined>;
const owners = {} as Record<OwnerName, { type: string; id: string }>;
const accounts = {} as Record<OwnerName, string>;
const db = () => t.platform.database.db;

beforeAll(async () => {
  t = await createTestPlatform();
  const p = await t.principals();
  const manager = await t.person({ verified: true });
  const member = await t.person({ verified: true });
  const group = await t.client(manager.token).groups.create({ body: { type: 'collective', name: 'Savers' } });
  const invitation = await okBody(
    await t.request(`/v1/groups/${group.id}/invitations`, {
      method: 'POST',
      json: { learnerNumber: member.learnerNumber, role: 'member' },
      auth: manager.token,
    }),
    'invitation',
  );
  await okBody(
    await t.request(`/v1/invitations/${invitation.id}/accept`, { method: 'POST', auth: member.token }),
    'accept',
  );
  const other = await asAdmin(t, '/v1/institutions', { name: 'Other School', kind: 'school', regionId: 'default' });
  const otherKey = await asAdmin(t, '/v1/api-keys', { name: 'other', role: 'issuer', institutionId: other.id });
  const inInstitution = (role: string) => [{ role, scope: { type: 'institution', id: p.institution.id } }];
  Object.assign(auth, {
    anonymous: undefined,
    owner: p.learner.token,
    otherPerson: p.otherLearner.token,
    guardian: p.guardian.token,
    groupManager: manager.token,
    groupMember: member.token,
    institutionKey: p.institution.key,
    otherInstitutionKey: otherKey.key,
    // `ledger.accounts.read` in the institution's scope (the region-admin role, granted there).
    institutionReader: (await t.person({ roles: inInstitution('region-admin') })).token,
    // May spend the institution's accounts (ledger.transfers.create) but holds no read permission.
    institutionIssuer: (await t.person({ roles: inInstitution('issuer') })).token,
    regionAdmin: p.regionAdmin.token,
    otherRegionAdmin: p.otherRegionAdmin.token,
    platformAdmin: 'admin',
  } satisfies Record<Caller, string | undefined>);
  Object.assign(owners, {
    learner: { type: 'person', id: p.learner.id },
    minor: { type: 'person', id: p.minor.id },
    group: { type: 'group', id: group.id },
    institution: { type: 'institution', id: p.institution.id },
    region: { type: 'region', id: 'default' },
    plugin: { type: 'plugin', id: 'someone' },
  });
  for (const name of OWNERS) {
    const owner = owners[name] as never;
    accounts[name] = (await t.platform.ledger.createAccount(db(), { asset: 'POINT', owner, purpose: 'matrix' })).id;
  }
});
afterAll(() => t.close());

const statusOf = (call: Promise<unknown>) =>
  call.then(
    () => 200,
    (e: { status?: number }) => e.status ?? 500,
  );

describe.each(OWNERS)("listing the %s's accounts", (name) => {
  it.each(CALLERS)('%s', async (caller) => {
    const client = t.client(auth[caller]);
    const owner = owners[name];
    const res = client.ledger.accounts.list({ ownerType: owner.type as never, ownerId: owner.id });
    const allowed = READERS[name].includes(caller);
    expect(await statusOf(res)).toBe(caller === 'anonymous' ? 401 : allowed ? 200 : 403);
    if (allowed) expect((await res).items.map((a) => a.id)).toContain(accounts[name]);
  });
});

describe.each(OWNERS)("the statement of the %s's account", (name) => {
  it.each(CALLERS)('%s', async (caller) => {
    const res = t.client(auth[caller]).ledger.accounts.statement({
      accountId: accounts[name],
      from: new Date(Date.now() - 86_400_000).toISOString(),
    });
    const allowed = READERS[name].includes(caller);
    expect(await statusOf(res)).toBe(caller === 'anonymous' ? 401 : allowed ? 200 : 404);
  });
});

describe('an owner that does not exist', () => {
  it.each(CALLERS)('is refused like one the caller may not read: %s', async (caller) => {
    const res = t.client(auth[caller]).ledger.accounts.list({ ownerType: 'person', ownerId: uuidv7() });
    // Only the platform admin reads every owner; it sees an empty list.
    expect(await statusOf(res)).toBe(caller === 'anonymous' ? 401 : caller === 'platformAdmin' ? 200 : 403);
  });
  it.each(CALLERS)('has no statement: %s', async (caller) => {
    const res = t.client(auth[caller]).ledger.accounts.statement({ accountId: uuidv7(), from: '2026-01-01T00:00:00Z' });
    expect(await statusOf(res)).toBe(caller === 'anonymous' ? 401 : 404);
  });
});

describe("the caller's own accounts (no owner named)", () => {
  const OWN: Partial<Record<Caller, OwnerName>> = { owner: 'learner', institutionKey: 'institution' };
  it.each(CALLERS)('%s', async (caller) => {
    const res = t.client(auth[caller]).ledger.accounts.list({});
    if (caller === 'anonymous') return expect(await statusOf(res)).toBe(401);
    // People list their own, an institution's key its institution's; the admin key owns nothing.
    if (caller === 'platformAdmin') {
      return expect(await res.catch((e) => e.problem.errors)).toEqual([
        expect.objectContaining({ path: '/query/ownerType', rule: 'ownerOfCaller' }),
      ]);
    }
    const ids = (await res).items.map((a) => a.id);
    const own = OWN[caller];
    if (own) expect(ids).toContain(accounts[own]);
    // Nobody's default list shows another owner's account.
    for (const name of OWNERS) if (name !== own) expect(ids).not.toContain(accounts[name]);
  });
});
