import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultRows } from '../db/database.js';
import { defineError } from '../errors/lifelong-error.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { definePlugin } from '../plugins/define-plugin.js';
import { notesPlugin, vaultPlugin } from '../plugins/fixtures/plugins.js';
import { createTestPlatform, type TestPerson, type TestPlatform, type TestResponse } from '../testing/index.js';

// Data exports and erasure requests (docs/privacy.md), with two fixture plugins: `notes` declares
// personal-data hooks, `vault` holds nothing about people and declares none.
let t: TestPlatform;
let officer: TestPerson;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [vaultPlugin, notesPlugin] });
  officer = await t.person({ roles: [{ role: 'region-admin', scope: { type: 'region', id: 'default' } }] });
});
afterAll(() => t.close());

const json = async (res: TestResponse) => ({ status: res.status, body: await res.json() });
const exportOf = (learnerNumber: string, auth: string) =>
  t.request(`/v1/people/${learnerNumber}/personal-data`, { auth });
const requestErasure = async (learnerNumber: string, auth: string, reason?: string) =>
  json(
    await t.request(`/v1/people/${learnerNumber}/erasure-requests`, {
      method: 'POST',
      auth,
      json: reason === undefined ? {} : { reason },
    }),
  );
const decide = async (learnerNumber: string, id: string, decision: string, auth = officer.token, reason = 'checked') =>
  json(
    await t.request(`/v1/people/${learnerNumber}/erasure-requests/${id}/decision`, {
      method: 'POST',
      auth,
      json: { decision, reason },
    }),
  );
const queue = async (auth = officer.token, query = '') =>
  json(await t.request(`/v1/erasure-requests${query}`, { auth }));

async function pointsFor(person: TestPerson, amount: bigint) {
  const ledger = t.platform.ledger;
  const db = t.platform.database.db;
  const account = await ledger.createAccount(db, { asset: 'POINT', owner: { type: 'person', id: person.id } });
  const [asset] = (await ledger.listAssets(db)).filter((a) => a.code === 'POINT');
  if (!asset) throw new Error('no POINT asset');
  const [result] = await ledger.submit([
    { id: uuidv7(), debitAccountId: asset.issuanceAccountId, creditAccountId: account.id, amount, code: 1 },
  ]);
  expect(result?.status).toBe('created');
  return account.id;
}

async function rowsContaining(text: string): Promise<string[]> {
  const tables = ['core.audit_log', 'core.events', 'core.people', 'core.notifications', 'notes.notes'];
  const found: string[] = [];
  for (const table of tables) {
    const [row] = resultRows<{ n: number | string }>(
      await t.platform.database.db.execute(
        sql.raw(
          `select count(*) as n from ${table} x where x::text like '%' || '${text.replaceAll("'", "''")}' || '%'`,
        ),
      ),
    );
    if (Number(row?.n) > 0) found.push(table);
  }
  return found;
}

