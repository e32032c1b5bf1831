import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../db/database.js';
import { createTestPlatform, type TestPerson, type TestPlatform, type TestResponse } from '../testing/index.js';
import { totpAt } from './totp.js';

// A clock the test moves: each TOTP code works once per 30-second step, so a test that needs a
// fresh code moves the clock one step on, as a person waiting for the next code would.
let clock = new Date();
const nextStep = () => {
  clock = new Date(clock.getTime() + 30_000);
};
let t: TestPlatform;

beforeAll(async () => {
  t = await createTestPlatform({ now: () => clock });
  await t.request('/v1/regions', { method: 'POST', auth: 'admin', json: { id: 'strict', name: 'Strict' } });
});
afterAll(() => t.close());

const post = (path: string, json: unknown, auth?: string) =>
  t.request(path, { method: 'POST', json, ...(auth ? { auth } : {}) });
const signIn = (person: TestPerson, extra: Record<string, string> = {}) =>
  post('/v1/sessions', { learnerNumber: person.learnerNumber, password: person.password, ...extra });
const codeFor = (secret: string) => totpAt({ base32: secret }, clock);

/** Enrols and confirms from the person's session; answers the secret and the recovery codes. */
async function withTwoFactor(person: TestPerson): Promise<{ secret: string; recoveryCodes: string[] }> {
  const enrolment = await post('/v1/me/two-factor', { password: person.password }, person.token);
  expect(enrolment.status, await enrolment.clone().text()).toBe(201);
  const { secret } = await enrolment.json();
  const confirmed = await post('/v1/me/two-factor/confirmation', { code: codeFor(secret) }, person.token);
  expect(confirmed.status, await confirmed.clone().text()).toBe(200);
  nextStep();
  return { secret, recoveryCodes: (await confirmed.json()).recoveryCodes };
}

async function problemCode(res: TestResponse): Promise<string> {
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return (await res.json()).code;
}

describe('enrolling an authenticator app', () => {
  it('shows the secret once as an otpauth URI, keeps it encrypted, and turns on with a first code', async () => {
    const person = await t.person();
    const otherSession = (await (await signIn(person)).json()).token as string;

    const wrong = await post('/v1/me/two-factor', { password: 'not the password' }, person.token);
    expect(wrong.status).toBe(403);
    expect(await problemCode(wrong)).toBe('IDENTITY_PASSWORD_INCORRECT');

    const enrolment = await post('/v1/me/two-factor', { password: person.password }, person.token);
    expect(enrolment.status).toBe(201);
    const body = await enrolment.json();
    expect(body).toMatchObject({ issuer: 'Lifelong', algorithm: 'SHA1', digits: 6, period: 30 });
    const uri = new URL(body.otpauthUri);
    expect(uri.searchParams.get('secret')).toBe(body.secret);
    expect(decodeURIComponent(uri.pathname)).toBe(`/Lifelong:${person.learnerNumber}`);

    // At rest the secret is an AES-GCM ciphertext, never the secret; no log line holds it.
    const [row] = resultRows<{ ciphertext: string }>(
      await t.platform.database.db.execute(
        sql`select ciphertext from core.two_factor_secrets where person_id = ${person.id}`,
      ),
    );
    expect(row?.ciphertext).toBeTruthy();
    expect(row?.ciphertext).not.toContain(body.secret);
    expect(Buffer.from(row?.ciphertext ?? '', 'base64').toString('latin1')).not.toContain(body.secret);
    expect(t.rawLogs()).not.toContain(body.secret);

    // Pending: sign-in is unchanged until a first code confirms it.
    const pending = await t.request('/v1/me/two-factor', { auth: person.token });
    expect(await pending.json()).toMatchObject({ status: 'pending', recoveryCodesLeft: 0, required: false });
    expect((await signIn(person)).status).toBe(201);

    const badCode = await post('/v1/me/two-factor/confirmation', { code: '000000' }, person.token);
    expect(badCode.status).toBe(401);
    expect(await problemCode(badCode)).toBe('IDENTITY_SECOND_FACTOR_INVALID');
    const malformed = await post('/v1/me/two-factor/confirmation', { code: '12345' }, person.token);
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).errors[0]).toMatchObject({ path: '/body/code', rule: 'stringPattern' });

    const confirmed = await post('/v1/me/two-factor/confirmation', { code: codeFor(body.secret) }, person.token);
    expect(confirmed.status).toBe(200);
    const { recoveryCodes, sessionsEnded } = await confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(sessionsEnded).toBeGreaterThanOrEqual(2);
    // Sessions opened without the factor end; this one stays.
    expect((await t.request('/v1/me', { auth: otherSession })).status).toBe(401);
    expect((await t.request('/v1/me', { auth: person.token })).status).toBe(200);
    const on = await (await t.request('/v1/me/two-factor', { auth: person.token })).json();
    expect(on).toMatchObject({ status: 'on', recoveryCodesLeft: 10, required: false });

    // Recovery codes are kept as keyed hashes only.
    const stored = resultRows<{ code_hash: string }>(
      await t.platform.database.db.execute(
        sql`select code_hash from core.recovery_codes where person_id = ${person.id}`,
      ),
    );
    expect(stored).toHaveLength(10);
    for (const code of recoveryCodes) {
      expect(stored.map((s) => s.code_hash)).not.toContain(code);
      expect(t.rawLogs()).not.toContain(code);
    }
    // A second enrolment while on is refused.
    const again = await post('/v1/me/two-factor', { password: person.password }, person.token);
    expect(again.status).toBe(409);
    expect((await again.json()).reason).toBe('enabled');
    const inbox = await (await t.request('/v1/me/notifications', { auth: person.token })).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toContain('core.two-factor.enabled');
  });

  it('a confirmation without an enrolment is a 409 naming the reason', async () => {
    const person = await t.person();
    const res = await post('/v1/me/two-factor/confirmation', { code: '123456' }, person.token);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'IDENTITY_TWO_FACTOR_STATE', reason: 'not-pending' });
  });
});

