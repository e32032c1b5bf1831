import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../db/database.js';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import { hashToken, pruneRetiredRefreshTokens } from './sessions-service.js';

// A clock the tests move forward, to see tokens expire and back-off end.
let now = new Date('2026-11-27T09:00:00Z');
const advance = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000);
};

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({
    now: () => now,
    settings: { sessionTtlSeconds: 600, refreshTtlSeconds: 3600, trustProxy: true },
  });
});
afterAll(() => t.close());

const signIn = (learnerNumber: string, password: string, headers: Record<string, string> = {}) =>
  t.request('/v1/sessions', { method: 'POST', json: { learnerNumber, password }, headers });

describe('sign-in', () => {
  it('issues a session token that identifies the person, and a refresh token', async () => {
    const person = await t.person();
    const res = await signIn(person.learnerNumber, person.password);
    expect(res.status).toBe(201);
    const session = await res.json();
    expect(session).toMatchObject({
      token: expect.stringMatching(/^lls_/),
      refreshToken: expect.stringMatching(/^llr_/),
      expiresAt: new Date(now.getTime() + 600_000).toISOString(),
    });
    const me = await t.request('/v1/me', { auth: session.token });
    expect(await me.json()).toMatchObject({
      kind: 'person',
      id: person.id,
      person: { learnerNumber: person.learnerNumber },
    });
  });

  it('answers a wrong password and an unknown account alike', async () => {
    const person = await t.person();
    const wrong = await signIn(person.learnerNumber, 'not the password');
    const unknown = await signIn('100000000000000X', 'not the password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a.code).toBe('IDENTITY_INVALID_CREDENTIALS');
    expect({ ...a, requestId: undefined }).toEqual({ ...b, requestId: undefined });
  });

  it('backs off exponentially after five failures, telling when to retry, then lets the right password in', async () => {
    const person = await t.person();
    for (let i = 0; i < 5; i++)
      expect((await signIn(person.learnerNumber, `wrong ${i}`, { 'X-Forwarded-For': `10.0.0.${i}` })).status).toBe(401);
    const throttled = await signIn(person.learnerNumber, person.password);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('1');
    expect((await throttled.json()).code).toBe('IDENTITY_SIGN_IN_THROTTLED');

    advance(2);
    expect((await signIn(person.learnerNumber, 'wrong again')).status).toBe(401);
    const longer = await signIn(person.learnerNumber, person.password);
    expect(longer.status).toBe(429);
    expect(longer.headers.get('retry-after')).toBe('2');

    advance(3);
    expect((await signIn(person.learnerNumber, person.password)).status).toBe(201);
    // Success clears the account's counter: one more failure does not lock again.
    expect((await signIn(person.learnerNumber, 'wrong once')).status).toBe(401);
    expect((await signIn(person.learnerNumber, person.password)).status).toBe(201);
  });

  it('backs off an address that guesses at many accounts, leaving other addresses alone', async () => {
    const person = await t.person();
    const attacker = { 'X-Forwarded-For': '198.51.100.7' };
    for (let i = 0; i < 50; i++) {
      await signIn(`9${String(i).padStart(14, '0')}X`, 'guess', attacker);
    }
    const blocked = await signIn(person.learnerNumber, person.password, attacker);
    expect(blocked.status).toBe(429);
    const elsewhere = await signIn(person.learnerNumber, person.password, { 'X-Forwarded-For': '198.51.100.8' });
    expect(elsewhere.status).toBe(201);
  });

  it('records failed sign-ins in the audit log without the password', async () => {
    const person = await t.person();
    await signIn(person.learnerNumber, 'a guessed password');
    const res = await t.request(`/v1/audit?action=session.sign-in-failed&subjectId=${person.id}`, { auth: 'admin' });
    const { items } = await res.json();
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items)).not.toContain('a guessed password');
  });
});

