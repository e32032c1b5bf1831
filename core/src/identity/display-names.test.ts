import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { definePlugin } from '../plugins/define-plugin.js';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';

// People choose the name they are shown by; plugins name people through `ctx.identity.names`,
// which gives the legal name only to viewers who may read people in the person's region.
let jobSaw: Record<string, unknown> = {};
let jobAsks: string[] = [];

const namer = definePlugin({
  id: 'namer',
  version: '1.0.0',
  register(p) {
    // A job serves no request: even asking for legal names, it gets display names only.
    p.every('name-everyone', { intervalMs: 3_600_000 }, async (ctx) => {
      jobSaw = Object.fromEntries(await ctx.identity.names(jobAsks, { legalNames: true }));
    });
    p.route({
      method: 'post',
      path: '/names',
      summary: 'Names of people, as the caller may see them',
      access: { authenticated: 'anyone signed in' },
      request: { body: Type.Object({ personIds: Type.Array(Type.String()) }) },
      responses: { 200: { description: 'Names', schema: Type.Any() } },
      handler: async ({ body }, ctx) => {
        const named = await ctx.identity.names(body.personIds, { legalNames: true });
        const anonymous = await ctx.identity.names(body.personIds);
        const summary = body.personIds[0] ? await ctx.identity.personById(body.personIds[0]) : null;
        return {
          status: 200,
          body: { named: Object.fromEntries(named), anonymous: Object.fromEntries(anonymous), summary },
        };
      },
    });
  },
});

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [namer],
    regions: [
      { id: 'default', name: 'Default' },
      { id: 'elsewhere', name: 'Elsewhere' },
    ],
  });
});
afterAll(() => t.close());

const setName = (auth: string, displayName: unknown) =>
  displayName === null
    ? t.request('/v1/me/display-name', { method: 'DELETE', auth })
    : t.request('/v1/me/display-name', { method: 'PUT', auth, json: { displayName } });

describe('display names', () => {
  it('a person chooses, changes and clears the name they are shown by; /v1/me and the person show it; audited', async () => {
    const person = await t.person({ legalName: 'Wang Fang' });
    expect((await (await t.request('/v1/me', { auth: person.token })).json()).person.displayName).toBeNull();

    const set = await setName(person.token, 'Teacher Wang');
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ displayName: 'Teacher Wang' });
    const me = await (await t.request('/v1/me', { auth: person.token })).json();
    expect(me.person).toMatchObject({ legalName: 'Wang Fang', displayName: 'Teacher Wang' });

    // Stored in NFC like every name: "é" typed as e + U+0301 is one name.
    expect(await (await setName(person.token, 'Fang Ame\u0301lie')).json()).toEqual({ displayName: 'Fang Amélie' });
    const read = await (await t.request(`/v1/people/${person.learnerNumber}`, { auth: 'admin' })).json();
    expect(read.displayName).toBe('Fang Amélie');

    expect(await (await setName(person.token, null)).json()).toEqual({ displayName: null });
    const audit = await (await t.request(`/v1/audit?subjectId=${person.id}&limit=50`, { auth: 'admin' })).json();
    const changes = audit.items.filter((e: { action: string }) => e.action === 'person.display-name.changed');
    // Keyed hashes stand for the names (an erased person's names must not stay in the append-only
    // log), chained: each change's `from` is the previous change's `to`.
    const details = changes
      .map((e: { details: { from: string | null; to: string | null } }) => e.details)
      .reverse()
      .slice(-3);
    expect(details[0].from).toBeNull();
    expect(details[0].to).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(details[1].from).toBe(details[0].to);
    expect(details[1].to).not.toBe(details[0].to);
    expect(details[2]).toEqual({ from: details[1].to, to: null });
    expect(JSON.stringify(audit)).not.toMatch(/Teacher Wang|Amélie/);
  });

  it.each([
    ['empty', '', 'stringMinLength'],
    ['too long', 'x'.repeat(81), 'stringMaxLength'],
    ['padded', ' Wang ', 'trimmed'],
    ['a right-to-left override', 'Wang\u202Egnaw', 'text.bidiControl'],
    ['only invisible characters', '\u200B\u200B', 'text.invisibleOnly'],
    ['a number', 42, 'string'],
  ])(
    'refuses a display name that is %s with a 400 naming the field and the rule, and keeps the old one',
    async (_, value, rule) => {
      const person = await t.person();
      await setName(person.token, 'Kept');
      const res = await setName(person.token, value);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = await res.json();
      expect(body.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: '/body/displayName', rule })]),
      );
      const me = await (await t.request('/v1/me', { auth: person.token })).json();
      expect(me.person.displayName).toBe('Kept');
    },
  );

  it('is the person’s own: 401 without a token, 403 for an API key, and nobody sets another’s', async () => {
    expect((await t.request('/v1/me/display-name', { method: 'PUT', json: { displayName: 'X' } })).status).toBe(401);
    const byKey = await setName('admin', 'Platform');
    expect(byKey.status).toBe(403);
    expect(byKey.headers.get('content-type')).toContain('application/problem+json');
    // The route has no learner number: a caller can only ever name themself.
    const [a, b] = [await t.person(), await t.person()];
    await setName(a.token, 'Only A');
    const other = await (await t.request(`/v1/people/${b.learnerNumber}`, { auth: 'admin' })).json();
    expect(other.displayName).toBeNull();
  });

  it('plugins see display names; legal names only for viewers who may read people in the region', async () => {
    const { registrar, otherRegionAdmin, learner } = await t.principals();
    const named = await t.person({ legalName: 'Li Lei' });
    await setName(named.token, 'Lei');
    const unnamed = await t.person({ legalName: 'Han Meimei' });
    const ids = [named.id, unnamed.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid'];
    const ask = async (auth: string) =>
      (await t.request('/v1/namer/names', { method: 'POST', auth, json: { personIds: ids } })).json();

    const asRegistrar = await ask(registrar.token);
    expect(asRegistrar.named).toEqual({
      [named.id]: { displayName: 'Lei', legalName: 'Li Lei' },
      [unnamed.id]: { displayName: null, legalName: 'Han Meimei' },
    });
    expect(asRegistrar.anonymous).toEqual({ [named.id]: { displayName: 'Lei' }, [unnamed.id]: { displayName: null } });
    expect(asRegistrar.summary).toMatchObject({ id: named.id, displayName: 'Lei' });

    // A job asking for legal names gets none: there is no caller to have the right.
    jobAsks = [named.id];
    await t.runJob('namer', 'name-everyone');
    expect(jobSaw).toEqual({ [named.id]: { displayName: 'Lei' } });

    // A learner, and an admin of another region, get display names only.
    for (const viewer of [learner, otherRegionAdmin]) {
      const seen = await ask(viewer.token);
      expect(seen.named).toEqual({ [named.id]: { displayName: 'Lei' }, [unnamed.id]: { displayName: null } });
      expect(JSON.stringify(seen)).not.toContain('Li Lei');
    }
  });
});
