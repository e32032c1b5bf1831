import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../plugins/define-plugin.js';
import { createTestPlatform, type TestPerson, type TestPlatform } from '../testing/index.js';
import { defineNotification, pickLocale } from './notification-ref.js';

const BadgeEarned = defineNotification({
  id: 'badges.badge.earned',
  params: Type.Object({ name: Type.String() }),
  text: {
    en: { title: 'New badge', body: 'You earned the "{name}" badge.' },
    'zh-CN': { title: '新徽章', body: '您获得了“{name}”徽章。' },
  },
});
const Undeclared = defineNotification({
  id: 'badges.badge.lost',
  params: Type.Object({}),
  text: { en: { title: 'Lost', body: '' }, 'zh-CN': { title: '丢失', body: '' } },
});

const badges = definePlugin({
  id: 'badges',
  version: '1.0.0',
  requires: { core: '>=0.1.0' },
  notifications: [BadgeEarned],
  register(p) {
    p.route({
      method: 'post',
      path: '/awards',
      summary: 'Notifies the caller of a badge; `fail` throws after notifying',
      access: { authenticated: 'people' },
      request: {
        body: Type.Object(
          { name: Type.String(), fail: Type.Optional(Type.Boolean()), undeclared: Type.Optional(Type.Boolean()) },
          { additionalProperties: false },
        ),
      },
      responses: { 201: { description: 'Notified', schema: Type.Object({ ids: Type.Array(Type.String()) }) } },
      handler: async ({ body }, ctx) => {
        const me = ctx.requirePerson();
        const ids = body.undeclared
          ? await ctx.notify(Undeclared, [me], {})
          : await ctx.notify(BadgeEarned, [me, me], { name: body.name }, { link: '/badges' });
        if (body.fail) throw new Error('failed after notifying');
        return { status: 201, body: { ids } };
      },
    });
  },
});

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [badges] });
});
afterAll(() => t.close());

const award = (person: TestPerson, json: Record<string, unknown>) =>
  t.request('/v1/badges/awards', { method: 'POST', auth: person.token, json });
const inbox = (person: TestPerson, query = '', language?: string) =>
  t.request(`/v1/me/notifications${query}`, {
    auth: person.token,
    ...(language ? { headers: { 'Accept-Language': language } } : {}),
  });

