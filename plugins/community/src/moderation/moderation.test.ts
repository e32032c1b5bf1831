import type { TestPerson, TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type Harness, harness, moderator, ok, personAt, publishedPost } from '../test-support.js';

let h: Harness;
let p: TestPrincipals;
let mod: TestPerson;
let author: TestPerson;
const readers: TestPerson[] = [];

beforeAll(async () => {
  h = await harness();
  p = await h.t.principals();
  mod = await moderator(h);
  author = await personAt(h, 2);
  for (let i = 0; i < 3; i++) readers.push(await personAt(h, 1));
});
afterAll(() => h.t.close());

const flag = (post: { id: string }, by: TestPerson, reason = 'spam', region = 'default') =>
  h.call('POST', `/posts/${post.id}/flags`, { auth: by.token, json: { reason, note: 'looks wrong' }, region });

describe('the review queue', () => {
  // Region `elsewhere`, moderated by its own admin, holds only this fixture.
  const region = 'elsewhere';
  const lock = async (person: TestPerson, level: number) =>
    ok(
      await h.call('PUT', `/members/${person.id}/trust-level`, {
        auth: p.otherRegionAdmin.token,
        json: { level, reason: 'fixture' },
        region,
      }),
    );
  const write = async (person: TestPerson, title: string) =>
    ok(
      await h.call('POST', '/posts', {
        auth: person.token,
        json: { kind: 'article', title, body: `${title}, explained in a few words.` },
        region,
      }),
      201,
    );
  const decide = async (post: { id: string }, action: string) =>
    ok(
      await h.call('POST', `/moderation/posts/${post.id}/decision`, {
        auth: p.otherRegionAdmin.token,
        json: { action, reason: 'fixture decision' },
        region,
      }),
    );

  it('orders by the documented score: flag type × flagger accuracy, author trust, time waiting', async () => {
    const [a, b, c, f1, f2] = await Promise.all([1, 2, 3, 4, 5].map(() => h.t.person({ verified: true })));
    if (!a || !b || !c || !f1 || !f2) throw new Error('people');
    await lock(a, 3);
    await lock(b, 1);
    await lock(f1, 1);
    await lock(f2, 1);
    // F2's record: one earlier flag, upheld → accuracy (1 + 1) / (1 + 0 + 2) = 2/3. F1 has none → 1/2.
    const warmUp = await write(a, 'Warm-up');
    await ok(await flag(warmUp, f2, 'spam', region), 201);
    await decide(warmUp, 'hide');

    const t0 = h.clock.now.getTime();
    const pc = await write(c, 'Pending newcomer post'); // trust 0: pre-moderated
    expect(pc.status).toBe('pending');
    const pa = await write(a, 'Regular post');
    const pb = await write(b, 'Basic post');
    h.clock.now = new Date(t0 + 3_600_000);
    await ok(await flag(pa, f1, 'abuse', region), 201);
    h.clock.now = new Date(t0 + 2 * 3_600_000);
    await ok(await flag(pb, f2, 'offTopic', region), 201);
    h.clock.now = new Date(t0 + 12 * 3_600_000);

    // By hand, at t0 + 12 h:
    //   pb: offTopic 2 × 2/3 = 1.3333 + (4 − 1) + 10 h / 24 = 0.4167 → 4.75
    //   pc: no flags + (4 − 0) + 12 h / 24 = 0.5              → 4.5
    //   pa: abuse 6 × 1/2 = 3 + (4 − 3) + 11 h / 24 = 0.4583  → 4.458
    const queue = await ok(await h.call('GET', '/moderation/queue', { auth: p.otherRegionAdmin.token, region }));
    expect(queue.items.map((i: { post: { id: string }; score: number }) => [i.post.id, i.score])).toEqual([
      [pb.id, 4.75],
      [pc.id, 4.5],
      [pa.id, 4.458],
    ]);
    expect(queue.items[0]).toMatchObject({
      authorTrustLevel: 1,
      openFlags: [{ reason: 'offTopic', flaggerAccuracy: 2 / 3 }],
    });

    // Page by page, the order holds even as time passes between pages.
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await ok(
        await h.call('GET', `/moderation/queue?limit=1${cursor ? `&cursor=${cursor}` : ''}`, {
          auth: p.otherRegionAdmin.token,
          region,
        }),
      );
      ids.push(...page.items.map((i: { post: { id: string } }) => i.post.id));
      cursor = page.nextCursor;
      h.tick(3600);
    } while (cursor);
    expect(ids).toEqual([pb.id, pc.id, pa.id]);
    await expectProblem(
      await h.call('GET', '/moderation/queue?cursor=bm90LWEtY3Vyc29y', { auth: p.otherRegionAdmin.token, region }),
      400,
      'VALIDATION_FAILED',
    );
  });
});

