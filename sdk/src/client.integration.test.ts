import { createTestPlatform, type TestPlatform, testNationalId } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { type Account, createClient, type Entry, LifelongError } from './index.js';

// Against a real in-process platform (PGlite, or PostgreSQL when DATABASE_URL is set): the
// SDK's fetch is the platform app's own handler.
let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const fetchVia = (request: Request) => Promise.resolve(t.platform.app.fetch(request));
const base = 'http://lifelong.test/';

describe('SDK against a real platform', () => {
  it('reads health and turns problems into LifelongError', async () => {
    const client = createClient({ baseUrl: base, fetch: fetchVia });
    await expect(client.health.ready()).resolves.toEqual({ status: 'ok' });
    const error = await client.request({ method: 'GET', path: '/v1/nowhere' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LifelongError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', problem: { instance: '/v1/nowhere' } });
    await expect(
      createClient({ baseUrl: base, fetch: fetchVia, auth: { apiKey: 'llk_wrong' } }).health.live(),
    ).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('registers, signs in, makes a group, opens accounts, posts transfers and pages entries', async () => {
    const admin = createClient({ baseUrl: base, fetch: fetchVia, auth: { apiKey: t.adminKey } });
    const me = createClient({ baseUrl: base, fetch: fetchVia, region: 'default' });

    const password = 'correct horse battery';
    const person = await me.people.register({
      body: {
        legalName: 'Li Hua',
        dateOfBirth: '1990-05-17',
        nationalId: { scheme: 'CN-RIC', number: testNationalId('1990-05-17') },
        password,
      },
    });
    expect(person).toMatchObject({ status: 'unverified', regionId: 'default' });

    // A wrong password is a typed error; the right one signs the client in.
    await expect(
      me.sessions.create({ body: { learnerNumber: person.learnerNumber, password: 'wrong password!' } }),
    ).rejects.toMatchObject({
      status: 401,
    });
    const session = await me.sessions.create({ body: { learnerNumber: person.learnerNumber, password } });
    expect(session.token).toBeTruthy();
    const who = await me.me.get();
    expect(who).toMatchObject({ kind: 'person', id: person.id });
    expect((await me.people.get({ learnerNumber: person.learnerNumber })).id).toBe(person.id);

    // A refresh rotates the token pair; a stale token is refreshed automatically on 401.
    const refreshed = await me.sessions.refresh();
    expect(refreshed.refreshToken).not.toBe(session.refreshToken);

    const family = await me.groups.create({ body: { type: 'family', name: 'The Lis' } });
    expect(family).toMatchObject({ type: 'family', myRole: 'parent', memberCount: 1 });
    expect((await me.groups.get({ groupId: family.id })).name).toBe('The Lis');
    const mine = [];
    for await (const group of me.groups.list.all()) mine.push(group.id);
    expect(mine).toEqual([family.id]);
    const members = [];
    for await (const member of me.groups.members.list.all({ groupId: family.id })) members.push(member.learnerNumber);
    expect(members).toEqual([person.learnerNumber]);

    // CREDIT needs a verified person; POINT works for anyone.
    await expect(
      admin.ledger.accounts.open({ body: { asset: 'CREDIT', owner: { type: 'person', id: person.id } } }),
    ).rejects.toMatchObject({ status: 400, errors: [expect.objectContaining({ rule: 'verifiedPerson' })] });
    await admin.people.verification.decide({
      learnerNumber: person.learnerNumber,
      body: { decision: 'approve', evidence: { kind: 'document-check', reference: 'sdk-test' } },
    });
    const credits = await admin.ledger.accounts.open({
      body: { asset: 'CREDIT', owner: { type: 'person', id: person.id } },
    });
    expect(credits.asset).toBe('CREDIT');
    const points = await admin.ledger.accounts.open({
      body: { asset: 'POINT', owner: { type: 'person', id: person.id } },
    });
    const pool = await admin.ledger.accounts.open({ body: { asset: 'POINT', owner: { type: 'platform' } } });

    const ids = Array.from({ length: 5 }, () => crypto.randomUUID());
    const batch = ids.map((id, i) => ({
      id,
      debitAccountId: pool.id,
      creditAccountId: points.id,
      amount: String(i + 1),
      code: 1,
    }));
    const { results } = await admin.ledger.transfers.create({ body: { transfers: batch } });
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('created'));
    // The transfer ids are the idempotency keys: posting again changes nothing.
    expect((await admin.ledger.transfers.create({ body: { transfers: batch } })).results.map((r) => r.status)).toEqual(
      Array(5).fill('exists'),
    );
    expect((await admin.ledger.transfers.get({ transferId: ids[0] as string })).amount).toBe('1');

    const account = await me.ledger.accounts.get({ accountId: points.id });
    expectTypeOf(account).toEqualTypeOf<Account>();
    expect(account.balance).toBe('15');

    const entries: Entry[] = [];
    for await (const entry of me.ledger.accounts.entries.list.pages({ accountId: points.id, limit: 2 }))
      entries.push(...entry.items);
    expect(entries.map((e) => e.postedDelta)).toEqual(['1', '2', '3', '4', '5']);
    const first = await me.ledger.accounts.entries.list({ accountId: points.id, limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await me.ledger.accounts.entries.list({
      accountId: points.id,
      limit: 2,
      cursor: first.nextCursor ?? '',
    });
    expect(second.items[0]?.postedDelta).toBe('3');
    const all = [];
    for await (const entry of me.ledger.accounts.entries.list.all({ accountId: points.id })) all.push(entry);
    expect(all).toHaveLength(5);

    await me.sessions.current.delete();
    await expect(me.me.get()).rejects.toMatchObject({ status: 401 });
  });

  it('refreshes an expired-looking session on 401 and retries once', async () => {
    const p = await t.person();
    const client = createClient({ baseUrl: base, fetch: fetchVia });
    const session = await client.sessions.create({ body: { learnerNumber: p.learnerNumber, password: p.password } });
    client.session?.set({ ...session, token: 'lls_not-a-real-token' });
    await expect(client.me.get()).resolves.toMatchObject({ id: p.id });
    expect(client.session?.get()?.token).not.toBe('lls_not-a-real-token');
    await client.sessions.deleteAll();
    expect(client.session?.get()).toBeUndefined();
  });

  it('invites, accepts, declines and leaves', async () => {
    const parent = await t.person();
    const child = await t.person();
    const other = await t.person();
    const asParent = createClient({ baseUrl: base, fetch: fetchVia, auth: { token: parent.token } });
    const asChild = createClient({ baseUrl: base, fetch: fetchVia, auth: { token: child.token } });
    const asOther = createClient({ baseUrl: base, fetch: fetchVia, auth: { token: other.token } });
    const group = await asParent.groups.create({ body: { type: 'family', name: 'Wangs' } });
    const invitation = await asParent.groups.invitations.create({
      groupId: group.id,
      body: { learnerNumber: child.learnerNumber, role: 'child' },
    });
    const pending = [];
    for await (const i of asChild.invitations.list.all()) pending.push(i.id);
    expect(pending).toContain(invitation.id);
    expect((await asChild.invitations.accept({ invitationId: invitation.id })).status).toBe('accepted');
    const declined = await asParent.groups.invitations.create({
      groupId: group.id,
      body: { learnerNumber: other.learnerNumber, role: 'child' },
    });
    expect((await asOther.invitations.decline({ invitationId: declined.id })).status).toBe('declined');
    await asChild.groups.members.remove({ groupId: group.id, learnerNumber: child.learnerNumber });
    expect((await asParent.groups.get({ groupId: group.id })).memberCount).toBe(1);
  });
});
