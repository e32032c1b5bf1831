// Issue #16, identity rules: the attacks found against the core, as regression tests (attacks 4,
// 5, 6 and the hashing order of 7), with a clock the tests move across an 18th birthday.
import { Type } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../db/database.js';
import { definePlugin } from '../plugins/define-plugin.js';
import {
  createTestPlatform,
  type TestPerson,
  type TestPlatform,
  type TestResponse,
  testNationalId,
} from '../testing/index.js';

const START = new Date('2026-06-01T12:00:00Z');
let clock = START;

/** A plugin that asks the core's identity facade, as every plugin does. */
const wards = definePlugin({
  id: 'wards',
  version: '1.0.0',
  register(p) {
    p.route({
      method: 'get',
      path: '/guardianship/{guardianId}/{minorId}',
      summary: 'What a plugin sees of a guardianship',
      access: { authenticated: 'anyone signed in' },
      request: { params: Type.Object({ guardianId: Type.String(), minorId: Type.String() }) },
      responses: { 200: { description: 'The answers', schema: Type.Any() } },
      handler: async ({ params }, ctx) => ({
        status: 200,
        body: {
          isGuardianOf: await ctx.identity.isGuardianOf(params.guardianId, params.minorId),
          guardiansOf: await ctx.identity.guardiansOf(params.minorId),
          status: (await ctx.identity.personById(params.minorId))?.status,
        },
      }),
    });
  },
});

let t: TestPlatform;
let registrar: TestPerson;
beforeAll(async () => {
  t = await createTestPlatform({ now: () => clock, plugins: [wards] });
  registrar = await t.person({ roles: [{ role: 'registrar', scope: { type: 'region', id: 'default' } }] });
});
afterAll(() => t.close());

const EVIDENCE = { kind: 'in-person', reference: 'desk-3/birth-certificate-0815' } as const;

const post = (path: string, auth: string | undefined, json: unknown, method = 'POST') =>
  t.request(path, { method, json, ...(auth ? { auth } : {}) });

async function signIn(person: TestPerson): Promise<string> {
  const res = await post('/v1/sessions', undefined, { learnerNumber: person.learnerNumber, password: person.password });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).token;
}

async function status(person: { learnerNumber: string }): Promise<string> {
  return (await (await t.request(`/v1/people/${person.learnerNumber}`, { auth: 'admin' })).json()).status;
}

async function guardianRows(minorId: string): Promise<string[]> {
  return resultRows<{ guardian_id: string }>(
    await t.platform.database.db.execute(
      sql`select guardian_id from core.guardianships where minor_id = ${minorId} order by guardian_id`,
    ),
  ).map((r) => r.guardian_id);
}

async function audits(action: string, subjectId: string): Promise<Record<string, unknown>[]> {
  const res = await t.request(`/v1/audit?action=${action}&subjectId=${subjectId}&limit=100`, { auth: 'admin' });
  return (await res.json()).items;
}

async function pointAccount(owner: TestPerson): Promise<string> {
  const res = await post('/v1/ledger/accounts', 'admin', { asset: 'POINT', owner: { type: 'person', id: owner.id } });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).id;
}

function registration(dateOfBirth: string) {
  return {
    legalName: '李小龙',
    dateOfBirth,
    nationalId: { scheme: 'CN-RIC', number: testNationalId(dateOfBirth) },
    password: 'the child password',
  };
}