describe('flags', () => {
  it('need trust level 1, and the refusal says how to get there', async () => {
    const post = await publishedPost(h, author);
    const newcomer = await h.t.person();
    const problem = await expectProblem(await flag(post, newcomer), 403, 'COMMUNITY_TRUST_LEVEL_TOO_LOW');
    expect(problem.detail).toContain('Flagging needs trust level 1');
    expect(problem.detail).toContain('Reach trust level 1 (');
  });

  it('are not for one’s own posts, and count once per person', async () => {
    const post = await publishedPost(h, author);
    await expectProblem(await flag(post, author), 403, 'CONFLICT_OF_INTEREST');
    await ok(await flag(post, readers[0] as TestPerson), 201);
    await expectProblem(await flag(post, readers[0] as TestPerson), 409, 'COMMUNITY_ALREADY_FLAGGED');
  });

  it('hide a post from readers in the very next request once three are open', async () => {
    const post = await publishedPost(h, author);
    const [r0, r1, r2] = readers as [TestPerson, TestPerson, TestPerson];
    expect((await ok(await flag(post, r0), 201)).postStatus).toBe('published');
    expect((await ok(await flag(post, r1, 'abuse'), 201)).postStatus).toBe('published');
    expect((await ok(await flag(post, r2, 'abuse'), 201)).postStatus).toBe('hidden');
    await expectProblem(
      await h.call('GET', `/posts/${post.id}`, { auth: p.learner.token }),
      404,
      'COMMUNITY_POST_NOT_FOUND',
    );
    await expectProblem(await h.call('GET', `/posts/${post.id}`), 404);
    const list = await ok(await h.call('GET', '/posts?limit=100'));
    expect(list.items.map((x: { id: string }) => x.id)).not.toContain(post.id);
    expect((await ok(await h.call('GET', `/posts/${post.id}`, { auth: author.token }))).status).toBe('hidden');
    const log = await ok(await h.call('GET', '/moderation/actions?limit=100', { auth: mod.token }));
    expect(log.items).toContainEqual(
      expect.objectContaining({ action: 'post.autoHide', postId: post.id, actorPersonId: null }),
    );
  });
});

describe('decisions', () => {
  it('hide at once with a stated reason, uphold the flags and count against the author', async () => {
    const post = await publishedPost(h, author);
    await ok(await flag(post, readers[0] as TestPerson), 201);
    const before = await ok(await h.call('GET', '/me', { auth: author.token }));
    const hidden = await ok(
      await h.call('POST', `/moderation/posts/${post.id}/decision`, {
        auth: mod.token,
        json: { action: 'hide', reason: 'Advertising' },
      }),
    );
    expect(hidden.status).toBe('hidden');
    await expectProblem(await h.call('GET', `/posts/${post.id}`), 404);
    const after = await ok(await h.call('GET', '/me', { auth: author.token }));
    expect(after.upheldFlagsAgainst).toBe(before.upheldFlagsAgainst + 1);
    const missing = await expectProblem(
      await h.call('POST', `/moderation/posts/${post.id}/decision`, { auth: mod.token, json: { action: 'hide' } }),
      400,
    );
    expect(missing.errors[0].path).toBe('/body/reason');
  });

  it('are not for a moderator’s own post, and not for people who are not moderators', async () => {
    const post = await publishedPost(h, mod);
    await expectProblem(
      await h.call('POST', `/moderation/posts/${post.id}/decision`, {
        auth: mod.token,
        json: { action: 'remove', reason: 'x' },
      }),
      403,
      'CONFLICT_OF_INTEREST',
    );
    await expectProblem(
      await h.call('POST', `/moderation/posts/${post.id}/decision`, {
        auth: author.token,
        json: { action: 'remove', reason: 'x' },
      }),
      403,
      'COMMUNITY_NOT_A_MODERATOR',
    );
  });
});

