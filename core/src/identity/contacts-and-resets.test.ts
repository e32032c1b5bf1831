import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMessage } from '../messaging/channels.js';
import { createTestPlatform, type TestPerson, type TestPlatform } from '../testing/index.js';
import { generateLearnerNumber } from './learner-number.js';

// A real SMTP server receives the platform's mail (nodemailer over TCP); SMS goes to a provider
// seam, here one that keeps what it was handed, as a region's provider adapter would send it.

interface Received {
  to: string;
  subject: string;
  text: string;
}
const mailbox: Received[] = [];
const texts: OutgoingMessage[] = [];
let smtp: SMTPServer;
let t: TestPlatform;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, done) {
      simpleParser(stream)
        .then((mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          mailbox.push({ to: to?.value[0]?.address ?? '', subject: mail.subject ?? '', text: mail.text ?? '' });
          done();
        })
        .catch(done);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  t = await createTestPlatform({
    settings: { smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Lifelong <no-reply@lifelong.test>' },
    messaging: { sms: { send: async (message) => void texts.push(message) } },
  });
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

const lastMailTo = (address: string) => mailbox.filter((m) => m.to === address).at(-1);
const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] as string;
const setContact = (person: TestPerson, kind: string, value: string, language?: string) =>
  t.request(`/v1/me/contacts/${kind}`, {
    method: 'PUT',
    auth: person.token,
    json: { value },
    ...(language ? { headers: { 'Accept-Language': language } } : {}),
  });
const verify = (person: TestPerson, kind: string, code: string) =>
  t.request(`/v1/me/contacts/${kind}/verification`, { method: 'POST', auth: person.token, json: { code } });
const resetRequest = (learnerNumber: string, channel = 'email') =>
  t.request('/v1/password-resets', { method: 'POST', json: { learnerNumber, channel } });
const resetConfirm = (learnerNumber: string, code: string, newPassword = 'recovered at last') =>
  t.request('/v1/password-resets/confirmation', { method: 'POST', json: { learnerNumber, code, newPassword } });

let seq = 0;
const email = (name = 'learner') => `${name}${++seq}.${Date.now()}@example.com`;

async function withVerifiedEmail(): Promise<{ person: TestPerson; address: string }> {
  const person = await t.person();
  const address = email();
  expect((await setContact(person, 'email', address)).status).toBe(202);
  expect((await verify(person, 'email', codeIn(lastMailTo(address)?.text ?? ''))).status).toBe(200);
  return { person, address };
}

describe('contact details', () => {
  it('verifies an email by the code that arrives, and shows it only masked', async () => {
    const person = await t.person();
    const address = email();
    const pending = await setContact(person, 'email', address.toUpperCase());
    expect(pending.status).toBe(202);
    expect(await pending.json()).toMatchObject({
      kind: 'email',
      masked: null,
      pending: { masked: `l***@example.com` },
    });
    const mail = lastMailTo(address);
    expect(mail?.subject).toBe('Your Lifelong verification code');
    const res = await verify(person, 'email', codeIn(mail?.text ?? ''));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      masked: 'l***@example.com',
      verifiedAt: expect.any(String),
      pending: null,
    });
    const listed = JSON.stringify(await (await t.request('/v1/me/contacts', { auth: person.token })).json());
    expect(listed).not.toContain(address);
    expect(t.rawLogs()).not.toContain(address);
  });

  it('writes the message in zh-CN when asked', async () => {
    const person = await t.person();
    const address = email();
    await setContact(person, 'email', address, 'zh-CN');
    expect(lastMailTo(address)?.subject).toBe('您的终身学习验证码');
  });

  it('texts a code to a mobile number through the SMS provider', async () => {
    const person = await t.person();
    expect((await setContact(person, 'phone', '+8613812345678')).status).toBe(202);
    const sms = texts.at(-1) as OutgoingMessage;
    expect(sms.to).toBe('+8613812345678');
    const res = await verify(person, 'phone', codeIn(sms.text));
    expect(await res.json()).toMatchObject({ kind: 'phone', masked: '+86138****5678' });
  });

  it('keeps the verified value until a change is confirmed', async () => {
    const { person } = await withVerifiedEmail();
    const next = email('zhang');
    const pending = await (await setContact(person, 'email', next)).json();
    expect(pending.masked).toBe('l***@example.com');
    expect(pending.pending.masked).toBe('z***@example.com');
    const listed = await (await t.request('/v1/me/contacts', { auth: person.token })).json();
    expect(listed.items[0].masked).toBe('l***@example.com');
    const confirmed = await (await verify(person, 'email', codeIn(lastMailTo(next)?.text ?? ''))).json();
    expect(confirmed).toMatchObject({ masked: 'z***@example.com', pending: null });
  });

  it('sends one code a minute at most (429 with Retry-After)', async () => {
    const person = await t.person();
    await setContact(person, 'email', email());
    const again = await setContact(person, 'email', email());
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await again.json()).code).toBe('IDENTITY_CODE_COOLDOWN');
  });

  it('refuses wrong codes with attempts left, then the code is used up (409)', async () => {
    const person = await t.person();
    const address = email();
    await setContact(person, 'email', address);
    const right = codeIn(lastMailTo(address)?.text ?? '');
    const wrong = right === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await verify(person, 'email', wrong);
      expect(res.status).toBe(400);
      expect((await res.json()).errors[0]).toMatchObject({ path: '/body/code', rule: 'code' });
    }
    const exhausted = await verify(person, 'email', right);
    expect(exhausted.status).toBe(409);
    expect(await exhausted.json()).toMatchObject({ code: 'IDENTITY_CONTACT_CODE_UNUSABLE', reason: 'attempts' });
  });

  it('checks the value against its kind, naming the rule', async () => {
    const person = await t.person();
    const bad = await setContact(person, 'phone', '13812345678');
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0]).toMatchObject({ path: '/body/value', rule: 'e164' });
    const badEmail = await setContact(person, 'email', 'not an address');
    expect((await badEmail.json()).errors[0]).toMatchObject({ path: '/body/value', rule: 'email' });
  });

  it('removes a contact, and a missing one is a 404', async () => {
    const { person } = await withVerifiedEmail();
    expect((await t.request('/v1/me/contacts/email', { method: 'DELETE', auth: person.token })).status).toBe(204);
    expect((await t.request('/v1/me/contacts/email', { method: 'DELETE', auth: person.token })).status).toBe(404);
  });

  it('is for people: an API key gets 403, nobody signed in 401', async () => {
    const p = await t.principals();
    expect((await t.request('/v1/me/contacts', { auth: p.institution.key })).status).toBe(403);
    expect((await t.request('/v1/me/contacts')).status).toBe(401);
  });
});