describe('attack 4: guardianship is of minors only, and ends at majority', () => {
  it('attack 4: a registrar cannot make an adult the guardian of another adult', async () => {
    const adult = await t.person({ verified: true });
    const wouldBe = await t.person({ verified: true });
    const res = await post(`/v1/people/${adult.learnerNumber}/guardians`, registrar.token, {
      guardianLearnerNumber: wouldBe.learnerNumber,
      evidence: EVIDENCE,
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await res.json()).code).toBe('IDENTITY_NOT_A_MINOR');
    expect(await guardianRows(adult.id)).toEqual([]);
    expect(await audits('person.guardian.added', adult.id)).toEqual([]);
    // …so the would-be guardian reads neither the adult's record nor their ledger.
    expect((await t.request(`/v1/people/${adult.learnerNumber}`, { auth: wouldBe.token })).status).toBe(403);
    const account = await pointAccount(adult);
    expect((await t.request(`/v1/ledger/accounts/${account}`, { auth: wouldBe.token })).status).toBe(404);
  });

  it('attack 4: a guardianship row left on an adult (as the attack wrote them) grants nothing', async () => {
    const adult = await t.person({ verified: true });
    const intruder = await t.person({ verified: true });
    await t.platform.database.db.execute(
      sql`insert into core.guardianships (minor_id, guardian_id) values (${adult.id}, ${intruder.id})`,
    );
    expect((await t.request(`/v1/people/${adult.learnerNumber}`, { auth: intruder.token })).status).toBe(403);
    const account = await pointAccount(adult);
    expect((await t.request(`/v1/ledger/accounts/${account}`, { auth: intruder.token })).status).toBe(404);
    const seen = await (await t.request(`/v1/wards/guardianship/${intruder.id}/${adult.id}`, { auth: 'admin' })).json();
    expect(seen).toMatchObject({ isGuardianOf: false, guardiansOf: [] });
    // Nor can the intruder, as "guardian", add someone else.
    const more = await post(`/v1/people/${adult.learnerNumber}/guardians`, intruder.token, {
      guardianLearnerNumber: registrar.learnerNumber,
    });
    expect(more.status).toBe(403);
    expect(await guardianRows(adult.id)).toEqual([intruder.id]);
  });

  it('attack 4: guardianship of a minor ends on the 18th birthday (fixed clock), everywhere at once', async () => {
    clock = START;
    try {
      const guardian = await t.person({ verified: true });
      // 18 on 2026-06-02 (UTC): a minor until the end of 2026-06-01.
      const child = await t.person({ dateOfBirth: '2008-06-02', guardian });
      const account = await pointAccount(child);
      const sees = async (token: string) => ({
        record: (await t.request(`/v1/people/${child.learnerNumber}`, { auth: token })).status,
        ledger: (await t.request(`/v1/ledger/accounts/${account}`, { auth: token })).status,
        plugin: await (await t.request(`/v1/wards/guardianship/${guardian.id}/${child.id}`, { auth: token })).json(),
      });

      clock = new Date('2026-06-01T23:59:59Z');
      expect(await sees(await signIn(guardian))).toEqual({
        record: 200,
        ledger: 200,
        plugin: { isGuardianOf: true, guardiansOf: [guardian.id], status: 'unverified' },
      });

      clock = new Date('2026-06-02T00:00:00Z');
      expect(await sees(await signIn(guardian))).toEqual({
        record: 403,
        ledger: 404,
        plugin: { isGuardianOf: false, guardiansOf: [], status: 'unverified' },
      });
      // The adult reads their own record; the former guardian adds nobody.
      expect((await t.request(`/v1/people/${child.learnerNumber}`, { auth: await signIn(child) })).status).toBe(200);
      const add = await post(`/v1/people/${child.learnerNumber}/guardians`, await signIn(guardian), {
        guardianLearnerNumber: registrar.learnerNumber,
      });
      expect(add.status).toBe(403);
    } finally {
      clock = START;
    }
  });

  it('attack 4: adding a guardian to a child needs an existing guardian, or a registrar with evidence', async () => {
    const parent = await t.person({ verified: true });
    const child = await t.person({ dateOfBirth: '2016-03-03', guardian: parent });
    const otherParent = await t.person({ verified: true });
    const stranger = await t.person({ verified: true });

    const byStranger = await post(`/v1/people/${child.learnerNumber}/guardians`, stranger.token, {
      guardianLearnerNumber: stranger.learnerNumber,
    });
    expect(byStranger.status).toBe(403);
    const withoutEvidence = await post(`/v1/people/${child.learnerNumber}/guardians`, registrar.token, {
      guardianLearnerNumber: otherParent.learnerNumber,
    });
    expect(withoutEvidence.status).toBe(400);
    expect((await withoutEvidence.json()).errors).toEqual([
      expect.objectContaining({ path: '/body/evidence', rule: 'required' }),
    ]);
    const himself = await post(`/v1/people/${child.learnerNumber}/guardians`, registrar.token, {
      guardianLearnerNumber: registrar.learnerNumber,
      evidence: EVIDENCE,
    });
    expect(himself.status).toBe(403);
    expect((await himself.json()).code).toBe('IDENTITY_CONFLICT_OF_INTEREST');
    const unverified = await t.person();
    const notEligible = await post(`/v1/people/${child.learnerNumber}/guardians`, parent.token, {
      guardianLearnerNumber: unverified.learnerNumber,
    });
    expect(notEligible.status).toBe(409);
    expect((await notEligible.json()).code).toBe('IDENTITY_GUARDIAN_NOT_ELIGIBLE');
    expect(await guardianRows(child.id)).toEqual([parent.id]);

    // The existing guardian consents by adding the co-guardian themself.
    const byParent = await post(`/v1/people/${child.learnerNumber}/guardians`, parent.token, {
      guardianLearnerNumber: otherParent.learnerNumber,
    });
    expect(byParent.status).toBe(204);
    expect(await guardianRows(child.id)).toEqual([parent.id, otherParent.id].sort());
    const [entry] = await audits('person.guardian.added', child.id);
    expect(entry).toMatchObject({
      actorId: parent.id,
      details: { guardianId: otherParent.id, basis: 'guardian-consent' },
    });

    const byRegistrar = await post(`/v1/people/${child.learnerNumber}/guardians`, registrar.token, {
      guardianLearnerNumber: stranger.learnerNumber,
      evidence: EVIDENCE,
    });
    expect(byRegistrar.status).toBe(204);
    const [latest] = await audits('person.guardian.added', child.id);
    expect(latest).toMatchObject({
      actorId: registrar.id,
      details: { guardianId: stranger.id, basis: 'registrar-evidence', evidence: EVIDENCE },
    });
  });
});