describe('suspensions', () => {
  it('take two different moderators, then stop posting but not reading', async () => {
    const troll = await personAt(h, 2);
    const proposed = await ok(
      await h.call('POST', `/moderation/people/${troll.id}/suspensions`, {
        auth: mod.token,
        json: { reason: 'Repeated abuse after two warnings', days: 3 },
      }),
      201,
    );
    expect(proposed).toMatchObject({ status: 'proposed', until: null });
    await publishedPost(h, troll); // not in force yet
    await expectProblem(
      await h.call('POST', `/moderation/suspensions/${proposed.id}/confirmation`, { auth: mod.token }),
      409,
      'COMMUNITY_SECOND_MODERATOR_REQUIRED',
    );
    const active = await ok(
      await h.call('POST', `/moderation/suspensions/${proposed.id}/confirmation`, { auth: p.regionAdmin.token }),
    );
    expect(active).toMatchObject({ status: 'active', confirmedBy: p.regionAdmin.id });
    const refused = await expectProblem(
      await h.call('POST', '/posts', { auth: troll.token, json: { kind: 'article', title: 'Hi', body: 'Hello' } }),
      403,
      'COMMUNITY_SUSPENDED',
    );
    expect(refused.suspendedUntil).toBe(new Date(h.clock.now.getTime() + 3 * 86_400_000).toISOString());
    await ok(await h.call('GET', '/posts', { auth: troll.token }));
    await expectProblem(
      await h.call('POST', `/moderation/people/${mod.id}/suspensions`, {
        auth: mod.token,
        json: { reason: 'me', days: 1 },
      }),
      403,
      'CONFLICT_OF_INTEREST',
    );
  });

  it('warnings are counted and logged with their reason', async () => {
    const person = await personAt(h, 1);
    const warned = await ok(
      await h.call('POST', `/moderation/people/${person.id}/warnings`, {
        auth: mod.token,
        json: { reason: 'Be kind' },
      }),
      201,
    );
    expect(warned).toMatchObject({ warnings: 1 });
    expect((await ok(await h.call('GET', '/me', { auth: person.token }))).warnings).toBe(1);
    const log = await ok(await h.call('GET', '/moderation/actions?limit=200', { auth: p.regionAdmin.token }));
    expect(log.items).toContainEqual(
      expect.objectContaining({
        action: 'person.warn',
        subjectPersonId: person.id,
        actorPersonId: mod.id,
        reason: 'Be kind',
      }),
    );
  });
});

describe('appeals', () => {
  it('run as a dialogue to a decision with stated reasons, by a moderator who did not decide', async () => {
    const post = await publishedPost(h, author, 'My honest review of the city library courses');
    await ok(await flag(post, readers[1] as TestPerson, 'spam'), 201);
    await ok(
      await h.call('POST', `/moderation/posts/${post.id}/decision`, {
        auth: mod.token,
        json: { action: 'remove', reason: 'Looks like advertising' },
      }),
    );
    await expectProblem(
      await h.call('POST', `/posts/${post.id}/appeals`, { auth: readers[0]?.token, json: { message: 'not mine' } }),
      404,
      'COMMUNITY_POST_NOT_FOUND',
    );
    const appeal = await ok(
      await h.call('POST', `/posts/${post.id}/appeals`, {
        auth: author.token,
        json: { message: 'I am not paid by the library; this is my own experience.' },
      }),
      201,
    );
    await expectProblem(
      await h.call('POST', `/posts/${post.id}/appeals`, { auth: author.token, json: { message: 'again' } }),
      409,
      'COMMUNITY_POST_NOT_APPEALABLE',
    );
    await ok(
      await h.call('POST', `/appeals/${appeal.id}/messages`, {
        auth: p.regionAdmin.token,
        json: { body: 'Which courses did you take, and when?' },
      }),
      201,
    );
    await ok(
      await h.call('POST', `/appeals/${appeal.id}/messages`, {
        auth: author.token,
        json: { body: 'Pottery and Python, this spring.' },
      }),
      201,
    );
    await expectProblem(
      await h.call('GET', `/appeals/${appeal.id}`, { auth: readers[1]?.token }),
      404,
      'COMMUNITY_APPEAL_NOT_FOUND',
    );
    await expectProblem(
      await h.call('POST', `/appeals/${appeal.id}/decision`, {
        auth: mod.token,
        json: { outcome: 'overturned', reason: 'mine' },
      }),
      409,
      'COMMUNITY_SECOND_MODERATOR_REQUIRED',
    );
    const decided = await ok(
      await h.call('POST', `/appeals/${appeal.id}/decision`, {
        auth: p.regionAdmin.token,
        json: { outcome: 'overturned', reason: 'A first-hand review, not an advertisement.' },
      }),
    );
    expect(decided).toMatchObject({
      status: 'overturned',
      decisionReason: 'A first-hand review, not an advertisement.',
    });
    expect(decided.messages.map((m: { role: string; body: string }) => [m.role, m.body])).toEqual([
      ['author', 'I am not paid by the library; this is my own experience.'],
      ['moderator', 'Which courses did you take, and when?'],
      ['author', 'Pottery and Python, this spring.'],
      ['moderator', 'Decision: overturned. A first-hand review, not an advertisement.'],
    ]);
    expect((await ok(await h.call('GET', `/posts/${post.id}`))).status).toBe('published');
    await expectProblem(
      await h.call('POST', `/appeals/${appeal.id}/messages`, { auth: author.token, json: { body: 'Thanks' } }),
      409,
      'COMMUNITY_APPEAL_CLOSED',
    );
    const log = await ok(await h.call('GET', '/moderation/actions?limit=200', { auth: mod.token }));
    const steps = log.items
      .filter((a: { postId: string }) => a.postId === post.id)
      .map((a: { action: string }) => a.action);
    expect(steps).toEqual(['post.remove', 'appeal.open', 'appeal.overturned']);
  });
});
