import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, testNationalId } from '../testing/index.js';
import { isRealDate } from '../time/dates.js';
import { mod11_2CheckChar } from './iso7064.js';

// A well-formed learner number that no one holds (the generator never starts with 10000...).
const UNUSED_NUMBER = `100000000000000${mod11_2CheckChar('100000000000000')}`;

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const registration = (overrides: Record<string, unknown> = {}) => {
  const dateOfBirth = typeof overrides.dateOfBirth === 'string' ? overrides.dateOfBirth : '1988-08-08';
  return {
    legalName: '王小明',
    dateOfBirth,
    nationalId: { scheme: 'CN-RIC', number: testNationalId(isRealDate(dateOfBirth) ? dateOfBirth : '1988-08-08') },
    password: 'a long enough password',
    ...overrides,
  };
};

const register = (body: unknown, init: { auth?: string; headers?: Record<string, string> } = {}) =>
  t.request('/v1/people', { method: 'POST', json: body, ...init });

async function auditCount(action: string): Promise<number> {
  const res = await t.request(`/v1/audit?action=${action}&limit=200`, { auth: 'admin' });
  return ((await res.json()) as { items: unknown[] }).items.length;
}

describe('registration', () => {
  it('gives an adult a learner number, unverified, with the national ID masked', async () => {
    const body = registration();
    const res = await register(body);
    expect(res.status).toBe(201);
    const person = await res.json();
    expect(person).toMatchObject({
      learnerNumber: expect.stringMatching(/^[1-9]\d{14}[\dX]$/),
      legalName: '王小明',
      dateOfBirth: '1988-08-08',
      status: 'unverified',
      regionId: 'default',
      isMinor: false,
      nationalId: {
        scheme: 'CN-RIC',
        masked: `${body.nationalId.number.slice(0, 6)}********${body.nationalId.number.slice(14)}`,
      },
    });
    expect(JSON.stringify(person)).not.toContain(body.nationalId.number);
  });

  it('answers a second registration of the same national ID with 409, without revealing the number', async () => {
    const body = registration();
    const first = await (await register(body)).json();
    const again = await register({ ...body, legalName: 'Someone Else', password: 'another password!' });
    expect(again.status).toBe(409);
    const problem = await again.json();
    expect(problem.code).toBe('IDENTITY_ALREADY_REGISTERED');
    expect(JSON.stringify(problem)).not.toContain(first.learnerNumber);
  });

  it('gives exactly one learner number to 20 concurrent registrations of one national ID', async () => {
    const body = registration();
    const responses = await Promise.all(Array.from({ length: 20 }, () => register(body)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  });

  it.each([
    ['an impossible date', { dateOfBirth: '1990-02-30' }, '/body/dateOfBirth'],
    ['a date in the future', { dateOfBirth: '2999-01-01' }, '/body/dateOfBirth'],
    ['an oversize name', { legalName: 'x'.repeat(201) }, '/body/legalName'],
    ['a name with control characters', { legalName: 'Bad\u0000Name' }, '/body/legalName'],
    ['an unknown field', { favouriteColour: 'blue' }, '/body/favouriteColour'],
    ['a wrong type', { dateOfBirth: 19900101 }, '/body/dateOfBirth'],
    ['a short password', { password: 'short' }, '/body/password'],
    [
      'a wrong national ID check character',
      { nationalId: { scheme: 'CN-RIC', number: '110105198808080011' } },
      '/body/nationalId/number',
    ],
    ['an unknown ID scheme', { nationalId: { scheme: 'ZZ-ID', number: '123' } }, '/body/nationalId/scheme'],
  ])('rejects %s with 400 naming the field, writing nothing', async (_name, override, path) => {
    const before = await auditCount('person.registered');
    const res = await register(registration(override));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = await res.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await auditCount('person.registered')).toBe(before);
  });

  it('rejects a national ID whose encoded birth date differs from dateOfBirth', async () => {
    const res = await register({
      ...registration(),
      nationalId: { scheme: 'CN-RIC', number: testNationalId('1970-01-01') },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0]).toMatchObject({ path: '/body/dateOfBirth', rule: 'matchesNationalId' });
  });

  it('refuses an anonymous registration of a minor and lets a signed-in, verified guardian register one', async () => {
    const minor = registration({ dateOfBirth: '2016-04-01', legalName: '小红' });
    const anonymous = await register(minor);
    expect(anonymous.status).toBe(403);
    expect((await anonymous.json()).code).toBe('IDENTITY_GUARDIAN_REQUIRED');

    const guardian = await t.person({ verified: true });
    const res = await register(minor, { auth: guardian.token });
    expect(res.status).toBe(201);
    const child = await res.json();
    expect(child.isMinor).toBe(true);
    // The guardian may read the child; the child's record is theirs to manage.
    const read = await t.request(`/v1/people/${child.learnerNumber}`, { auth: guardian.token });
    expect(read.status).toBe(200);
  });

  it('registers into the region named by the Lifelong-Region header, and refuses an unknown one', async () => {
    await t.request('/v1/regions', { method: 'POST', auth: 'admin', json: { id: 'cn-bj', name: 'Beijing' } });
    const res = await register(registration(), { headers: { 'Lifelong-Region': 'cn-bj' } });
    expect(res.status).toBe(201);
    expect((await res.json()).regionId).toBe('cn-bj');
    const unknown = await register(registration(), { headers: { 'Lifelong-Region': 'atlantis' } });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).code).toBe('IDENTITY_UNKNOWN_REGION');
  });

  it('never writes the national ID or the password to the logs', async () => {
    const body = registration();
    await register(body);
    const logs = t.rawLogs();
    expect(logs).not.toContain(body.nationalId.number);
    expect(logs).not.toContain(body.password);
  });
});

