import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/schema.js';
import { createTestPlatform, type TestPerson, type TestPlatform } from '../testing/index.js';
import { groupInvitations, groupMembers, groups } from './schema.js';

/**
 * Every groups route × every kind of caller → the expected status. A deny is a 401/403 problem
 * and leaves memberships, invitations, groups and the audit log exactly as they were.
 */

type Caller =
  | 'anonymous'
  | 'the learner'
  | 'another learner'
  | 'guardian'
  | 'registrar'
  | 'institution key'
  | 'region admin here'
  | 'region admin elsewhere';

const MINOR_BIRTH = '2015-03-01';

let t: TestPlatform;
const tokens = {} as Record<Exclude<Caller, 'anonymous' | 'the learner' | 'guardian'>, string>;
let anotherLearner: TestPerson;

beforeAll(async () => {
  t = await createTestPlatform();
  anotherLearner = await t.person();
  tokens['another learner'] = anotherLearner.token;
  const region = { type: 'region', id: 'default' };
  tokens.registrar = (await t.person({ roles: [{ role: 'registrar', scope: region }] })).token;
  tokens['region admin here'] = (await t.person({ roles: [{ role: 'region-admin', scope: region }] })).token;
  await t.request('/v1/regions', { method: 'POST', auth: 'admin', json: { id: 'other', name: 'Other' } });
  const other = { type: 'region', id: 'other' };
  tokens['region admin elsewhere'] = (await t.person({ roles: [{ role: 'region-admin', scope: other }] })).token;
  const institution = await body(
    await t.request('/v1/institutions', {
      method: 'POST',
      auth: 'admin',
      json: { name: 'No. 1 Middle School', kind: 'school', regionId: 'default' },
    }),
  );
  const key = await body(
    await t.request('/v1/api-keys', {
      method: 'POST',
      auth: 'admin',
      json: { name: 'school key', role: 'issuer', institutionId: institution.id },
    }),
  );
  tokens['institution key'] = key.key;
});
afterAll(() => t.close());

const body = (res: Response): Promise<any> => res.json();

/** A family group: a parent (manager), an adult child, a minor child with their guardian, two pending invitations. */
interface Fixture {
  manager: TestPerson;
  member: TestPerson;
  guardian: TestPerson;
  minor: TestPerson;
  invitee: TestPerson;
  groupId: string;
  invitationId: string;
  minorInvitationId: string;
  newGroupName: string;
}

async function invite(manager: TestPerson, groupId: string, invitee: TestPerson, role: string): Promise<string> {
  const res = await t.request(`/v1/groups/${groupId}/invitations`, {
    method: 'POST',
    json: { learnerNumber: invitee.learnerNumber, role },
    auth: manager.token,
  });
  expect(res.status).toBe(201);
  return (await body(res)).id;
}

async function accept(who: TestPerson, invitationId: string) {
  expect((await t.request(`/v1/invitations/${invitationId}/accept`, { method: 'POST', auth: who.token })).status).toBe(
    200,
  );
}

async function fixture(): Promise<Fixture> {
  const [manager, member, guardian, invitee] = await Promise.all([t.person(), t.person(), t.person(), t.person()]);
  const [minor, minorInvitee] = await Promise.all([
    t.person({ dateOfBirth: MINOR_BIRTH, guardian }),
    t.person({ dateOfBirth: MINOR_BIRTH, guardian }),
  ]);
  const group = await body(
    await t.request('/v1/groups', {
      method: 'POST',
      json: { type: 'family', name: 'The Zhangs' },
      auth: manager.token,
    }),
  );
  await accept(member, await invite(manager, group.id, member, 'child'));
  await accept(guardian, await invite(manager, group.id, minor, 'child'));
  return {
    manager,
    member,
    guardian,
    minor,
    invitee,
    groupId: group.id,
    invitationId: await invite(manager, group.id, invitee, 'child'),
    minorInvitationId: await invite(manager, group.id, minorInvitee, 'child'),
    newGroupName: `Matrix ${crypto.randomUUID()}`,
  };
}

/** Everything a groups route could change. */
async function snapshot(f: Fixture) {
  const db = t.platform.database.db;
  return {
    members: await db
      .select({ personId: groupMembers.personId, role: groupMembers.role })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, f.groupId))
      .orderBy(groupMembers.personId),
    invitations: await db
      .select({ id: groupInvitations.id, status: groupInvitations.status })
      .from(groupInvitations)
      .where(eq(groupInvitations.groupId, f.groupId))
      .orderBy(groupInvitations.id),
    newGroups: await db.select({ id: groups.id }).from(groups).where(eq(groups.name, f.newGroupName)),
    auditEntries: (await db.select({ n: count() }).from(auditLog))[0]?.n,
  };
}

interface RouteCase {
  route: string;
  /** Who "the learner" is for this route: the person the route is naturally about. */
  learner: (f: Fixture) => TestPerson;
  call: (f: Fixture, caller: Caller, auth: string | undefined) => Promise<Response>;
  expected: Record<Caller, number>;
}

