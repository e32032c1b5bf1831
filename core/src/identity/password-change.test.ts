import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import { generateLearnerNumber } from './learner-number.js';
import { passwordRuleBreak } from './password-policy.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const signIn = (learnerNumber: string, password: string) =>
  t.request('/v1/sessions', { method: 'POST', json: { learnerNumber, password } });
const change = (token: string, currentPassword: string, newPassword: string) =>
  t.request('/v1/me/password', { method: 'POST', auth: token, json: { currentPassword, newPassword } });
const me = (token: string) => t.request('/v1/me', { auth: token });
const family = async () => {
  const guardian = await t.person({ verified: true });
  return { guardian, minor: await t.person({ dateOfBirth: '2015-06-01', guardian }) };
};

describe('the password policy', () => {
  it.each([
    ['1234567890', 'common'],
    ['Password123', 'common'],
    ['woaini1314', 'common'],
    ['zyxwvutsrq', 'sequence'],
    ['asdfghjkl', 'sequence'],
    ['ABABABABABAB', 'repeated'],
    ['xxxxxxxxxxxx', 'repeated'],
  ])('refuses %s (%s)', (password, rule) => {
    expect(passwordRuleBreak(password)?.rule).toBe(rule);
  });

  it('refuses a password built from the person’s own numbers, ignoring case and separators', () => {
    expect(passwordRuleBreak('me-11010519491231002x!', ['11010519491231002X'])?.rule).toBe('personal');
  });

  it('lets an ordinary passphrase through', () => {
    expect(passwordRuleBreak('correct horse battery staple', ['11010519491231002X'])).toBeNull();
  });
});

describe('POST /v1/me/password', () => {
  it('changes the password, ends every other session and keeps this one', async () => {
    const person = await t.person();
    const other = await (await signIn(person.learnerNumber, person.password)).json();
    const res = await change(person.token, person.password, 'a brand new passphrase');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ sessionsEnded: 1 });
    expect((await me(person.token)).status).toBe(200);
    expect((await me(other.token)).status).toBe(401);
    expect((await signIn(person.learnerNumber, person.password)).status).toBe(401);
    expect((await signIn(person.learnerNumber, 'a brand new passphrase')).status).toBe(201);
  });

  it('refuses a wrong current password with 403 and changes nothing', async () => {
    const person = await t.person();
    const res = await change(person.token, 'not my password at all', 'a brand new passphrase');
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('IDENTITY_PASSWORD_INCORRECT');
    expect((await signIn(person.learnerNumber, person.password)).status).toBe(201);
  });

  it('counts wrong current passwords towards the sign-in throttle (429 with Retry-After)', async () => {
    const person = await t.person();
    for (let i = 0; i < 5; i++) await change(person.token, `wrong guess ${i}!!`, 'a brand new passphrase');
    const locked = await change(person.token, person.password, 'a brand new passphrase');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('applies the policy to the new password, naming the field and the rule', async () => {
    const person = await t.person();
    for (const [password, rule] of [
      ['poiuytrewq', 'sequence'],
      ['password123', 'common'],
      [`my number ${person.learnerNumber}`, 'personal'],
      [person.password, 'changed'],
    ] as const) {
      const res = await change(person.token, person.password, password);
      expect(res.status, password).toBe(400);
      expect((await res.json()).errors).toEqual([expect.objectContaining({ path: '/body/newPassword', rule })]);
    }
    expect((await signIn(person.learnerNumber, person.password)).status).toBe(201);
  });

  it('is for people: an API key gets 403, nobody signed in 401', async () => {
    const p = await t.principals();
    expect((await change(p.institution.key, 'x', 'a brand new passphrase')).status).toBe(403);
    const anonymous = await t.request('/v1/me/password', {
      method: 'POST',
      json: { currentPassword: 'x', newPassword: 'a brand new passphrase' },
    });
    expect(anonymous.status).toBe(401);
  });

  it('audits the change and never logs either password', async () => {
    const person = await t.person();
    await change(person.token, person.password, 'an audited new secret');
    const audit = await (
      await t.request('/v1/audit?action=person.password.changed&limit=100', { auth: 'admin' })
    ).json();
    expect(audit.items.some((entry: { subjectId: string }) => entry.subjectId === person.id)).toBe(true);
    expect(t.rawLogs()).not.toContain('an audited new secret');
    expect(t.rawLogs()).not.toContain(person.password);
  });
});

describe("PUT /v1/people/{learnerNumber}/password (a minor's guardian)", () => {
  it('sets the password and signs the minor out everywhere', async () => {
    const { guardian, minor } = await family();
    const res = await t.request(`/v1/people/${minor.learnerNumber}/password`, {
      method: 'PUT',
      auth: guardian.token,
      json: { newPassword: 'set by my parent' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await me(minor.token)).status).toBe(401);
    expect((await signIn(minor.learnerNumber, 'set by my parent')).status).toBe(201);
  });

  it('answers the same 403 for an adult, a stranger’s child and an unknown learner number', async () => {
    const { guardian } = await family();
    const stranger = await family();
    const adult = await t.person();
    for (const target of [adult.learnerNumber, stranger.minor.learnerNumber, generateLearnerNumber()]) {
      const res = await t.request(`/v1/people/${target}/password`, {
        method: 'PUT',
        auth: guardian.token,
        json: { newPassword: 'set by my parent' },
      });
      expect(res.status).toBe(403);
      expect((await res.json()).code).toBe('FORBIDDEN');
    }
  });
});

describe('registration', () => {
  it('refuses a common password, naming /body/password', async () => {
    const res = await t.request('/v1/people', {
      method: 'POST',
      json: {
        legalName: 'Wang Fang',
        dateOfBirth: '1990-01-01',
        nationalId: { scheme: 'CN-RIC', number: '11010519900101001X' },
        password: '1234567890',
      },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toContainEqual(
      expect.objectContaining({ path: '/body/password', rule: 'common' }),
    );
  });
});
