import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/schema.js';
import { mod11_2CheckChar } from '../identity/iso7064.js';
import { createTestPlatform, type TestPerson, type TestPlatform } from '../testing/index.js';
import { groupInvitations } from './schema.js';
import { groupsOf, memberRole } from './service.js';

// A well-formed learner number nobody holds (the generator never starts with 10000...).
const UNUSED_NUMBER = `100000000000000${mod11_2CheckChar('100000000000000')}`;
const MINOR_BIRTH = '2015-03-01';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const body = (res: Response): Promise<any> => res.json();
const db = () => t.platform.database.db;

async function createGroup(owner: TestPerson, json: Record<string, unknown> = { type: 'family', name: 'The Lis' }) {
  const res = await t.request('/v1/groups', { method: 'POST', json, auth: owner.token });
  expect(res.status).toBe(201);
  return body(res);
}

async function invite(manager: TestPerson, groupId: string, invitee: TestPerson, role: string) {
  return t.request(`/v1/groups/${groupId}/invitations`, {
    method: 'POST',
    json: { learnerNumber: invitee.learnerNumber, role },
    auth: manager.token,
  });
}

async function invited(manager: TestPerson, groupId: string, invitee: TestPerson, role: string) {
  const res = await invite(manager, groupId, invitee, role);
  expect(res.status).toBe(201);
  return body(res);
}

const answer = (who: TestPerson, invitationId: string, verb: 'accept' | 'decline') =>
  t.request(`/v1/invitations/${invitationId}/${verb}`, { method: 'POST', auth: who.token });

async function join(manager: TestPerson, groupId: string, invitee: TestPerson, role: string, consent = invitee) {
  const invitation = await invited(manager, groupId, invitee, role);
  expect((await answer(consent, invitation.id, 'accept')).status).toBe(200);
}

async function memberNumbers(groupId: string): Promise<Record<string, string>> {
  const res = await t.request(`/v1/groups/${groupId}/members?limit=200`, { auth: 'admin' });
  expect(res.status).toBe(200);
  const { items } = await body(res);
  return Object.fromEntries(items.map((m: { learnerNumber: string; role: string }) => [m.learnerNumber, m.role]));
}

const leave = (caller: TestPerson, groupId: string, member: TestPerson) =>
  t.request(`/v1/groups/${groupId}/members/${member.learnerNumber}`, { method: 'DELETE', auth: caller.token });

async function auditOf(groupId: string) {
  return db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.subjectType, 'group'), eq(auditLog.subjectId, groupId)))
    .orderBy(auditLog.at, auditLog.id);
}