describe('signing in with the second factor', () => {
  it('asks for the code, takes each code once, and takes each recovery code once', async () => {
    const person = await t.person();
    const { secret, recoveryCodes } = await withTwoFactor(person);

    const withoutCode = await signIn(person);
    expect(withoutCode.status).toBe(401);
    expect(await problemCode(withoutCode)).toBe('IDENTITY_SECOND_FACTOR_REQUIRED');

    // A right code does not rescue a wrong password, and the answer is the password one.
    const wrongPassword = await post('/v1/sessions', {
      learnerNumber: person.learnerNumber,
      password: 'not the password',
      code: codeFor(secret),
    });
    expect(wrongPassword.status).toBe(401);
    expect(await problemCode(wrongPassword)).toBe('IDENTITY_INVALID_CREDENTIALS');

    const code = codeFor(secret);
    const ok = await signIn(person, { code });
    expect(ok.status).toBe(201);
    expect((await ok.json()).token).toMatch(/^lls_/);
    // The same code again (a replay, or someone reading over a shoulder) is refused.
    const replay = await signIn(person, { code });
    expect(replay.status).toBe(401);
    expect(await problemCode(replay)).toBe('IDENTITY_SECOND_FACTOR_INVALID');
    // The previous step's code was not used but is older than the one used: refused too.
    const older = totpAt({ base32: secret }, new Date(clock.getTime() - 30_000));
    expect((await signIn(person, { code: older })).status).toBe(401);
    nextStep();
    expect((await signIn(person, { code: codeFor(secret) })).status).toBe(201);

    // A recovery code, typed in capitals without the hyphen, works once.
    const recovery = (recoveryCodes[0] as string).replace('-', '').toUpperCase();
    expect((await signIn(person, { recoveryCode: recovery })).status).toBe(201);
    expect((await signIn(person, { recoveryCode: recoveryCodes[0] as string })).status).toBe(401);
    const status = await (await t.request('/v1/me/two-factor', { auth: person.token })).json();
    expect(status.recoveryCodesLeft).toBe(9);
    const inbox = await (await t.request('/v1/me/notifications', { auth: person.token })).json();
    expect(inbox.items.map((n: { kind: string }) => n.kind)).toContain('core.two-factor.recovery-code-used');

    // Audited with the factor used.
    const audit = resultRows<{ details: { secondFactor?: string } }>(
      await t.platform.database.db.execute(
        sql`select details from core.audit_log where action = 'session.signed-in' and subject_id = ${person.id}`,
      ),
    );
    expect(audit.map((a) => a.details?.secondFactor)).toEqual(expect.arrayContaining(['totp', 'recovery-code']));
  });

  it('of parallel sign-ins with one code, exactly one gets a session; so with one recovery code', async () => {
    const person = await t.person();
    const { secret, recoveryCodes } = await withTwoFactor(person);
    const code = codeFor(secret);
    const byCode = await Promise.all(Array.from({ length: 4 }, () => signIn(person, { code })));
    expect(byCode.map((r) => r.status).sort()).toEqual([201, 401, 401, 401]);
    // Past any back-off the failures started.
    clock = new Date(clock.getTime() + 20 * 60_000);
    const recoveryCode = recoveryCodes[2] as string;
    const byRecovery = await Promise.all(Array.from({ length: 4 }, () => signIn(person, { recoveryCode })));
    expect(byRecovery.map((r) => r.status).sort()).toEqual([201, 401, 401, 401]);
    clock = new Date(clock.getTime() + 20 * 60_000);
  });

  it('wrong codes count towards the sign-in throttle (429 with Retry-After)', async () => {
    const person = await t.person();
    await withTwoFactor(person);
    for (let i = 0; i < 5; i++) expect((await signIn(person, { code: '000000' })).status).toBe(401);
    const locked = await signIn(person, { code: '000000' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    clock = new Date(clock.getTime() + 20 * 60_000);
  });

  it('new recovery codes replace the old ones', async () => {
    const person = await t.person();
    const { secret, recoveryCodes } = await withTwoFactor(person);
    const renewed = await post('/v1/me/two-factor/recovery-codes', { code: codeFor(secret) }, person.token);
    expect(renewed.status).toBe(200);
    const fresh = (await renewed.json()).recoveryCodes as string[];
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => recoveryCodes.includes(c))).toBe(false);
    expect((await signIn(person, { recoveryCode: recoveryCodes[1] as string })).status).toBe(401);
    expect((await signIn(person, { recoveryCode: fresh[1] as string })).status).toBe(201);
  });
});