describe('the data export', () => {
  it('holds the core’s data and each plugin’s section, with no secrets and the national ID masked', async () => {
    const person = await t.person({ verified: true });
    const wrote = await t.request('/v1/notes/notes', {
      method: 'POST',
      auth: person.token,
      json: { text: 'my own words' },
    });
    expect(wrote.status).toBe(201);
    await pointsFor(person, 25n);

    const res = await exportOf(person.learnerNumber, person.token);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="lifelong-data-${person.learnerNumber}.json"`,
    );
    expect(res.headers.get('cache-control')).toBe('no-store');
    const archive = await res.json();
    expect(archive).toMatchObject({
      format: 'lifelong.personal-data',
      formatVersion: 1,
      learnerNumber: person.learnerNumber,
    });
    expect(archive.core.person).toMatchObject({
      learnerNumber: person.learnerNumber,
      legalName: person.legalName,
      dateOfBirth: person.dateOfBirth,
      status: 'verified',
    });
    expect(archive.core.person.nationalId.masked).toMatch(/\*/);
    expect(archive.core.ledger.accounts).toEqual([
      expect.objectContaining({ asset: 'POINT', creditsPosted: '25', debitsPosted: '0' }),
    ]);
    expect(archive.core.ledger.entries).toHaveLength(1);
    expect(archive.core.sessions.length).toBeGreaterThanOrEqual(1);
    expect(archive.core.audit.some((a: { action: string }) => a.action === 'person.verification.approved')).toBe(true);
    expect(archive.plugins.notes).toMatchObject({ version: '2.0.0' });
    expect(archive.plugins.notes.data.notes.map((n: { text: string }) => n.text)).toContain('my own words');
    expect(archive.plugins.vault).toEqual({
      version: '1.2.0',
      data: null,
      note: 'This plugin declares no personal data.',
    });
    const text = JSON.stringify(archive);
    expect(text).not.toContain(person.nationalId);
    expect(text).not.toContain(person.token);
    expect(text).not.toMatch(/scrypt|\$2[aby]\$|"hash"|tokenHash|codeHash|ciphertext/i);
  });

  it('is given to a minor’s guardian, and refused (the same 403) to everyone else', async () => {
    const guardian = await t.person({ verified: true });
    const minor = await t.person({ dateOfBirth: '2015-03-01', guardian });
    const stranger = await t.person({ verified: true });
    expect((await exportOf(minor.learnerNumber, guardian.token)).status).toBe(200);
    expect((await exportOf(minor.learnerNumber, minor.token)).status).toBe(200);
    // A guardian reads the minor's, not the other way round; officers erase but do not read archives.
    for (const [learnerNumber, auth] of [
      [guardian.learnerNumber, minor.token],
      [minor.learnerNumber, stranger.token],
      [minor.learnerNumber, officer.token],
      [minor.learnerNumber, t.adminKey],
    ] as const) {
      const res = await exportOf(learnerNumber, auth);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('is audited without its contents', async () => {
    const person = await t.person();
    await exportOf(person.learnerNumber, person.token);
    const rows = resultRows<{ details: Record<string, unknown> }>(
      await t.platform.database.db.execute(
        sql`select details from core.audit_log where action = 'person.data.exported' and subject_id = ${person.id}`,
      ),
    );
    expect(rows).toEqual([{ details: { plugins: 2 } }]);
  });
});

describe('erasure', () => {
  it('erases the person from the core and every plugin, keeps the ledger whole, and leaves no trace of them', async () => {
    const person = await t.person({ verified: true, legalName: '欧阳 待删除' });
    await t.request('/v1/me/display-name', { method: 'PUT', auth: person.token, json: { displayName: 'Soon Gone' } });
    await t.request('/v1/notes/notes', { method: 'POST', auth: person.token, json: { text: 'forget me' } });
    const account = await pointsFor(person, 40n);

    const requested = await requestErasure(person.learnerNumber, person.token, 'I am leaving the platform');
    expect(requested.status).toBe(201);
    expect(requested.body).toMatchObject({
      status: 'pending',
      requestedBy: 'self',
      reason: 'I am leaving the platform',
    });
    // Told in the inbox, so a request made with a stolen session is seen.
    const inbox = await json(await t.request('/v1/me/notifications', { auth: person.token }));
    expect(inbox.body.items.map((n: { kind: string }) => n.kind)).toContain('core.erasure.requested');
    // One pending request at a time.
    expect((await requestErasure(person.learnerNumber, person.token)).status).toBe(409);
    const listed = await queue();
    expect(listed.body.items.map((r: { id: string }) => r.id)).toContain(requested.body.id);

    const decided = await decide(person.learnerNumber, requested.body.id, 'approve');
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('approved');
    expect(decided.body.outcome.core).toMatchObject({ people: 1, passwords: 1, sessionsEnded: 1 });
    expect(decided.body.outcome.notes).toEqual({ notes: 2 }); // the welcome note and their own
    expect(decided.body.outcome.vault).toBeUndefined();

    // Signed out for good, unknown to every reader, and the queue has moved on.
    expect((await t.request('/v1/me', { auth: person.token })).status).toBe(401);
    const signIn = await t.request('/v1/sessions', {
      method: 'POST',
      json: { learnerNumber: person.learnerNumber, password: person.password },
    });
    expect(signIn.status).toBe(401);
    expect((await t.request(`/v1/people/${person.learnerNumber}`, { auth: officer.token })).status).toBe(404);
    expect((await queue()).body.items.map((r: { id: string }) => r.id)).not.toContain(requested.body.id);

    // No table the test can see, and no log line, holds their name, chosen name or national ID.
    for (const text of [person.legalName, 'Soon Gone', person.nationalId, 'forget me']) {
      expect(await rowsContaining(text), text).toEqual([]);
      expect(t.rawLogs()).not.toContain(text);
    }
    // The ledger is never edited: the account and its history stay, owned by an id naming nobody.
    const [balance] = resultRows<{ credits: string }>(
      await t.platform.database.db.execute(
        sql`select credits_posted::text as credits from core.ledger_accounts where id = ${account}`,
      ),
    );
    expect(balance?.credits).toBe('40');
    await t.platform.ledger.sealNow();
    expect(await t.platform.ledger.verify()).toMatchObject({ ok: true });

    // Their national ID is free again: erased means a fresh start is possible.
    const again = await t.request('/v1/people', {
      method: 'POST',
      json: {
        legalName: person.legalName,
        dateOfBirth: person.dateOfBirth,
        nationalId: { scheme: 'CN-RIC', number: person.nationalId },
        password: 'a brand new password',
      },
    });
    expect(again.status).toBe(201);
    expect((await again.json()).learnerNumber).not.toBe(person.learnerNumber);
  });

  it('a declined request tells the person why, and a cancelled one can be neither decided nor cancelled again', async () => {
    const person = await t.person();
    const first = await requestErasure(person.learnerNumber, person.token);
    const declined = await decide(
      person.learnerNumber,
      first.body.id,
      'reject',
      officer.token,
      'A court order keeps this record',
    );
    expect(declined.body).toMatchObject({ status: 'rejected', decisionReason: 'A court order keeps this record' });
    const inbox = await json(await t.request('/v1/me/notifications', { auth: person.token }));
    expect(inbox.body.items[0]).toMatchObject({ kind: 'core.erasure.rejected' });
    expect(inbox.body.items[0].body).toContain('A court order keeps this record');
    expect((await decide(person.learnerNumber, first.body.id, 'approve')).status).toBe(409);

    const second = await requestErasure(person.learnerNumber, person.token);
    expect(second.status).toBe(201);
    const cancel = () =>
      t.request(`/v1/people/${person.learnerNumber}/erasure-requests/${second.body.id}/cancellation`, {
        method: 'POST',
        auth: person.token,
      });
    expect((await json(await cancel())).body.status).toBe('cancelled');
    const again = await json(await cancel());
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'PRIVACY_ERASURE_DECIDED', status: 409 });
    expect((await decide(person.learnerNumber, second.body.id, 'approve')).status).toBe(409);
    const history = await json(
      await t.request(`/v1/people/${person.learnerNumber}/erasure-requests`, { auth: person.token }),
    );
    expect(history.body.items.map((r: { status: string }) => r.status)).toEqual(['cancelled', 'rejected']);
    // Still here: neither erased them.
    expect((await t.request('/v1/me', { auth: person.token })).status).toBe(200);
  });

  it('a guardian asks for their minor; an officer may not decide on themself or a ward', async () => {
    const guardian = await t.person({
      verified: true,
      roles: [{ role: 'region-admin', scope: { type: 'region', id: 'default' } }],
    });
    const minor = await t.person({ dateOfBirth: '2016-09-09', guardian });
    const asked = await requestErasure(minor.learnerNumber, guardian.token);
    expect(asked.body).toMatchObject({ requestedBy: 'guardian' });
    const ownWard = await decide(minor.learnerNumber, asked.body.id, 'approve', guardian.token);
    expect(ownWard.status).toBe(403);
    expect(ownWard.body.code).toBe('IDENTITY_CONFLICT_OF_INTEREST');

    const mine = await requestErasure(officer.learnerNumber, officer.token);
    const ownDecision = await decide(officer.learnerNumber, mine.body.id, 'approve');
    expect(ownDecision.body.code).toBe('IDENTITY_CONFLICT_OF_INTEREST');
    // The officer's queue leaves their own request out.
    expect((await queue()).body.items.map((r: { id: string }) => r.id)).not.toContain(mine.body.id);
    // A minor's only guardian cannot be erased: the minor would have nobody.
    const blocked = await requestErasure(guardian.learnerNumber, guardian.token);
    expect(blocked.status).toBe(409);
    expect(blocked.body).toMatchObject({ code: 'PRIVACY_ERASURE_BLOCKED', reason: 'guardianOfMinors' });

    expect((await decide(minor.learnerNumber, asked.body.id, 'approve')).body.status).toBe('approved');
    // The guardian is no longer anybody's guardian, so now they may go too.
    expect((await requestErasure(guardian.learnerNumber, guardian.token)).status).toBe(201);
  });

  it('names the field and the rule for bad input, and changes nothing', async () => {
    const person = await t.person();
    const long = await requestErasure(person.learnerNumber, person.token, 'x'.repeat(2001));
    expect(long.status).toBe(400);
    expect(long.body.errors[0]).toMatchObject({ path: '/body/reason' });
    const asked = await requestErasure(person.learnerNumber, person.token);
    const bad = await json(
      await t.request(`/v1/people/${person.learnerNumber}/erasure-requests/${asked.body.id}/decision`, {
        method: 'POST',
        auth: officer.token,
        json: { decision: 'delete', reason: '' },
      }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['/body/decision', '/body/reason']),
    );
    const unknown = await decide(person.learnerNumber, uuidv7(), 'approve');
    expect(unknown.status).toBe(404);
    expect((await t.request('/v1/me', { auth: person.token })).status).toBe(200);
    expect(await t.undeclaredStatuses()).toEqual([]);
  });
});

describe('a plugin that refuses', () => {
  const OpenEscrow = defineError('HOLDS_OPEN_ESCROW', 409, 'An escrow is open');
  const holds = definePlugin({
    id: 'holds',
    version: '1.0.0',
    requires: { core: '>=0.1.0' },
    register(p) {
      p.personalData({
        export: async () => ({ holds: [] }),
        erase: async () => {
          throw OpenEscrow({ detail: 'Release the open escrow first.' });
        },
      });
    },
  });
  let u: TestPlatform;
  beforeAll(async () => {
    u = await createTestPlatform({ plugins: [vaultPlugin, notesPlugin, holds] });
  });
  afterAll(() => u.close());

  it('rolls the whole erasure back: the core’s part and the other plugins’ too', async () => {
    const admin = await u.person({ roles: [{ role: 'region-admin', scope: { type: 'region', id: 'default' } }] });
    const person = await u.person();
    await u.request('/v1/notes/notes', { method: 'POST', auth: person.token, json: { text: 'still mine' } });
    const asked = await (
      await u.request(`/v1/people/${person.learnerNumber}/erasure-requests`, {
        method: 'POST',
        auth: person.token,
        json: {},
      })
    ).json();
    const res = await u.request(`/v1/people/${person.learnerNumber}/erasure-requests/${asked.id}/decision`, {
      method: 'POST',
      auth: admin.token,
      json: { decision: 'approve', reason: 'asked' },
    });
    expect(res.status).toBe(409);
    expect((await res.json()).code).toBe('HOLDS_OPEN_ESCROW');
    expect((await u.request('/v1/me', { auth: person.token })).status).toBe(200);
    const archive = await (
      await u.request(`/v1/people/${person.learnerNumber}/personal-data`, { auth: person.token })
    ).json();
    expect(archive.core.person.legalName).toBe(person.legalName);
    expect(archive.plugins.notes.data.notes.map((n: { text: string }) => n.text)).toContain('still mine');
    expect(archive.core.erasureRequests).toEqual([expect.objectContaining({ id: asked.id, status: 'pending' })]);
    expect(archive.plugins.holds).toEqual({ version: '1.0.0', data: { holds: [] } });
  });
});