const send = (path: string, method: string, auth: string | undefined, json?: unknown) =>
  t.request(path, { method, ...(auth ? { auth } : {}), ...(json !== undefined ? { json } : {}) });

const readers = {
  anonymous: 401,
  'the learner': 200,
  'another learner': 403,
  guardian: 200,
  registrar: 403,
  'institution key': 403,
  'region admin here': 200,
  'region admin elsewhere': 403,
} as const;

const managersOnly = (allowed: number) =>
  ({
    anonymous: 401,
    'the learner': allowed,
    'another learner': 403,
    guardian: 403,
    registrar: 403,
    'institution key': 403,
    'region admin here': 403,
    'region admin elsewhere': 403,
  }) as const;

const anyPerson = (allowed: number) =>
  ({
    anonymous: 401,
    'the learner': allowed,
    'another learner': allowed,
    guardian: allowed,
    registrar: allowed,
    'institution key': 403,
    'region admin here': allowed,
    'region admin elsewhere': allowed,
  }) as const;

/** The guardian answers the minor's invitation; everyone else tries the adult invitee's. */
const answerCase = (verb: 'accept' | 'decline'): RouteCase => ({
  route: `POST /invitations/{id}/${verb}`,
  learner: (f) => f.invitee,
  call: (f, caller, auth) =>
    send(`/v1/invitations/${caller === 'guardian' ? f.minorInvitationId : f.invitationId}/${verb}`, 'POST', auth),
  expected: { ...managersOnly(200), guardian: 200 },
});

const routes: RouteCase[] = [
  {
    route: 'POST /groups',
    learner: (f) => f.member,
    call: (f, _caller, auth) => send('/v1/groups', 'POST', auth, { type: 'interest', name: f.newGroupName }),
    expected: anyPerson(201),
  },
  {
    route: 'GET /groups',
    learner: (f) => f.member,
    call: (_f, _caller, auth) => send('/v1/groups', 'GET', auth),
    expected: anyPerson(200),
  },
  {
    route: 'GET /groups?member=',
    learner: (f) => f.minor,
    call: (f, _caller, auth) => send(`/v1/groups?member=${f.minor.learnerNumber}`, 'GET', auth),
    expected: readers,
  },
  {
    route: 'GET /groups/{id}',
    learner: (f) => f.member,
    call: (f, _caller, auth) => send(`/v1/groups/${f.groupId}`, 'GET', auth),
    expected: readers,
  },
  {
    route: 'GET /groups/{id}/members',
    learner: (f) => f.member,
    call: (f, _caller, auth) => send(`/v1/groups/${f.groupId}/members`, 'GET', auth),
    expected: readers,
  },
  {
    route: 'POST /groups/{id}/invitations',
    learner: (f) => f.manager,
    call: (f, _caller, auth) =>
      send(`/v1/groups/${f.groupId}/invitations`, 'POST', auth, {
        learnerNumber: anotherLearner.learnerNumber,
        role: 'elder',
      }),
    expected: managersOnly(201),
  },
  {
    route: 'GET /invitations',
    learner: (f) => f.invitee,
    call: (_f, _caller, auth) => send('/v1/invitations', 'GET', auth),
    expected: anyPerson(200),
  },
  answerCase('accept'),
  answerCase('decline'),
  {
    route: 'DELETE /groups/{id}/invitations/{id}',
    learner: (f) => f.manager,
    call: (f, _caller, auth) => send(`/v1/groups/${f.groupId}/invitations/${f.invitationId}`, 'DELETE', auth),
    expected: managersOnly(204),
  },
  {
    route: 'DELETE /groups/{id}/members/{learnerNumber}',
    learner: (f) => f.member,
    call: (f, caller, auth) =>
      send(
        `/v1/groups/${f.groupId}/members/${(caller === 'guardian' ? f.minor : f.member).learnerNumber}`,
        'DELETE',
        auth,
      ),
    expected: { ...managersOnly(204), guardian: 204 },
  },
];

function authOf(f: Fixture, route: RouteCase, caller: Caller): string | undefined {
  if (caller === 'anonymous') return undefined;
  if (caller === 'the learner') return route.learner(f).token;
  if (caller === 'guardian') return f.guardian.token;
  return tokens[caller];
}

const cases = routes.flatMap((route) =>
  (Object.entries(route.expected) as [Caller, number][]).map(([caller, status]) => ({ route, caller, status })),
);

describe('groups authorization matrix', () => {
  it.each(cases)('$route.route by $caller → $status', async ({ route, caller, status }) => {
    const f = await fixture();
    const before = await snapshot(f);
    const res = await route.call(f, caller, authOf(f, route, caller));
    expect(res.status).toBe(status);
    if (status === 401 || status === 403) {
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await body(res)).status).toBe(status);
      if (status === 401) expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(await snapshot(f)).toEqual(before);
    }
  });
});