describe('creating groups', () => {
  it('makes the creator of a family group its parent, in the request region, with one member', async () => {
    const owner = await t.person();
    const group = await createGroup(owner);
    expect(group).toMatchObject({
      type: 'family',
      name: 'The Lis',
      regionId: 'default',
      memberCount: 1,
      myRole: 'parent',
    });
    expect(await memberNumbers(group.id)).toEqual({ [owner.learnerNumber]: 'parent' });
  });

  it('lets a family creator join as elder when asked, and makes school and interest creators admins', async () => {
    const owner = await t.person();
    expect((await createGroup(owner, { type: 'family', name: 'F', creatorRole: 'elder' })).myRole).toBe('elder');
    expect((await createGroup(owner, { type: 'school', name: 'Class 3' })).myRole).toBe('admin');
    expect((await createGroup(owner, { type: 'interest', name: 'Chess' })).myRole).toBe('admin');
    expect((await createGroup(owner, { type: 'collective', name: 'Choir' })).myRole).toBe('admin');
  });

  it('refuses a creator role that does not manage the group type, naming /body/creatorRole', async () => {
    const owner = await t.person();
    const res = await t.request('/v1/groups', {
      method: 'POST',
      json: { type: 'school', name: 'X', creatorRole: 'parent' },
      auth: owner.token,
    });
    expect(res.status).toBe(400);
    expect((await body(res)).errors.map((e: { path: string }) => e.path)).toEqual(['/body/creatorRole']);
  });

  it('refuses a minor creating a group with 403, writing nothing', async () => {
    const guardian = await t.person();
    const minor = await t.person({ dateOfBirth: MINOR_BIRTH, guardian });
    const res = await t.request('/v1/groups', {
      method: 'POST',
      json: { type: 'interest', name: 'Kids' },
      auth: minor.token,
    });
    expect(res.status).toBe(403);
    expect((await body(res)).code).toBe('GROUP_MINOR_CANNOT_CREATE');
    expect(await groupsOf(db(), minor.id)).toEqual([]);
  });

  it('records group.created and the creator joining in the audit log, with the group region and no names', async () => {
    const owner = await t.person();
    const group = await createGroup(owner, { type: 'interest', name: 'Secret Society' });
    const entries = await auditOf(group.id);
    expect(entries.map((e) => e.action).sort()).toEqual(['group.created', 'group.member.added']);
    expect(entries.every((e) => e.regionId === 'default' && e.actorId === owner.id)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('Secret Society');
    expect(JSON.stringify(entries)).not.toContain(owner.legalName);
  });

  it('creates the group in the region named by the Lifelong-Region header', async () => {
    await t.request('/v1/regions', { method: 'POST', auth: 'admin', json: { id: 'region-create', name: 'R' } });
    const owner = await t.person();
    const res = await t.request('/v1/groups', {
      method: 'POST',
      json: { type: 'interest', name: 'Go club' },
      auth: owner.token,
      headers: { 'Lifelong-Region': 'region-create' },
    });
    expect(res.status).toBe(201);
    expect((await body(res)).regionId).toBe('region-create');
  });
});

describe('invitations and consent', () => {
  it('adds an adult who accepts an invitation, with the invited role, and audits it', async () => {
    const owner = await t.person();
    const elder = await t.person({ dateOfBirth: '1950-01-01' });
    const group = await createGroup(owner);
    const invitation = await invited(owner, group.id, elder, 'elder');
    expect(invitation).toMatchObject({
      groupId: group.id,
      groupType: 'family',
      learnerNumber: elder.learnerNumber,
      role: 'elder',
      status: 'pending',
    });
    const lifetime = Date.parse(invitation.expiresAt) - Date.parse(invitation.createdAt);
    expect(lifetime).toBe(14 * 24 * 60 * 60 * 1000);

    const res = await answer(elder, invitation.id, 'accept');
    expect(res.status).toBe(200);
    expect((await body(res)).status).toBe('accepted');
    expect(await memberNumbers(group.id)).toEqual({ [owner.learnerNumber]: 'parent', [elder.learnerNumber]: 'elder' });
    expect(await memberRole(db(), group.id, elder.id)).toBe('elder');
    const actions = (await auditOf(group.id)).map((e) => e.action).sort();
    expect(actions).toEqual(['group.created', 'group.invitation.created', 'group.member.added', 'group.member.added']);
  });

  it('lists pending invitations of the caller and of the minors they are guardian of, not answered ones', async () => {
    const owner = await t.person();
    const guardian = await t.person();
    const minor = await t.person({ dateOfBirth: MINOR_BIRTH, guardian });
    const group = await createGroup(owner);
    const forMinor = await invited(owner, group.id, minor, 'child');
    const forGuardian = await invited(owner, group.id, guardian, 'parent');
    const other = await createGroup(owner, { type: 'interest', name: 'Other' });
    const declined = await invited(owner, other.id, guardian, 'member');
    expect((await answer(guardian, declined.id, 'decline')).status).toBe(200);

    const res = await t.request('/v1/invitations', { auth: guardian.token });
    expect(res.status).toBe(200);
    const ids = (await body(res)).items.map((i: { id: string }) => i.id);
    expect(ids.sort()).toEqual([forMinor.id, forGuardian.id].sort());
    const minorView = await body(await t.request('/v1/invitations', { auth: minor.token }));
    expect(minorView.items.map((i: { id: string }) => i.id)).toEqual([forMinor.id]);
  });

  it('refuses a minor accepting alone (consent) but lets their guardian accept for them', async () => {
    const owner = await t.person();
    const guardian = await t.person();
    const minor = await t.person({ dateOfBirth: MINOR_BIRTH, guardian });
    const group = await createGroup(owner);
    const invitation = await invited(owner, group.id, minor, 'child');

    const alone = await answer(minor, invitation.id, 'accept');
    expect(alone.status).toBe(403);
    expect((await body(alone)).code).toBe('GROUP_GUARDIAN_CONSENT_REQUIRED');
    expect(await memberRole(db(), group.id, minor.id)).toBeNull();

    expect((await answer(guardian, invitation.id, 'accept')).status).toBe(200);
    expect(await memberRole(db(), group.id, minor.id)).toBe('child');
    const added = (await auditOf(group.id)).filter((e) => e.action === 'group.member.added').at(-1);
    expect(added?.details).toMatchObject({ personId: minor.id, consentBy: guardian.id, invitationId: invitation.id });
  });

  it('lets a minor decline alone', async () => {
    const owner = await t.person();
    const guardian = await t.person();
    const minor = await t.person({ dateOfBirth: MINOR_BIRTH, guardian });
    const group = await createGroup(owner, { type: 'interest', name: 'Football' });
    const invitation = await invited(owner, group.id, minor, 'member');
    const res = await answer(minor, invitation.id, 'decline');
    expect(res.status).toBe(200);
    expect((await body(res)).status).toBe('declined');
    expect((await auditOf(group.id)).at(-1)?.action).toBe('group.invitation.declined');
  });

  it('answers 409 to accepting an invitation that was declined, revoked or has expired', async () => {
    const owner = await t.person();
    const invitee = await t.person();
    const group = await createGroup(owner);
    const declined = await invited(owner, group.id, invitee, 'child');
    await answer(invitee, declined.id, 'decline');
    expect((await answer(invitee, declined.id, 'accept')).status).toBe(409);

    const revoked = await invited(owner, group.id, invitee, 'child');
    const revoke = await t.request(`/v1/groups/${group.id}/invitations/${revoked.id}`, {
      method: 'DELETE',
      auth: owner.token,
    });
    expect(revoke.status).toBe(204);
    const late = await answer(invitee, revoked.id, 'accept');
    expect(late.status).toBe(409);
    expect((await body(late)).code).toBe('GROUP_INVITATION_NOT_PENDING');

    const expiring = await invited(owner, group.id, invitee, 'child');
    await db()
      .update(groupInvitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(groupInvitations.id, expiring.id));
    expect((await answer(invitee, expiring.id, 'accept')).status).toBe(409);
    expect(await memberRole(db(), group.id, invitee.id)).toBeNull();
    const pending = await body(await t.request('/v1/invitations', { auth: invitee.token }));
    expect(pending.items).toEqual([]);
  });

  it('returns the pending invitation (200) when the same person is invited again with the same role', async () => {
    const owner = await t.person();
    const invitee = await t.person();
    const group = await createGroup(owner);
    const first = await invited(owner, group.id, invitee, 'child');
    const again = await invite(owner, group.id, invitee, 'child');
    expect(again.status).toBe(200);
    expect((await body(again)).id).toBe(first.id);
    const otherRole = await invite(owner, group.id, invitee, 'elder');
    expect(otherRole.status).toBe(409);
    expect((await body(otherRole)).code).toBe('GROUP_INVITATION_PENDING');
  });

  it('answers 409 to inviting an existing member', async () => {
    const owner = await t.person();
    const member = await t.person();
    const group = await createGroup(owner);
    await join(owner, group.id, member, 'child');
    const res = await invite(owner, group.id, member, 'elder');
    expect(res.status).toBe(409);
    expect((await body(res)).code).toBe('GROUP_ALREADY_MEMBER');
  });

  it('refuses a role of another group type with 400 naming /body/role', async () => {
    const owner = await t.person();
    const invitee = await t.person();
    const group = await createGroup(owner);
    const res = await invite(owner, group.id, invitee, 'student');
    expect(res.status).toBe(400);
    expect((await body(res)).errors.map((e: { path: string }) => e.path)).toEqual(['/body/role']);
  });

  it('answers 404 to inviting an unknown learner number', async () => {
    const owner = await t.person();
    const group = await createGroup(owner);
    const res = await t.request(`/v1/groups/${group.id}/invitations`, {
      method: 'POST',
      json: { learnerNumber: UNUSED_NUMBER, role: 'child' },
      auth: owner.token,
    });
    expect(res.status).toBe(404);
  });

  it('lets a school teacher invite students but not teachers, and revoke only student invitations', async () => {
    const admin = await t.person();
    const teacher = await t.person();
    const student = await t.person();
    const colleague = await t.person();
    const school = await createGroup(admin, { type: 'school', name: 'Grade 5' });
    await join(admin, school.id, teacher, 'teacher');

    expect((await invite(teacher, school.id, student, 'student')).status).toBe(201);
    expect((await invite(teacher, school.id, colleague, 'teacher')).status).toBe(403);
    const byAdmin = await invited(admin, school.id, colleague, 'teacher');
    const revoke = await t.request(`/v1/groups/${school.id}/invitations/${byAdmin.id}`, {
      method: 'DELETE',
      auth: teacher.token,
    });
    expect(revoke.status).toBe(403);
  });

  it('refuses plain members inviting (403)', async () => {
    const owner = await t.person();
    const member = await t.person();
    const outsider = await t.person();
    const group = await createGroup(owner, { type: 'interest', name: 'Birds' });
    await join(owner, group.id, member, 'member');
    expect((await invite(member, group.id, outsider, 'member')).status).toBe(403);
  });
});

describe('leaving and removal', () => {
  it('lets a member leave, and audits it as left', async () => {
    const owner = await t.person();
    const member = await t.person();
    const group = await createGroup(owner);
    await join(owner, group.id, member, 'child');
    expect((await leave(member, group.id, member)).status).toBe(204);
    expect(await memberNumbers(group.id)).toEqual({ [owner.learnerNumber]: 'parent' });
    const last = (await auditOf(group.id)).at(-1);
    expect(last).toMatchObject({ action: 'group.member.removed', regionId: 'default' });
    expect(last?.details).toEqual({ personId: member.id, role: 'child', reason: 'left' });
  });

  it('lets a guardian take a minor out of a group, and a manager remove a member', async () => {
    const owner = await t.person();
    const guardian = await t.person();
    const minor = await t.person({ dateOfBirth: MINOR_BIRTH, guardian });
    const adult = await t.person();
    const group = await createGroup(owner, { type: 'interest', name: 'Robots' });
    await join(owner, group.id, minor, 'member', guardian);
    await join(owner, group.id, adult, 'member');
    expect((await leave(guardian, group.id, minor)).status).toBe(204);
    expect((await leave(owner, group.id, adult)).status).toBe(204);
    expect(await memberNumbers(group.id)).toEqual({ [owner.learnerNumber]: 'admin' });
    expect((await auditOf(group.id)).at(-1)?.details).toMatchObject({ personId: adult.id, reason: 'removed' });
  });

  it('keeps the last managing member while other members remain (409), but not once another manager exists', async () => {
    const owner = await t.person();
    const child = await t.person();
    const elder = await t.person();
    const group = await createGroup(owner);
    await join(owner, group.id, child, 'child');
    const refused = await leave(owner, group.id, owner);
    expect(refused.status).toBe(409);
    expect((await body(refused)).code).toBe('GROUP_LAST_MANAGER');
    await join(owner, group.id, elder, 'elder');
    expect((await leave(elder, group.id, owner)).status).toBe(204);
    expect(await memberNumbers(group.id)).toEqual({ [child.learnerNumber]: 'child', [elder.learnerNumber]: 'elder' });
  });

  it('lets the last member leave and revokes the group’s pending invitations with them', async () => {
    const owner = await t.person();
    const invitee = await t.person();
    const group = await createGroup(owner);
    const invitation = await invited(owner, group.id, invitee, 'child');
    expect((await leave(owner, group.id, owner)).status).toBe(204);
    expect((await answer(invitee, invitation.id, 'accept')).status).toBe(409);
    expect(await memberNumbers(group.id)).toEqual({});
  });

  it('answers 404 for a person who is not a member, to callers who may read the group', async () => {
    const owner = await t.person();
    const stranger = await t.person();
    const group = await createGroup(owner);
    const res = await leave(owner, group.id, stranger);
    expect(res.status).toBe(404);
    expect((await body(res)).code).toBe('GROUP_MEMBER_NOT_FOUND');
  });

  it('refuses removal of a member by a member who does not manage their role (403)', async () => {
    const admin = await t.person();
    const teacher = await t.person();
    const other = await t.person();
    const school = await createGroup(admin, { type: 'school', name: 'Lab' });
    await join(admin, school.id, teacher, 'teacher');
    await join(admin, school.id, other, 'teacher');
    expect((await leave(teacher, school.id, other)).status).toBe(403);
    expect(await memberRole(db(), school.id, other.id)).toBe('teacher');
  });
});

describe('listing', () => {
  it('lists the caller’s groups by type, one page at a time', async () => {
    const owner = await t.person();
    const created = [];
    for (const name of ['A', 'B', 'C']) created.push(await createGroup(owner, { type: 'interest', name }));
    await createGroup(owner, { type: 'family', name: 'Home' });
    const first = await body(await t.request('/v1/groups?type=interest&limit=2', { auth: owner.token }));
    expect(first.items.map((g: { name: string }) => g.name)).toEqual(['A', 'B']);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await body(
      await t.request(`/v1/groups?type=interest&limit=2&cursor=${first.nextCursor}`, { auth: owner.token }),
    );
    expect(second.items.map((g: { name: string }) => g.name)).toEqual(['C']);
    expect(second.nextCursor).toBeNull();
    expect((await groupsOf(db(), owner.id, { type: 'family' })).map((g) => g.name)).toEqual(['Home']);
  });

  it('lists a member’s groups for their guardian, with the guardian’s own role as myRole', async () => {
    const owner = await t.person();
    const guardian = await t.person();
    const minor = await t.person({ dateOfBirth: MINOR_BIRTH, guardian });
    const group = await createGroup(owner, { type: 'interest', name: 'Art' });
    await join(owner, group.id, minor, 'member', guardian);
    const res = await t.request(`/v1/groups?member=${minor.learnerNumber}`, { auth: guardian.token });
    expect(res.status).toBe(200);
    expect((await body(res)).items).toEqual([expect.objectContaining({ id: group.id, memberCount: 2, myRole: null })]);
  });

  it('pages members in joining order with only learner number, role and joining time', async () => {
    const owner = await t.person();
    const a = await t.person();
    const b = await t.person();
    const group = await createGroup(owner, { type: 'collective', name: 'Crew' });
    await join(owner, group.id, a, 'member');
    await join(owner, group.id, b, 'member');
    const first = await body(await t.request(`/v1/groups/${group.id}/members?limit=2`, { auth: a.token }));
    expect(first.items.map((m: { learnerNumber: string }) => m.learnerNumber)).toEqual([
      owner.learnerNumber,
      a.learnerNumber,
    ]);
    expect(Object.keys(first.items[0]).sort()).toEqual(['joinedAt', 'learnerNumber', 'role']);
    const second = await body(
      await t.request(`/v1/groups/${group.id}/members?limit=2&cursor=${first.nextCursor}`, { auth: a.token }),
    );
    expect(second).toEqual({ items: [expect.objectContaining({ learnerNumber: b.learnerNumber })], nextCursor: null });
  });

  it('answers 404 for an unknown group to holders of groups.read and 403 to others', async () => {
    const person = await t.person();
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect((await t.request(`/v1/groups/${unknown}`, { auth: 'admin' })).status).toBe(404);
    expect((await t.request(`/v1/groups/${unknown}`, { auth: person.token })).status).toBe(403);
  });
});

describe('bad input', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['an unknown type', { type: 'club', name: 'X' }, '/body/type'],
    ['an oversize name', { type: 'family', name: 'x'.repeat(201) }, '/body/name'],
    ['an empty name', { type: 'family', name: '' }, '/body/name'],
    ['unknown fields', { type: 'family', name: 'X', colour: 'red' }, '/body/colour'],
    ['a name of the wrong type', { type: 'family', name: 42 }, '/body/name'],
    ['a name with control characters', { type: 'family', name: 'a\u0000b' }, '/body/name'],
    ['a name with surrounding spaces', { type: 'family', name: ' Lis ' }, '/body/name'],
    ['a missing type', { name: 'X' }, '/body/type'],
  ];
  it.each(cases)(
    'refuses creating a group with %s (400 naming the field), writing nothing',
    async (_what, json, path) => {
      const owner = await t.person();
      const res = await t.request('/v1/groups', { method: 'POST', json, auth: owner.token });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await body(res)).errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(await groupsOf(db(), owner.id)).toEqual([]);
    },
  );

  it('refuses an invitation with a wrong check character (400 /body/learnerNumber), writing nothing', async () => {
    const owner = await t.person();
    const invitee = await t.person();
    const group = await createGroup(owner);
    const last = invitee.learnerNumber.at(-1) === '0' ? '1' : '0';
    const wrong = `${invitee.learnerNumber.slice(0, -1)}${last}`;
    const res = await t.request(`/v1/groups/${group.id}/invitations`, {
      method: 'POST',
      json: { learnerNumber: wrong, role: 'child' },
      auth: owner.token,
    });
    expect(res.status).toBe(400);
    expect((await body(res)).errors).toEqual([expect.objectContaining({ path: '/body/learnerNumber' })]);
    expect((await auditOf(group.id)).map((e) => e.action)).not.toContain('group.invitation.created');
  });

  it('refuses an invitation with an unknown role or a wrong-typed learner number, naming both', async () => {
    const owner = await t.person();
    const group = await createGroup(owner);
    const res = await t.request(`/v1/groups/${group.id}/invitations`, {
      method: 'POST',
      json: { learnerNumber: 123, role: 'king' },
      auth: owner.token,
    });
    expect(res.status).toBe(400);
    const paths = (await body(res)).errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['/body/learnerNumber', '/body/role']);
  });

  it('refuses a malformed group id, member filter, cursor and wrong-typed limit with 400 naming each', async () => {
    const person = await t.person();
    const badId = await t.request('/v1/groups/not-a-uuid', { auth: person.token });
    expect((await body(badId)).errors[0].path).toBe('/params/groupId');
    const badMember = await t.request(`/v1/groups?member=${person.learnerNumber.slice(0, -1)}Y`, {
      auth: person.token,
    });
    expect(badMember.status).toBe(400);
    expect((await body(badMember)).errors[0].path).toBe('/query/member');
    const badCursor = await t.request('/v1/groups?cursor=bm9wZQ', { auth: person.token });
    expect((await body(badCursor)).errors[0].path).toBe('/query/cursor');
    const foreignCursor = Buffer.from(JSON.stringify({ id: 'not-a-uuid' })).toString('base64url');
    const badKey = await t.request(`/v1/groups?cursor=${foreignCursor}`, { auth: person.token });
    expect(badKey.status).toBe(400);
    const badInvitationKey = await t.request(`/v1/invitations?cursor=${foreignCursor}`, { auth: person.token });
    expect(badInvitationKey.status).toBe(400);
    const badLimit = await t.request('/v1/groups?limit=many', { auth: person.token });
    expect((await body(badLimit)).errors[0].path).toBe('/query/limit');
  });

  it('refuses a wrong check character in the member path with 400 /params/learnerNumber', async () => {
    const owner = await t.person();
    const group = await createGroup(owner);
    const last = owner.learnerNumber.at(-1) === '0' ? '1' : '0';
    const res = await t.request(`/v1/groups/${group.id}/members/${owner.learnerNumber.slice(0, -1)}${last}`, {
      method: 'DELETE',
      auth: owner.token,
    });
    expect(res.status).toBe(400);
    expect((await body(res)).errors[0].path).toBe('/params/learnerNumber');
    expect(await memberRole(db(), group.id, owner.id)).toBe('parent');
  });
});