describe('attack 5: registering a minor, and the disputed national ID', () => {
  it('attack 5: an unverified adult cannot register a minor, and the ID stays free', async () => {
    const unverified = await t.person();
    const body = registration('2015-09-09');
    const res = await post('/v1/people', unverified.token, body);
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('IDENTITY_GUARDIAN_REQUIRED');
    const parent = await t.person({ verified: true });
    expect((await post('/v1/people', parent.token, body)).status).toBe(201);
  });

  it('attack 5: a registrar registering a minor names a verified guardian, on evidence', async () => {
    const parent = await t.person({ verified: true });
    const unverified = await t.person();
    const body = registration('2017-05-05');
    const named = (guardian: TestPerson, evidence?: unknown) =>
      post('/v1/people', registrar.token, {
        ...body,
        guardianLearnerNumber: guardian.learnerNumber,
        ...(evidence ? { guardianEvidence: evidence } : {}),
      });
    const noEvidence = await named(parent);
    expect(noEvidence.status).toBe(400);
    expect((await noEvidence.json()).errors[0]).toMatchObject({ path: '/body/guardianEvidence', rule: 'required' });
    const notVerified = await named(unverified, EVIDENCE);
    expect(notVerified.status).toBe(409);
    expect((await notVerified.json()).code).toBe('IDENTITY_GUARDIAN_NOT_ELIGIBLE');
    // An unprivileged adult cannot name someone else as the guardian either.
    const byParent = await post('/v1/people', parent.token, {
      ...body,
      guardianLearnerNumber: unverified.learnerNumber,
    });
    expect(byParent.status).toBe(403);

    const res = await named(parent, EVIDENCE);
    expect(res.status).toBe(201);
    const child = await res.json();
    expect(await guardianRows(child.id)).toEqual([parent.id]);
    expect((await audits('person.registered', child.id))[0]).toMatchObject({
      actorId: registrar.id,
      details: { guardianId: parent.id, evidence: EVIDENCE, minor: true },
    });
  });

  it('answers bad guardianship input with a 400 naming the field and rule, and writes nothing', async () => {
    const parent = await t.person({ verified: true });
    const child = await t.person({ dateOfBirth: '2016-08-08', guardian: parent });
    const other = await t.person({ verified: true });
    const put = (json: unknown) => post(`/v1/people/${child.learnerNumber}/guardians`, registrar.token, json, 'PUT');
    const typo = `${other.learnerNumber.slice(0, 15)}${other.learnerNumber.endsWith('0') ? '1' : '0'}`;
    const cases: [unknown, string, string][] = [
      [{ guardianLearnerNumbers: [], evidence: EVIDENCE }, '/body/guardianLearnerNumbers', 'arrayMinItems'],
      [
        { guardianLearnerNumbers: [other.learnerNumber, other.learnerNumber], evidence: EVIDENCE },
        '/body/guardianLearnerNumbers',
        'arrayUniqueItems',
      ],
      [{ guardianLearnerNumbers: [typo], evidence: EVIDENCE }, '/body/guardianLearnerNumbers/0', 'checkCharacter'],
      [
        { guardianLearnerNumbers: [other.learnerNumber], evidence: { kind: 'hearsay', reference: 'x' } },
        '/body/evidence/kind',
        '',
      ],
      [{ guardianLearnerNumbers: [other.learnerNumber], evidence: EVIDENCE, extra: 1 }, '/body', ''],
    ];
    for (const [json, path, rule] of cases) {
      const res = await put(json);
      expect(res.status, JSON.stringify(json)).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const errors = (await res.json()).errors as { path: string; rule: string }[];
      expect(
        errors.some((e) => e.path.startsWith(path) && (rule === '' || e.rule === rule)),
        JSON.stringify(errors),
      ).toBe(true);
    }
    const self = await post(`/v1/people/${child.learnerNumber}/guardians`, parent.token, {
      guardianLearnerNumber: child.learnerNumber,
    });
    expect(self.status).toBe(409);
    expect((await self.json()).code).toBe('IDENTITY_GUARDIAN_NOT_ELIGIBLE');
    expect(await guardianRows(child.id)).toEqual([parent.id]);
    expect(await audits('person.guardians.reassigned', child.id)).toEqual([]);
  });

  it('attack 5: a registrar removes a false guardian on evidence; the real parent takes over the record', async () => {
    const fraudster = await t.person({ verified: true });
    const parent = await t.person({ verified: true });
    const body = registration('2014-02-14');
    const registered = await post('/v1/people', fraudster.token, body);
    expect(registered.status).toBe(201);
    const child = await registered.json();
    const fraudsterAsChild = await signIn({
      ...fraudster,
      learnerNumber: child.learnerNumber,
      password: body.password,
    });

    // The real parent cannot register the child again…
    const again = await post('/v1/people', parent.token, { ...body, password: 'the parent password' });
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe('IDENTITY_ALREADY_REGISTERED');

    // …and proves parenthood to a registrar, who reassigns the guardianship (evidence required).
    const noEvidence = await post(
      `/v1/people/${child.learnerNumber}/guardians`,
      registrar.token,
      { guardianLearnerNumbers: [parent.learnerNumber] },
      'PUT',
    );
    expect(noEvidence.status).toBe(400);
    expect((await noEvidence.json()).errors[0]).toMatchObject({ path: '/body/evidence', rule: 'required' });
    expect(await guardianRows(child.id)).toEqual([fraudster.id]);

    const reassigned = await post(
      `/v1/people/${child.learnerNumber}/guardians`,
      registrar.token,
      { guardianLearnerNumbers: [parent.learnerNumber], evidence: EVIDENCE, minorPassword: 'a new child password' },
      'PUT',
    );
    expect(reassigned.status, await reassigned.clone().text()).toBe(200);
    expect(await reassigned.json()).toEqual({ learnerNumber: child.learnerNumber, guardians: [parent.learnerNumber] });
    expect(await guardianRows(child.id)).toEqual([parent.id]);

    // The false guardian lost everything: the record, and the child's account they signed in to.
    expect((await t.request(`/v1/people/${child.learnerNumber}`, { auth: fraudster.token })).status).toBe(403);
    expect((await t.request('/v1/me', { auth: fraudsterAsChild })).status).toBe(401);
    const oldPassword = await post('/v1/sessions', undefined, {
      learnerNumber: child.learnerNumber,
      password: body.password,
    });
    expect(oldPassword.status).toBe(401);
    // The real parent has the same record (number and national ID kept, still taken).
    const read = await t.request(`/v1/people/${child.learnerNumber}`, { auth: parent.token });
    expect(await read.json()).toMatchObject({ id: child.id, nationalId: child.nationalId });
    expect((await post('/v1/people', parent.token, body)).status).toBe(409);
    const [entry] = await audits('person.guardians.reassigned', child.id);
    expect(entry).toMatchObject({
      actorId: registrar.id,
      details: { removed: [fraudster.id], added: [parent.id], passwordReset: 'replaced', evidence: EVIDENCE },
    });
  });

  it('attack 5: without a new password the reassignment clears the old one; a false guardian cannot reassign', async () => {
    const fraudster = await t.person({
      verified: true,
      roles: [{ role: 'registrar', scope: { type: 'region', id: 'default' } }],
    });
    const parent = await t.person({ verified: true });
    const child = await t.person({ dateOfBirth: '2013-07-07', guardian: fraudster });
    const keep = await post(
      `/v1/people/${child.learnerNumber}/guardians`,
      fraudster.token,
      { guardianLearnerNumbers: [registrar.learnerNumber], evidence: EVIDENCE },
      'PUT',
    );
    expect(keep.status).toBe(403);
    expect((await keep.json()).code).toBe('IDENTITY_CONFLICT_OF_INTEREST');
    expect(await guardianRows(child.id)).toEqual([fraudster.id]);

    const res = await post(
      `/v1/people/${child.learnerNumber}/guardians`,
      registrar.token,
      { guardianLearnerNumbers: [parent.learnerNumber], evidence: EVIDENCE },
      'PUT',
    );
    expect(res.status).toBe(200);
    const signInAsChild = await post('/v1/sessions', undefined, {
      learnerNumber: child.learnerNumber,
      password: child.password,
    });
    expect(signInAsChild.status).toBe(401);
    expect((await audits('person.guardians.reassigned', child.id))[0]).toMatchObject({
      details: { passwordReset: 'cleared' },
    });
    // The registrar sets a new password with the same guardians, and the child signs in again.
    const reset = await post(
      `/v1/people/${child.learnerNumber}/guardians`,
      registrar.token,
      { guardianLearnerNumbers: [parent.learnerNumber], evidence: EVIDENCE, minorPassword: 'chosen with the parent' },
      'PUT',
    );
    expect(await reset.json()).toEqual({ learnerNumber: child.learnerNumber, guardians: [parent.learnerNumber] });
    expect(await signIn({ ...child, password: 'chosen with the parent' })).toMatch(/^lls_/);
  });

  it('attack 5: a reassignment to an adult, or to an unverified guardian, changes nothing', async () => {
    const adult = await t.person({ verified: true });
    const parent = await t.person({ verified: true });
    const toAdult = await post(
      `/v1/people/${adult.learnerNumber}/guardians`,
      registrar.token,
      { guardianLearnerNumbers: [parent.learnerNumber], evidence: EVIDENCE },
      'PUT',
    );
    expect(toAdult.status).toBe(409);
    expect((await toAdult.json()).code).toBe('IDENTITY_NOT_A_MINOR');
    expect(await guardianRows(adult.id)).toEqual([]);

    const child = await t.person({ dateOfBirth: '2012-12-12', guardian: parent });
    const unverified = await t.person();
    const toUnverified = await post(
      `/v1/people/${child.learnerNumber}/guardians`,
      registrar.token,
      { guardianLearnerNumbers: [unverified.learnerNumber], evidence: EVIDENCE },
      'PUT',
    );
    expect(toUnverified.status).toBe(409);
    expect((await toUnverified.json()).code).toBe('IDENTITY_GUARDIAN_NOT_ELIGIBLE');
    expect(await guardianRows(child.id)).toEqual([parent.id]);
    expect((await t.request(`/v1/people/${child.learnerNumber}`, { auth: await signIn(child) })).status).toBe(200);
  });
});