describe('defineNotification', () => {
  it('refuses a placeholder that is not a param, and a missing language', () => {
    expect(() =>
      defineNotification({
        id: 'x.thing.happened',
        params: Type.Object({}),
        text: { en: { title: '{who}', body: '' }, 'zh-CN': { title: '', body: '' } },
      }),
    ).toThrow(/\{who\}/);
    expect(() =>
      defineNotification({
        id: 'x.thing.happened',
        params: Type.Object({}),
        text: { en: { title: '', body: '' } } as never,
      }),
    ).toThrow(/zh-CN/);
  });

  it('picks zh-CN for zh, zh-Hans and zh-CN, by weight, and English otherwise', () => {
    expect(pickLocale('zh-CN,zh;q=0.9,en;q=0.8')).toBe('zh-CN');
    expect(pickLocale('zh-Hans')).toBe('zh-CN');
    expect(pickLocale('en;q=0.9,zh;q=0.5')).toBe('en');
    expect(pickLocale('fr-FR,de')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });
});

describe('the inbox', () => {
  it("shows a plugin's notification once per person, in the reader's language", async () => {
    const person = await t.person();
    expect((await award(person, { name: 'Reader' })).status).toBe(201);
    const en = await (await inbox(person)).json();
    expect(en.unreadCount).toBe(1);
    expect(en.items).toEqual([
      expect.objectContaining({
        kind: 'badges.badge.earned',
        source: 'badges',
        locale: 'en',
        title: 'New badge',
        body: 'You earned the "Reader" badge.',
        link: '/badges',
        readAt: null,
      }),
    ]);
    const zh = await (await inbox(person, '', 'zh-CN,zh;q=0.9')).json();
    expect(zh.items[0]).toMatchObject({ locale: 'zh-CN', body: '您获得了“Reader”徽章。' });
  });

  it('keeps nobody informed of a change that rolled back', async () => {
    const person = await t.person();
    expect((await award(person, { name: 'Ghost', fail: true })).status).toBe(500);
    expect((await (await inbox(person)).json()).items).toEqual([]);
  });

  it('refuses to send a notification the plugin did not declare (the request fails whole)', async () => {
    const person = await t.person();
    expect((await award(person, { name: 'x', undeclared: true })).status).toBe(500);
    expect((await (await inbox(person)).json()).items).toEqual([]);
  });

  it('lists newest first, a page at a time, and filters unread', async () => {
    const person = await t.person();
    for (const name of ['one', 'two', 'three']) await award(person, { name });
    const first = await (await inbox(person, '?limit=2')).json();
    expect(first.items.map((n: { body: string }) => n.body)).toEqual([
      'You earned the "three" badge.',
      'You earned the "two" badge.',
    ]);
    const second = await (await inbox(person, `?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((n: { body: string }) => n.body)).toEqual(['You earned the "one" badge.']);
    expect(second.nextCursor).toBeNull();

    const read = await t.request(`/v1/me/notifications/${first.items[0].id}/read`, {
      method: 'POST',
      auth: person.token,
    });
    expect(read.status).toBe(200);
    const readAt = (await read.json()).readAt;
    expect(readAt).toEqual(expect.any(String));
    const again = await t.request(`/v1/me/notifications/${first.items[0].id}/read`, {
      method: 'POST',
      auth: person.token,
    });
    expect((await again.json()).readAt).toBe(readAt);
    const unread = await (await inbox(person, '?unread=true')).json();
    expect(unread.items).toHaveLength(2);
    expect(unread.unreadCount).toBe(2);

    const all = await t.request('/v1/me/notifications/read', { method: 'POST', auth: person.token });
    expect(await all.json()).toEqual({ marked: 2 });
    expect((await (await inbox(person)).json()).unreadCount).toBe(0);
  });

  it("answers 404 for someone else's notification and changes nothing", async () => {
    const owner = await t.person();
    const other = await t.person();
    await award(owner, { name: 'Mine' });
    const [item] = (await (await inbox(owner)).json()).items;
    const res = await t.request(`/v1/me/notifications/${item.id}/read`, { method: 'POST', auth: other.token });
    expect(res.status).toBe(404);
    expect((await (await inbox(owner)).json()).items[0].readAt).toBeNull();
  });

  it('is for people: an API key gets 403, nobody signed in 401', async () => {
    const p = await t.principals();
    expect((await t.request('/v1/me/notifications', { auth: p.institution.key })).status).toBe(403);
    expect((await t.request('/v1/me/notifications')).status).toBe(401);
  });
});

describe('core notifications', () => {
  it('tells a person their password was changed, and a minor that their guardian set one', async () => {
    const person = await t.person();
    await t.request('/v1/me/password', {
      method: 'POST',
      auth: person.token,
      json: { currentPassword: person.password, newPassword: 'a new and private phrase' },
    });
    const [changed] = (await (await inbox(person)).json()).items;
    expect(changed).toMatchObject({
      kind: 'core.password.changed',
      source: 'core',
      title: 'Your password was changed',
    });

    const guardian = await t.person({ verified: true });
    const minor = await t.person({ dateOfBirth: '2015-06-01', guardian });
    await t.request(`/v1/people/${minor.learnerNumber}/password`, {
      method: 'PUT',
      auth: guardian.token,
      json: { newPassword: 'chosen together today' },
    });
    const session = await (
      await t.request('/v1/sessions', {
        method: 'POST',
        json: { learnerNumber: minor.learnerNumber, password: 'chosen together today' },
      })
    ).json();
    const [set] = (await (await t.request('/v1/me/notifications', { auth: session.token })).json()).items;
    expect(set).toMatchObject({ kind: 'core.password.set-by-guardian' });
  });
});
