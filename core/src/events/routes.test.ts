import { Validator } from '@seriousme/openapi-schema-validator';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import { defineEvent } from './event-ref.js';
import { createEventSystem, type EventSystem } from './event-system.js';

const Happened = defineEvent('test-routes.lesson.completed', Type.Object({ n: Type.Integer() }));

let t: TestPlatform;
let events: EventSystem;
let healthy = false;
const delivered: number[] = [];

beforeAll(async () => {
  // The platform mounts the dead-letter routes; this file's own event system (a second
  // "instance" with a subscriber that fails on demand) produces the dead letters.
  t = await createTestPlatform();
  events = createEventSystem({
    db: () => t.platform.database.db,
    logger: t.platform.logger,
    maxAttempts: 2,
    baseDelayMs: 0,
  });
  events.subscribe({
    subscriber: 'test-routes:count',
    event: Happened,
    handler: (e) => {
      if (!healthy) throw new Error(`cannot handle ${(e.payload as { n: number }).n}`);
      delivered.push((e.payload as { n: number }).n);
    },
  });
  // Record the subscriber first: the platform's own dispatcher may fan out these events at once,
  // and fan-out only writes deliveries for subscribers already recorded.
  await events.drain();
  for (const n of [1, 2, 3]) await events.emit(t.platform.database.db, Happened, { n });
  await events.drain();
});
afterAll(async () => {
  await events?.stop();
  await t?.close();
});

describe('GET /v1/events/dead-letters', () => {
  it('lists dead letters newest first, a page at a time, without payloads', async () => {
    const first = await t.request('/v1/events/dead-letters?limit=2', { auth: 'admin' });
    expect(first.status).toBe(200);
    const page1 = await first.json();
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const second = await (
      await t.request(`/v1/events/dead-letters?limit=2&cursor=${page1.nextCursor}`, { auth: 'admin' })
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();

    const items = [...page1.items, ...second.items];
    expect(items.map((item: { id: string }) => item.id)).toEqual(
      items
        .map((item: { id: string }) => item.id)
        .sort()
        .reverse(),
    );
    expect(items[0]).toMatchObject({
      event: Happened.name,
      subscriber: 'test-routes:count',
      attempts: 2,
      lastError: expect.stringMatching(/^Error: cannot handle \d$/),
      regionId: null,
    });
    expect(items[0]).not.toHaveProperty('payload');
  });

  it('filters by subscriber and by event', async () => {
    const none = await (await t.request('/v1/events/dead-letters?subscriber=other:thing', { auth: 'admin' })).json();
    expect(none.items).toEqual([]);
    const byEvent = await (await t.request(`/v1/events/dead-letters?event=${Happened.name}`, { auth: 'admin' })).json();
    expect(byEvent.items).toHaveLength(3);
  });

  it('is refused to a signed-in learner and to anonymous callers', async () => {
    const learner = await t.person();
    expect((await t.request('/v1/events/dead-letters', { auth: learner.token })).status).toBe(403);
    expect((await t.request('/v1/events/dead-letters')).status).toBe(401);
  });
});

describe('POST /v1/events/dead-letters/{deliveryId}/retry', () => {
  it('requeues a dead letter, which is then delivered and leaves the list', async () => {
    const { items } = await (await t.request('/v1/events/dead-letters?limit=1', { auth: 'admin' })).json();
    const target = items[0];
    healthy = true;
    const res = await t.request(`/v1/events/dead-letters/${target.id}/retry`, { method: 'POST', auth: 'admin' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: target.id, status: 'pending' });
    await events.drain();
    expect(delivered).toHaveLength(1);
    const after = await (await t.request('/v1/events/dead-letters', { auth: 'admin' })).json();
    expect(after.items.map((item: { id: string }) => item.id)).not.toContain(target.id);
    expect(after.items).toHaveLength(2);
  });

  it('answers 404 problem+json for an id that is not a dead letter', async () => {
    const res = await t.request('/v1/events/dead-letters/01930000-0000-7000-8000-000000000000/retry', {
      method: 'POST',
      auth: 'admin',
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).detail).toContain('01930000-0000-7000-8000-000000000000');
  });

  it('is refused to a learner', async () => {
    const learner = await t.person();
    const { items } = await (await t.request('/v1/events/dead-letters?limit=1', { auth: 'admin' })).json();
    const res = await t.request(`/v1/events/dead-letters/${items[0].id}/retry`, {
      method: 'POST',
      auth: learner.token,
    });
    expect(res.status).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('documents both routes, and the document stays valid', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    expect(doc.paths['/v1/events/dead-letters'].get.operationId).toBe('events.deadLetters.list');
    expect(doc.paths['/v1/events/dead-letters/{deliveryId}/retry'].post.operationId).toBe('events.deadLetters.retry');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