describe('password reset by a code', () => {
  it('sends a code to the verified email that works once, ends every session and notifies', async () => {
    const { person, address } = await withVerifiedEmail();
    const before = mailbox.length;
    const res = await resetRequest(person.learnerNumber);
    expect(res.status).toBe(202);
    expect(mailbox.length).toBe(before + 1);
    const mail = lastMailTo(address) as Received;
    expect(mail.subject).toBe('Reset your Lifelong password');
    const code = codeIn(mail.text);
    const done = await resetConfirm(person.learnerNumber, code);
    expect(done.status).toBe(200);
    expect((await done.json()).sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await t.request('/v1/me', { auth: person.token })).status).toBe(401);
    const session = await (
      await t.request('/v1/sessions', {
        method: 'POST',
        json: { learnerNumber: person.learnerNumber, password: 'recovered at last' },
      })
    ).json();
    const inbox = await (await t.request('/v1/me/notifications', { auth: session.token })).json();
    expect(inbox.items[0].kind).toBe('core.password.changed');
    const reused = await resetConfirm(person.learnerNumber, code, 'another new phrase');
    expect(reused.status).toBe(400);
    expect((await reused.json()).code).toBe('IDENTITY_RESET_CODE_INVALID');
  });

  it('answers the same for an unknown number, a person without that contact and a repeat, sending nothing more', async () => {
    const { person } = await withVerifiedEmail();
    const stranger = await t.person();
    const first = await resetRequest(person.learnerNumber);
    const sent = mailbox.length;
    const answers = [
      await resetRequest(person.learnerNumber),
      await resetRequest(stranger.learnerNumber),
      await resetRequest(generateLearnerNumber()),
      await resetRequest(person.learnerNumber, 'phone'),
    ];
    const expected = await first.text();
    for (const answer of answers) {
      expect(answer.status).toBe(202);
      expect(await answer.text()).toBe(expected);
    }
    expect(mailbox.length).toBe(sent);
  });

  it('gives every wrong case the same 400, and counts guesses towards the sign-in throttle', async () => {
    const { person } = await withVerifiedEmail();
    await resetRequest(person.learnerNumber);
    const stranger = await t.person();
    const wrongCode = await resetConfirm(person.learnerNumber, '000001');
    const noCode = await resetConfirm(stranger.learnerNumber, '000001');
    expect(wrongCode.status).toBe(400);
    expect(noCode.status).toBe(400);
    const strip = (body: Record<string, unknown>) => ({ ...body, requestId: undefined, instance: undefined });
    expect(strip(await wrongCode.json())).toEqual(strip(await noCode.json()));
    for (let i = 0; i < 4; i++) await resetConfirm(person.learnerNumber, `00000${i + 2}`);
    const locked = await resetConfirm(person.learnerNumber, '000009');
    expect(locked.status).toBe(429);
  });
});