describe('reading a person', () => {
  it('validates the check character before touching the database', async () => {
    const person = await t.person();
    const typo = `${person.learnerNumber.slice(0, 15)}${person.learnerNumber.endsWith('0') ? '1' : '0'}`;
    const res = await t.request(`/v1/people/${typo}`, { auth: 'admin' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0]).toMatchObject({ path: '/params/learnerNumber', rule: 'checkCharacter' });
  });

  it('answers 401 without credentials and 403 to another learner, existing number or not', async () => {
    const person = await t.person();
    const other = await t.person();
    expect((await t.request(`/v1/people/${person.learnerNumber}`)).status).toBe(401);
    expect((await t.request(`/v1/people/${person.learnerNumber}`, { auth: other.token })).status).toBe(403);
    expect((await t.request(`/v1/people/${UNUSED_NUMBER}`, { auth: other.token })).status).toBe(403);
    expect((await t.request(`/v1/people/${UNUSED_NUMBER}`, { auth: 'admin' })).status).toBe(404);
  });

  it('shows a person their own record', async () => {
    const person = await t.person({ legalName: 'Self Reader' });
    const res = await t.request(`/v1/people/${person.learnerNumber}`, { auth: person.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ learnerNumber: person.learnerNumber, legalName: 'Self Reader' });
  });
});

