// The document resources after the xAPI conformance requirements (state 2.3, activity profile
// 2.7, agent profile 2.6, concurrency 3.1) and 9274.1.1 4.1.6.3 to 4.1.6.6, for both versions.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, harness } from '../test-support.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
}, 300_000); // a fresh platform and its principals: minutes on a busy 2-core machine
afterAll(() => h?.t.close());

const agent = () => encodeURIComponent(JSON.stringify({ mbox: `mailto:${randomUUID()}@example.org` }));
const activity = () => encodeURIComponent(`https://lms.example.org/a/${randomUUID()}`);

describe.each(['1.0.3', '2.0.0'])('xAPI %s', (version) => {
  const call = (path: string, method = 'GET', json?: unknown, headers: Record<string, string> = {}) =>
    h.xapi(path, { method, version, headers, ...(json === undefined ? {} : { json }) });

  describe('state (2.3)', () => {
    it('stores a document by PUT and answers it by GET with its content type and ETag', async () => {
      const base = `/activities/state?activityId=${activity()}&agent=${agent()}`;
      expect((await call(`${base}&stateId=s1`, 'PUT', { a: 1 })).status).toBe(204);
      const got = await call(`${base}&stateId=s1`);
      expect(got.status).toBe(200);
      expect(got.headers.get('Content-Type')).toMatch(/^application\/json/);
      expect(got.headers.get('ETag')).toMatch(/^"[0-9a-f]{40}"$/);
      expect(got.headers.get('X-Experience-API-Version')).toBe(version);
      expect(await got.json()).toEqual({ a: 1 });
    });

    it('keeps documents of any content type byte for byte', async () => {
      const base = `/activities/state?activityId=${activity()}&agent=${agent()}&stateId=bin`;
      const res = await h.xapi(base, {
        method: 'PUT',
        version,
        body: 'plain text ✓',
        headers: { 'Content-Type': 'text/plain' },
      });
      expect(res.status).toBe(204);
      const got = await call(base);
      expect(got.headers.get('Content-Type')).toBe('text/plain');
      expect(await got.text()).toBe('plain text ✓');
    });

    it('merges JSON objects on POST, the new properties winning', async () => {
      const base = `/activities/state?activityId=${activity()}&agent=${agent()}&stateId=m`;
      await call(base, 'POST', { a: 1, b: 1 });
      expect((await call(base, 'POST', { b: 2, c: 3 })).status).toBe(204);
      expect(await (await call(base)).json()).toEqual({ a: 1, b: 2, c: 3 });
    });

    it('refuses a POST merge when either document is not a JSON object (400)', async () => {
      const base = `/activities/state?activityId=${activity()}&agent=${agent()}&stateId=t`;
      await h.xapi(base, { method: 'PUT', version, body: 'text', headers: { 'Content-Type': 'text/plain' } });
      expect((await call(base, 'POST', { a: 1 })).status).toBe(400);
    });

    it('keeps registrations apart, lists ids (with since), and deletes one or all', async () => {
      const registration = randomUUID();
      const base = `/activities/state?activityId=${activity()}&agent=${agent()}`;
      await call(`${base}&stateId=x`, 'PUT', { x: 1 });
      await call(`${base}&stateId=y`, 'PUT', { y: 1 });
      await call(`${base}&registration=${registration}&stateId=z`, 'PUT', { z: 1 });
      expect(await (await call(base)).json()).toEqual(['x', 'y']);
      expect(await (await call(`${base}&registration=${registration}`)).json()).toEqual(['z']);
      const future = encodeURIComponent(new Date(Date.now() + 60_000).toISOString());
      expect(await (await call(`${base}&since=${future}`)).json()).toEqual([]);
      expect((await call(`${base}&stateId=x`, 'DELETE')).status).toBe(204);
      expect((await call(`${base}&stateId=x`)).status).toBe(404);
      expect((await call(base, 'DELETE')).status).toBe(204);
      expect(await (await call(base)).json()).toEqual([]);
      expect(await (await call(`${base}&registration=${registration}`)).json()).toEqual(['z']);
    });

    it('requires activityId and agent, a valid agent, and refuses unknown parameters (400)', async () => {
      expect((await call(`/activities/state?agent=${agent()}&stateId=a`)).status).toBe(400);
      expect((await call(`/activities/state?activityId=${activity()}&stateId=a`)).status).toBe(400);
      expect((await call(`/activities/state?activityId=${activity()}&agent=%7B%7D&stateId=a`)).status).toBe(400);
      expect((await call(`/activities/state?activityId=${activity()}&agent=${agent()}&stateid=a`)).status).toBe(400);
      expect((await call(`/activities/state?activityId=${activity()}&agent=${agent()}`, 'PUT', { a: 1 })).status).toBe(
        400,
      );
    });
  });

  describe.each([
    ['activity profile (2.7)', () => `/activities/profile?activityId=${activity()}`],
    ['agent profile (2.6)', () => `/agents/profile?agent=${agent()}`],
  ])('%s and concurrency (3.1)', (_name, base) => {
    it('creates with If-None-Match: *, and refuses it when the document exists (412)', async () => {
      const url = `${base()}&profileId=p`;
      expect((await call(url, 'PUT', { v: 1 }, { 'If-None-Match': '*' })).status).toBe(204);
      expect((await call(url, 'PUT', { v: 2 }, { 'If-None-Match': '*' })).status).toBe(412);
      expect(await (await call(url)).json()).toEqual({ v: 1 });
    });

    it('updates with the current ETag in If-Match, and refuses a stale one (412) without changing it', async () => {
      const url = `${base()}&profileId=p`;
      await call(url, 'PUT', { v: 1 });
      const etag = (await call(url)).headers.get('ETag') as string;
      expect((await call(url, 'PUT', { v: 2 }, { 'If-Match': etag })).status).toBe(204);
      expect((await call(url, 'PUT', { v: 3 }, { 'If-Match': etag })).status).toBe(412);
      expect((await call(url, 'DELETE', undefined, { 'If-Match': etag })).status).toBe(412);
      expect(await (await call(url)).json()).toEqual({ v: 2 });
    });

    it('refuses a PUT over an existing document without If-Match or If-None-Match (409)', async () => {
      const url = `${base()}&profileId=p`;
      expect((await call(url, 'PUT', { v: 1 })).status).toBe(204);
      expect((await call(url, 'PUT', { v: 2 })).status).toBe(409);
      expect(await (await call(url)).json()).toEqual({ v: 1 });
    });

    it('lists profile ids, answers 404 for an unknown one, and deletes one', async () => {
      const b = base();
      await call(`${b}&profileId=one`, 'PUT', { v: 1 });
      await call(`${b}&profileId=two`, 'POST', { v: 2 });
      expect(await (await call(b)).json()).toEqual(['one', 'two']);
      expect((await call(`${b}&profileId=three`)).status).toBe(404);
      expect((await call(`${b}&profileId=one`, 'DELETE')).status).toBe(204);
      expect(await (await call(b)).json()).toEqual(['two']);
    });
  });

  it('answers activities with the newest definition a statement gave, and agents as Person objects', async () => {
    const id = `https://lms.example.org/defined/${randomUUID()}`;
    const s = {
      actor: { mbox: 'mailto:d@example.org', name: 'D' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' },
      object: { id, definition: { name: { en: 'Defined' } } },
    };
    await h.xapi('/statements', { method: 'POST', json: s, version });
    const a = await (await call(`/activities?activityId=${encodeURIComponent(id)}`)).json();
    expect(a).toEqual({ objectType: 'Activity', id, definition: { name: { en: 'Defined' } } });
    const unknown = await (await call(`/activities?activityId=${encodeURIComponent(`${id}/none`)}`)).json();
    expect(unknown).toEqual({ objectType: 'Activity', id: `${id}/none` });
    const person = await (await call(`/agents?agent=${encodeURIComponent(JSON.stringify(s.actor))}`)).json();
    expect(person).toEqual({ objectType: 'Person', name: ['D'], mbox: ['mailto:d@example.org'] });
    expect((await call('/agents')).status).toBe(400);
  });
});

describe('scopes of the document resources', () => {
  it('needs the state scope for state and profile for profiles (403 otherwise); all/read reads both', async () => {
    const statementsOnly = await h.credential(['statements/write', 'statements/read']);
    const state = await h.credential(['state']);
    const reader = await h.credential(['all/read']);
    const url = `/activities/state?activityId=${activity()}&agent=${agent()}&stateId=s`;
    expect((await h.xapi(url, { method: 'PUT', json: { a: 1 }, lrs: statementsOnly })).status).toBe(403);
    expect((await h.xapi(url, { method: 'PUT', json: { a: 1 }, lrs: state })).status).toBe(204);
    expect((await h.xapi(url, { lrs: reader })).status).toBe(200);
    expect((await h.xapi(url, { method: 'DELETE', lrs: reader })).status).toBe(403);
    expect((await h.xapi(`/activities/profile?activityId=${activity()}`, { lrs: state })).status).toBe(403);
  });
});