describe('attack 6: verification is a state machine with four eyes', () => {
  const decide = (who: string, person: { learnerNumber: string }, decision: 'approve' | 'reject') =>
    post(`/v1/people/${person.learnerNumber}/verification`, who, {
      decision,
      evidence: { kind: 'document-check', reference: 'case-42' },
    });
  const revoke = (who: string, person: { learnerNumber: string }, reason = 'The document was forged') =>
    post(`/v1/people/${person.learnerNumber}/verification/revocation`, who, { reason });

  it('attack 6: a registrar cannot verify themself', async () => {
    const self = await t.person({ roles: [{ role: 'registrar', scope: { type: 'region', id: 'default' } }] });
    const res = await decide(self.token, self, 'approve');
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await res.json()).code).toBe('IDENTITY_CONFLICT_OF_INTEREST');
    expect(await status(self)).toBe('unverified');
    expect(await audits('person.verification.approved', self.id)).toEqual([]);
  });

  it('attack 6: a registrar cannot decide on a person they are (or were) guardian of', async () => {
    const parent = await t.person({
      verified: true,
      roles: [{ role: 'registrar', scope: { type: 'region', id: 'default' } }],
    });
    const child = await t.person({ dateOfBirth: '2011-01-01', guardian: parent });
    expect((await decide(parent.token, child, 'approve')).status).toBe(403);
    expect(await status(child)).toBe('unverified');
    // Nor may the child, grown up and a registrar, revoke the parent.
    const grownUp = await t.person({ roles: [{ role: 'registrar', scope: { type: 'region', id: 'default' } }] });
    await t.platform.database.db.execute(
      sql`insert into core.guardianships (minor_id, guardian_id) values (${grownUp.id}, ${parent.id})`,
    );
    expect((await revoke(grownUp.token, parent)).status).toBe(403);
    expect((await decide(parent.token, grownUp, 'approve')).status).toBe(403);
    expect(await status(parent)).toBe('verified');
    expect(await status(grownUp)).toBe('unverified');
  });

  it('attack 6: "reject" of an open application rejects; of a verified person it is a 409 that changes nothing', async () => {
    const applicant = await t.person();
    const rejected = await decide(registrar.token, applicant, 'reject');
    expect(rejected.status).toBe(200);
    expect((await rejected.json()).status).toBe('rejected');

    const verified = await t.person({ verified: true });
    const res = await decide(registrar.token, verified, 'reject');
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      code: 'IDENTITY_VERIFICATION_TRANSITION_REFUSED',
      status: 409,
      detail: expect.stringContaining('verified'),
    });
    expect(await status(verified)).toBe('verified');
    expect(await audits('person.verification.rejected', verified.id)).toEqual([]);
  });

  it('attack 6: a verification can be revoked with a reason (audited), and then holds no new CREDIT account', async () => {
    const person = await t.person({ verified: true });
    const missingReason = await post(`/v1/people/${person.learnerNumber}/verification/revocation`, registrar.token, {});
    expect(missingReason.status).toBe(400);
    expect((await missingReason.json()).errors[0]).toMatchObject({ path: '/body/reason', rule: 'required' });

    const res = await revoke(registrar.token, person);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'revoked', verifiedAt: null });
    expect((await audits('person.verification.revoked', person.id))[0]).toMatchObject({
      actorId: registrar.id,
      details: { from: 'verified', to: 'revoked', reason: 'The document was forged' },
    });
    const credit = await post('/v1/ledger/accounts', 'admin', {
      asset: 'CREDIT',
      owner: { type: 'person', id: person.id },
    });
    expect(credit.status).toBe(400);
    expect((await credit.json()).errors[0]).toMatchObject({ rule: 'verifiedPerson' });
    const seen = await (
      await t.request(`/v1/wards/guardianship/${registrar.id}/${person.id}`, { auth: 'admin' })
    ).json();
    expect(seen.status).toBe('revoked');

    // A revoked verification may be restored on new evidence, by a registrar.
    const again = await decide(registrar.token, person, 'approve');
    expect((await again.json()).status).toBe('verified');
    expect(
      (await post('/v1/ledger/accounts', 'admin', { asset: 'CREDIT', owner: { type: 'person', id: person.id } }))
        .status,
    ).toBe(201);
  });

  it('refuses every other transition with a 409 and a stable code, and writes nothing', async () => {
    const rejected = await t.person();
    await decide('admin', rejected, 'reject');
    const unverified = await t.person();
    const verified = await t.person({ verified: true });
    const revoked = await t.person({ verified: true });
    await revoke('admin', revoked);
    const attempts: [string, () => Promise<TestResponse>, { learnerNumber: string; id: string }, string][] = [
      ['reject rejected', () => decide('admin', rejected, 'reject'), rejected, 'rejected'],
      ['revoke unverified', () => revoke('admin', unverified), unverified, 'unverified'],
      ['revoke rejected', () => revoke('admin', rejected), rejected, 'rejected'],
      ['revoke revoked', () => revoke('admin', revoked), revoked, 'revoked'],
      ['reject revoked', () => decide('admin', revoked, 'reject'), revoked, 'revoked'],
      ['approve verified', () => decide('admin', verified, 'approve'), verified, 'verified'],
    ];
    for (const [name, attempt, person, before] of attempts) {
      const res = await attempt();
      expect(res.status, name).toBe(409);
      expect((await res.json()).code, name).toBe('IDENTITY_VERIFICATION_TRANSITION_REFUSED');
      expect(await status(person), name).toBe(before);
    }
    // A rejected applicant can be verified on better evidence.
    expect((await (await decide(registrar.token, rejected, 'approve')).json()).status).toBe('verified');
  });

  it('records exactly one of 12 concurrent approvals; the others are 409', async () => {
    const person = await t.person();
    const results = await Promise.all(Array.from({ length: 12 }, () => decide(registrar.token, person, 'approve')));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(11).fill(409)]);
    expect(await audits('person.verification.approved', person.id)).toHaveLength(1);
  });
});