describe('concurrency', () => {
  it('makes one membership of two simultaneous accepts of one invitation', async () => {
    const owner = await t.person();
    const invitee = await t.person();
    const group = await createGroup(owner);
    const invitation = await invited(owner, group.id, invitee, 'child');
    const statuses = (await Promise.all([1, 2, 3].map(() => answer(invitee, invitation.id, 'accept')))).map(
      (r) => r.status,
    );
    expect(statuses.sort()).toEqual([200, 409, 409]);
    expect(await memberNumbers(group.id)).toEqual({
      [owner.learnerNumber]: 'parent',
      [invitee.learnerNumber]: 'child',
    });
    const added = (await auditOf(group.id)).filter((e) => e.action === 'group.member.added');
    expect(added).toHaveLength(2);
  });

  it('never leaves a group without a manager when both managers leave at once', async () => {
    const owner = await t.person();
    const elder = await t.person();
    const child = await t.person();
    const group = await createGroup(owner);
    await join(owner, group.id, elder, 'elder');
    await join(owner, group.id, child, 'child');
    const statuses = (await Promise.all([leave(owner, group.id, owner), leave(elder, group.id, elder)])).map(
      (r) => r.status,
    );
    expect(statuses.sort()).toEqual([204, 409]);
    expect(Object.values(await memberNumbers(group.id)).filter((r) => r !== 'child')).toHaveLength(1);
  });
});