describe('turning it off', () => {
  it('needs exactly one proof; a wrong one changes nothing; then sign-in needs no code', async () => {
    const person = await t.person();
    const { secret } = await withTwoFactor(person);
    const none = await post('/v1/me/two-factor/removal', {}, person.token);
    expect(none.status).toBe(400);
    expect((await none.json()).errors[0]).toMatchObject({ path: '/body', rule: 'required' });
    const two = await post('/v1/me/two-factor/removal', { password: person.password, code: '123456' }, person.token);
    expect(two.status).toBe(400);
    const wrong = await post('/v1/me/two-factor/removal', { password: 'not the password' }, person.token);
    expect(wrong.status).toBe(403);
    const wrongCode = await post('/v1/me/two-factor/removal', { code: '000000' }, person.token);
    expect(wrongCode.status).toBe(401);
    expect((await signIn(person)).status).toBe(401);

    const off = await post('/v1/me/two-factor/removal', { code: codeFor(secret) }, person.token);
    expect(off.status).toBe(204);
    nextStep();
    expect((await signIn(person)).status).toBe(201);
    const status = await (await t.request('/v1/me/two-factor', { auth: person.token })).json();
    expect(status).toMatchObject({ status: 'off', recoveryCodesLeft: 0 });
    const rows = resultRows<{ n: number | string }>(
      await t.platform.database.db.execute(
        sql`select count(*) as n from core.recovery_codes where person_id = ${person.id}`,
      ),
    );
    expect(Number(rows[0]?.n)).toBe(0);
    const again = await post('/v1/me/two-factor/removal', { password: person.password }, person.token);
    expect(again.status).toBe(409);
  });

  it('also by password', async () => {
    const person = await t.person();
    await withTwoFactor(person);
    expect((await post('/v1/me/two-factor/removal', { password: person.password }, person.token)).status).toBe(204);
    expect((await signIn(person)).status).toBe(201);
  });
});