describe('attack 7 (last item): cheap checks before the password hash', () => {
  it('attack 7: a duplicate registration is refused without hashing the password', async () => {
    // A deliberately slow hash: a duplicate that still hashed would take as long as a sign-in.
    const slow = await createTestPlatform({ settings: { passwordHashCost: 17 } });
    try {
      const adult = { ...registration('1999-09-09'), legalName: 'Slow Hash', password: 'a slow enough password' };
      const first = await slow.request('/v1/people', { method: 'POST', json: adult });
      expect(first.status).toBe(201);
      const { learnerNumber } = await first.json();

      let started = performance.now();
      const signIn = await slow.request('/v1/sessions', {
        method: 'POST',
        json: { learnerNumber, password: adult.password },
      });
      const signInMs = performance.now() - started;
      expect(signIn.status).toBe(201);

      started = performance.now();
      const duplicates = await Promise.all(
        Array.from({ length: 3 }, () => slow.request('/v1/people', { method: 'POST', json: adult })),
      );
      const duplicatesMs = performance.now() - started;
      expect(duplicates.map((d) => d.status)).toEqual([409, 409, 409]);
      // Three hashes would take at least as long as the one in the sign-in; no hash takes a fraction.
      expect(duplicatesMs).toBeLessThan(signInMs / 2);
    } finally {
      await slow.close();
    }
  });
});