describe('session lifetime', () => {
  it('expires tokens after their lifetime', async () => {
    const person = await t.person();
    expect((await t.request('/v1/me', { auth: person.token })).status).toBe(200);
    advance(601);
    const res = await t.request('/v1/me', { auth: person.token });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toContain('invalid_token');
  });

  it('refreshes into a new pair and retires the old one', async () => {
    const person = await t.person();
    const session = await (await signIn(person.learnerNumber, person.password)).json();
    const refreshed = await t.request('/v1/sessions/refresh', {
      method: 'POST',
      json: { refreshToken: session.refreshToken },
    });
    expect(refreshed.status).toBe(201);
    const pair = await refreshed.json();
    expect(pair.token).not.toBe(session.token);
    expect((await t.request('/v1/me', { auth: session.token })).status).toBe(401);
    expect((await t.request('/v1/me', { auth: pair.token })).status).toBe(200);
    const reused = await t.request('/v1/sessions/refresh', {
      method: 'POST',
      json: { refreshToken: session.refreshToken },
    });
    expect(reused.status).toBe(401);
  });

  it('ends the whole session when an already exchanged refresh token is replayed, and audits it', async () => {
    const person = await t.person();
    const r1 = await (await signIn(person.learnerNumber, person.password)).json();
    const refresh = (refreshToken: string) =>
      t.request('/v1/sessions/refresh', { method: 'POST', json: { refreshToken } });
    // Whoever refreshes first (here perhaps a thief) holds the live pair r2.
    const r2 = await (await refresh(r1.refreshToken)).json();
    expect((await t.request('/v1/me', { auth: r2.token })).status).toBe(200);

    const replay = await refresh(r1.refreshToken);
    expect(replay.status).toBe(401);
    expect((await replay.json()).code).toBe('IDENTITY_INVALID_REFRESH_TOKEN');
    expect((await t.request('/v1/me', { auth: r2.token })).status).toBe(401);
    expect((await refresh(r2.refreshToken)).status).toBe(401);

    const audit = await t.request(`/v1/audit?action=session.refresh-reused&subjectId=${person.id}`, { auth: 'admin' });
    const { items } = await audit.json();
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items)).not.toContain(r1.refreshToken);
  });

  it('ends the session on a replay of a token exchanged generations ago, leaving other sessions alone', async () => {
    const person = await t.person();
    const first = await (await signIn(person.learnerNumber, person.password)).json();
    const refresh = (refreshToken: string) =>
      t.request('/v1/sessions/refresh', { method: 'POST', json: { refreshToken } });
    const second = await (await refresh(first.refreshToken)).json();
    const third = await (await refresh(second.refreshToken)).json();

    expect((await refresh(first.refreshToken)).status).toBe(401);
    expect((await t.request('/v1/me', { auth: third.token })).status).toBe(401);
    expect((await t.request('/v1/me', { auth: person.token })).status).toBe(200);
  });

  it('does not end any session for an unknown refresh token', async () => {
    const person = await t.person();
    const session = await (await signIn(person.learnerNumber, person.password)).json();
    const unknown = await t.request('/v1/sessions/refresh', {
      method: 'POST',
      json: { refreshToken: `llr_${'A'.repeat(43)}` },
    });
    expect(unknown.status).toBe(401);
    expect((await t.request('/v1/me', { auth: session.token })).status).toBe(200);
  });

  it('forgets the retired refresh tokens of ended sessions only', async () => {
    const refresh = (refreshToken: string) =>
      t.request('/v1/sessions/refresh', { method: 'POST', json: { refreshToken } });
    const retiredOf = async (sessionToken: string) =>
      resultRows(
        await t.platform.database.db.execute(
          sql`select r.refresh_hash from core.retired_refresh_tokens r join core.sessions s on s.id = r.session_id
              where s.token_hash = ${hashToken(sessionToken)}`,
        ),
      ).length;
    const person = await t.person();
    const ended = await (await signIn(person.learnerNumber, person.password)).json();
    const endedNow = await (await refresh(ended.refreshToken)).json();
    await t.request('/v1/sessions/current', { method: 'DELETE', auth: endedNow.token });
    const live = await (await signIn(person.learnerNumber, person.password)).json();
    const liveNow = await (await refresh(live.refreshToken)).json();

    await pruneRetiredRefreshTokens(t.platform.database.db, now);
    expect(await retiredOf(endedNow.token)).toBe(0);
    expect(await retiredOf(liveNow.token)).toBe(1);
    // The live session still ends when its retired token comes back.
    expect((await refresh(live.refreshToken)).status).toBe(401);
    expect((await t.request('/v1/me', { auth: liveNow.token })).status).toBe(401);
  });

  it('signs out of one session, and out of every session', async () => {
    const person = await t.person();
    const second = await (await signIn(person.learnerNumber, person.password)).json();
    const third = await (await signIn(person.learnerNumber, person.password)).json();

    expect((await t.request('/v1/sessions/current', { method: 'DELETE', auth: person.token })).status).toBe(204);
    expect((await t.request('/v1/me', { auth: person.token })).status).toBe(401);
    expect((await t.request('/v1/me', { auth: second.token })).status).toBe(200);

    expect((await t.request('/v1/sessions', { method: 'DELETE', auth: second.token })).status).toBe(204);
    expect((await t.request('/v1/me', { auth: second.token })).status).toBe(401);
    expect((await t.request('/v1/me', { auth: third.token })).status).toBe(401);
  });

  it('does not let an API key sign out as if it were a session', async () => {
    expect((await t.request('/v1/sessions/current', { method: 'DELETE', auth: 'admin' })).status).toBe(403);
  });
});