describe('a region requiring two-factor sign-in of privileged roles', () => {
  it('tells a privileged person to enrol, lets them, and keeps it on while required', async () => {
    const inStrict = (role: string) => [{ role, scope: { type: 'region', id: 'strict' } }];
    const admin = await t.person({ region: 'strict', roles: inStrict('region-admin') });
    const registrar = await t.person({ region: 'strict', roles: inStrict('registrar') });
    const issuer = await t.person({ region: 'strict', roles: inStrict('issuer') });
    const learner = await t.person({ region: 'strict' });
    const defaultAdmin = await t.person({
      roles: [{ role: 'region-admin', scope: { type: 'region', id: 'default' } }],
    });
    const platformAdmin = await t.person({ roles: [{ role: 'platform-admin', scope: { type: 'platform' } }] });
    const registrarRefresh = (await (await signIn(registrar)).json()).refreshToken as string;

    // Only the region's own admins (and platform admins) set it; for others an unknown region looks the same.
    const put = (auth: string, regionId: string, required: boolean) =>
      t.request(`/v1/regions/${regionId}/two-factor`, { method: 'PUT', auth, json: { required } });
    expect((await put(defaultAdmin.token, 'strict', true)).status).toBe(403);
    expect((await put(defaultAdmin.token, 'nowhere', true)).status).toBe(403);
    expect((await put(learner.token, 'strict', true)).status).toBe(403);
    expect((await put('admin', 'nowhere', true)).status).toBe(404);
    const set = await put(admin.token, 'strict', true);
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ id: 'strict', twoFactorRequired: true });
    const listed = await (await t.request('/v1/regions')).json();
    expect(listed.items.find((r: { id: string }) => r.id === 'strict').twoFactorRequired).toBe(true);
    expect(listed.items.find((r: { id: string }) => r.id === 'default').twoFactorRequired).toBe(false);

    // Privileged people without a factor get a clear problem telling them how to enrol; a learner signs in.
    for (const person of [registrar, issuer, admin]) {
      const res = await signIn(person);
      expect(res.status).toBe(403);
      const problem = await res.json();
      expect(problem.code).toBe('IDENTITY_TWO_FACTOR_ENROLMENT_REQUIRED');
      expect(problem.detail).toContain('/v1/sessions/two-factor-enrolment');
    }
    expect((await signIn(learner)).status).toBe(201);
    expect((await signIn(defaultAdmin)).status).toBe(201);

    // A session opened before the requirement ends at its next refresh.
    const refreshed = await post('/v1/sessions/refresh', { refreshToken: registrarRefresh });
    expect(refreshed.status).toBe(403);
    expect(await problemCode(refreshed)).toBe('IDENTITY_TWO_FACTOR_ENROLMENT_REQUIRED');
    expect((await post('/v1/sessions/refresh', { refreshToken: registrarRefresh })).status).toBe(401);

    // Enrolling without a session: the password checked like a sign-in, then a first code signs in.
    const unknown = await post('/v1/sessions/two-factor-enrolment', {
      learnerNumber: registrar.learnerNumber,
      password: 'not the password',
    });
    expect(unknown.status).toBe(401);
    expect(await problemCode(unknown)).toBe('IDENTITY_INVALID_CREDENTIALS');
    const enrolment = await post('/v1/sessions/two-factor-enrolment', {
      learnerNumber: registrar.learnerNumber,
      password: registrar.password,
    });
    expect(enrolment.status).toBe(201);
    const { secret } = await enrolment.json();
    const confirmed = await post('/v1/sessions/two-factor-enrolment/confirmation', {
      learnerNumber: registrar.learnerNumber,
      password: registrar.password,
      code: codeFor(secret),
    });
    expect(confirmed.status).toBe(201);
    const { session, recoveryCodes } = await confirmed.json();
    expect(recoveryCodes).toHaveLength(10);
    nextStep();

    // With the factor the registrar works: verifies a person of the region.
    const verified = await post(
      `/v1/people/${learner.learnerNumber}/verification`,
      { decision: 'approve', evidence: { kind: 'in-person', reference: 'desk 3' } },
      session.token,
    );
    expect(verified.status, await verified.clone().text()).toBe(200);
    expect((await signIn(registrar, { code: codeFor(secret) })).status).toBe(201);
    nextStep();

    // While required it stays on.
    const status = await (await t.request('/v1/me/two-factor', { auth: session.token })).json();
    expect(status).toMatchObject({ status: 'on', required: true });
    const removal = await post('/v1/me/two-factor/removal', { code: codeFor(secret) }, session.token);
    expect(removal.status).toBe(409);
    expect((await removal.json()).reason).toBe('required');

    // A platform-wide privileged grant is covered by every region's requirement.
    expect((await signIn(platformAdmin)).status).toBe(403);

    // Lifted: sign-in without a factor works again for those who have none.
    expect((await put('admin', 'strict', false)).status).toBe(200);
    expect((await signIn(issuer)).status).toBe(201);
    expect((await signIn(platformAdmin)).status).toBe(201);
    const audit = resultRows<{ n: number | string }>(
      await t.platform.database.db.execute(
        sql`select count(*) as n from core.audit_log where action = 'region.two-factor.set' and subject_id = 'strict'`,
      ),
    );
    expect(Number(audit[0]?.n)).toBe(2);
  });
});

describe('two-factor routes refuse API keys and anonymous callers', () => {
  const routes: [string, string, unknown][] = [
    ['GET', '/v1/me/two-factor', undefined],
    ['POST', '/v1/me/two-factor', { password: 'x' }],
    ['POST', '/v1/me/two-factor/confirmation', { code: '123456' }],
    ['POST', '/v1/me/two-factor/removal', { password: 'x' }],
    ['POST', '/v1/me/two-factor/recovery-codes', { code: '123456' }],
  ];
  for (const [method, path, json] of routes) {
    it(`${method} ${path}`, async () => {
      const anonymous = await t.request(path, { method, ...(json ? { json } : {}) });
      expect(anonymous.status).toBe(401);
      const key = await t.request(path, { method, auth: 'admin', ...(json ? { json } : {}) });
      expect(key.status).toBe(403);
      expect(key.headers.get('content-type')).toBe('application/problem+json');
    });
  }

  it('every status answered is declared in OpenAPI', async () => {
    expect(await t.undeclaredStatuses()).toEqual([]);
  });
});