describe('verification', () => {
  it('moves a person to verified on a registrar approval, audited with the evidence kind', async () => {
    const registrar = await t.person({ roles: [{ role: 'registrar', scope: { type: 'region', id: 'default' } }] });
    const person = await t.person();
    const res = await t.request(`/v1/people/${person.learnerNumber}/verification`, {
      method: 'POST',
      auth: registrar.token,
      json: { decision: 'approve', evidence: { kind: 'in-person', reference: 'desk-7/2026-11-27' } },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'verified', verifiedAt: expect.any(String) });
    const audit = await t.request(`/v1/audit?action=person.verification.approved&subjectId=${person.id}`, {
      auth: 'admin',
    });
    expect((await audit.json()).items[0]).toMatchObject({
      actorId: registrar.id,
      details: { evidence: { kind: 'in-person' } },
    });
  });

  it('moves a rejected person to rejected (not verified) and records the rejection', async () => {
    const person = await t.person();
    const res = await t.request(`/v1/people/${person.learnerNumber}/verification`, {
      method: 'POST',
      auth: 'admin',
      json: { decision: 'reject', evidence: { kind: 'document-check', reference: 'blurred scan', note: 'ask again' } },
    });
    expect(await res.json()).toMatchObject({ status: 'rejected', verifiedAt: null });
    const audit = await t.request(`/v1/audit?action=person.verification.rejected&subjectId=${person.id}`, {
      auth: 'admin',
    });
    expect((await audit.json()).items[0]).toMatchObject({
      details: { from: 'unverified', to: 'rejected', note: 'ask again' },
    });
  });

  it('refuses a registrar of another region', async () => {
    await t.request('/v1/regions', { method: 'POST', auth: 'admin', json: { id: 'cn-sh', name: 'Shanghai' } });
    const registrar = await t.person({ roles: [{ role: 'registrar', scope: { type: 'region', id: 'cn-sh' } }] });
    const person = await t.person();
    const res = await t.request(`/v1/people/${person.learnerNumber}/verification`, {
      method: 'POST',
      auth: registrar.token,
      json: { decision: 'approve', evidence: { kind: 'in-person', reference: 'x' } },
    });
    expect(res.status).toBe(403);
    const after = await t.request(`/v1/people/${person.learnerNumber}`, { auth: 'admin' });
    expect((await after.json()).status).toBe('unverified');
  });
});

describe('merging duplicates', () => {
  it('moves roles and guardianships to the survivor and leaves a redirecting tombstone', async () => {
    const regionAdmin = await t.person({ roles: [{ role: 'region-admin', scope: { type: 'region', id: 'default' } }] });
    const survivor = await t.person();
    const duplicate = await t.person({ roles: [{ role: 'teacher', scope: { type: 'region', id: 'default' } }] });
    const child = await t.person({ dateOfBirth: '2017-01-01', guardian: duplicate });

    const res = await t.request(`/v1/people/${duplicate.learnerNumber}/merge`, {
      method: 'POST',
      auth: regionAdmin.token,
      json: { into: survivor.learnerNumber, reason: 'Registered twice with two documents' },
    });
    expect(res.status).toBe(200);

    const tombstone = await t.request(`/v1/people/${duplicate.learnerNumber}`, { auth: 'admin' });
    expect(tombstone.status).toBe(308);
    expect(tombstone.headers.get('location')).toBe(`/v1/people/${survivor.learnerNumber}`);

    const roles = await (await t.request(`/v1/people/${survivor.learnerNumber}/roles`, { auth: 'admin' })).json();
    expect(roles.items.map((g: { role: string }) => g.role)).toContain('teacher');
    // The survivor is now the child's guardian; the duplicate's session no longer works.
    expect((await t.request(`/v1/people/${child.learnerNumber}`, { auth: survivor.token })).status).toBe(200);
    expect((await t.request('/v1/me', { auth: duplicate.token })).status).toBe(401);
    const signIn = await t.request('/v1/sessions', {
      method: 'POST',
      json: { learnerNumber: duplicate.learnerNumber, password: duplicate.password },
    });
    expect(signIn.status).toBe(401);
  });

  it('refuses a merge into itself and a merge by a learner', async () => {
    const person = await t.person();
    const other = await t.person();
    const self = await t.request(`/v1/people/${person.learnerNumber}/merge`, {
      method: 'POST',
      auth: 'admin',
      json: { into: person.learnerNumber, reason: 'x' },
    });
    expect(self.status).toBe(409);
    const byLearner = await t.request(`/v1/people/${person.learnerNumber}/merge`, {
      method: 'POST',
      auth: other.token,
      json: { into: other.learnerNumber, reason: 'x' },
    });
    expect(byLearner.status).toBe(403);
  });
});
