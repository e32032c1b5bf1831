import type { TestPerson, TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, type Harness, harness, ok, personAt, publishedPost } from '../test-support.js';

let h: Harness;
let p: TestPrincipals;
let regular: TestPerson;

beforeAll(async () => {
  h = await harness({ regionConfig: { blockedTerms: ['Casino bonus', '赌场'] } });
  p = await h.t.principals();
  regular = await personAt(h, 2);
});
afterAll(() => h.t.close());

const article = (title: string, body = `${title}: how I learned it, step by step.`) => ({
  kind: 'article',
  title,
  body,
});

describe('publishing by anyone', () => {
  it("holds a new provider's post for review: readers do not see it until a moderator approves it", async () => {
    const newcomer = await h.t.person();
    const post = await ok(
      await h.call('POST', '/posts', { auth: newcomer.token, json: article('Knitting for beginners') }),
      201,
    );
    expect(post.status).toBe('pending');
    await expectProblem(
      await h.call('GET', `/posts/${post.id}`, { auth: regular.token }),
      404,
      'COMMUNITY_POST_NOT_FOUND',
    );
    await expectProblem(await h.call('GET', `/posts/${post.id}`), 404, 'COMMUNITY_POST_NOT_FOUND');
    expect((await ok(await h.call('GET', `/posts/${post.id}`, { auth: newcomer.token }))).status).toBe('pending');
    const listed = await ok(await h.call('GET', '/posts?limit=100'));
    expect(listed.items.map((x: { id: string }) => x.id)).not.toContain(post.id);

    const approved = await ok(
      await h.call('POST', `/moderation/posts/${post.id}/decision`, {
        auth: p.regionAdmin.token,
        json: { action: 'approve', reason: 'Useful and within the rules' },
      }),
    );
    expect(approved.status).toBe('published');
    expect((await ok(await h.call('GET', `/posts/${post.id}`))).status).toBe('published');
    expect((await ok(await h.call('GET', '/me', { auth: newcomer.token }))).postsPublished).toBe(1);
  });

  it('publishes at once from trust level 1, and lists by topic', async () => {
    const basic = await personAt(h, 1);
    const post = await ok(
      await h.call('POST', '/posts', {
        auth: basic.token,
        json: { ...article('Pruning apple trees'), topics: ['gardening'] },
      }),
      201,
    );
    expect(post.status).toBe('published');
    const listed = await ok(await h.call('GET', '/posts?topic=gardening'));
    expect(listed.items.map((x: { id: string }) => x.id)).toEqual([post.id]);
  });

  it('names the author by the name they chose, to everyone (moderators too), and never by the legal name', async () => {
    const author = await personAt(h, 1);
    const post = await ok(
      await h.call('POST', '/posts', { auth: author.token, json: article('Sourdough starters') }),
      201,
    );
    expect(post.authorDisplayName).toBeNull();
    await h.t.request('/v1/me/display-name', { method: 'PUT', auth: author.token, json: { displayName: 'Baker Li' } });
    for (const auth of [undefined, regular.token, p.regionAdmin.token]) {
      const read = await ok(await h.call('GET', `/posts/${post.id}`, auth ? { auth } : {}));
      expect(read.authorDisplayName).toBe('Baker Li');
      expect(JSON.stringify(read)).not.toContain(author.legalName);
    }
    const listed = await ok(await h.call('GET', '/posts?limit=200'));
    expect(listed.items.find((x: { id: string }) => x.id === post.id).authorDisplayName).toBe('Baker Li');
  });

  it("applies the region's content rules, naming the field and the rule (Chinese and English terms)", async () => {
    const english = await expectProblem(
      await h.call('POST', '/posts', {
        auth: regular.token,
        json: article('Win big', 'Claim your CASINO BONUS today'),
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(english.errors).toEqual([expect.objectContaining({ path: '/body/body', rule: 'contentRule' })]);
    const chinese = await expectProblem(
      await h.call('POST', '/posts', { auth: regular.token, json: article('网上赌场', '学习') }),
      400,
    );
    expect(chinese.errors).toEqual([expect.objectContaining({ path: '/body/title', rule: 'contentRule' })]);
  });
});

describe('trust levels', () => {
  it('are earned by reading others’ posts over a day, and /me says what is missing', async () => {
    const reader = await h.t.person();
    const before = await ok(await h.call('GET', '/me', { auth: reader.token }));
    expect(before).toMatchObject({
      trustLevel: 0,
      levelName: 'new',
      privileges: { premoderated: true, mayFlag: false },
    });
    expect(before.next.level).toBe(1);
    expect(before.next.missing.join(' ')).toContain('read 5 more post(s)');
    for (let i = 0; i < 5; i++) {
      const post = await publishedPost(h, regular);
      await ok(await h.call('GET', `/posts/${post.id}`, { auth: reader.token }));
      // A second read of the same post counts once.
      await ok(await h.call('GET', `/posts/${post.id}`, { auth: reader.token }));
    }
    const read = await ok(await h.call('GET', '/me', { auth: reader.token }));
    expect(read).toMatchObject({ trustLevel: 0, postsRead: 5 });
    expect(read.next.missing).toEqual([expect.stringContaining('be a member for 1 day(s)')]);
    h.tick(86_400);
    const after = await ok(await h.call('GET', '/me', { auth: reader.token }));
    expect(after).toMatchObject({
      trustLevel: 1,
      levelName: 'basic',
      privileges: { premoderated: false, mayFlag: true },
    });
  });

  it('limit a new account to 3 posts on its first day, saying the limit and how to progress', async () => {
    const newcomer = await h.t.person();
    for (let i = 0; i < 3; i++) {
      await ok(
        await h.call('POST', '/posts', { auth: newcomer.token, json: article(`Day one ${i} ${crypto.randomUUID()}`) }),
        201,
      );
    }
    const problem = await expectProblem(
      await h.call('POST', '/posts', { auth: newcomer.token, json: article(`One more ${crypto.randomUUID()}`) }),
      429,
      'COMMUNITY_RATE_LIMITED',
    );
    expect(problem).toMatchObject({ limit: 'postsPerDay', max: 3, used: 3, trustLevel: 0 });
    expect(problem.detail).toContain('may publish 3 post(s) in any 24 hours');
    expect(problem.detail).toContain('Reach trust level 1 (');
    expect(problem.detail).toContain('read 5 more post(s)');
    expect(Date.parse(problem.retryAt)).toBe(h.clock.now.getTime() + 86_400_000);
  });

  it('cap links per post by level, with the same kind of explanation', async () => {
    const newcomer = await h.t.person();
    const links = 'See https://a.example/x, http://b.example and www.c.example for more.';
    const problem = await expectProblem(
      await h.call('POST', '/posts', { auth: newcomer.token, json: article('Three links', links) }),
      400,
      'VALIDATION_FAILED',
    );
    expect(problem.errors).toEqual([expect.objectContaining({ path: '/body/body', rule: 'linksPerPost' })]);
    expect(problem.detail).toContain('may hold 2 link(s); this one holds 3');
    expect(problem.detail).toContain('Reach trust level 1');
    await ok(await h.call('POST', '/posts', { auth: regular.token, json: article('Three links', links) }), 201);
  });
});

describe('spam heuristics', () => {
  it('send a near-duplicate of a recent post to review instead of publishing it (Chinese too)', async () => {
    const original = await publishedPost(h, regular, '如何在家学习书法：准备笔墨纸砚，每天练习基本笔画三十分钟');
    const copier = await personAt(h, 3);
    const copy = await ok(
      await h.call('POST', '/posts', {
        auth: copier.token,
        json: { kind: 'article', title: original.title, body: original.body.replace('三十', '三十') },
      }),
      201,
    );
    expect(copy.status).toBe('pending');
    const queue = await ok(await h.call('GET', '/moderation/queue?limit=100', { auth: p.regionAdmin.token }));
    const item = queue.items.find((i: { post: { id: string } }) => i.post.id === copy.id);
    expect(item.spamSignals).toEqual(['nearDuplicate']);
    const different = await ok(
      await h.call('POST', '/posts', {
        auth: copier.token,
        json: article('Learning calligraphy', 'Brush, ink, paper, stone.'),
      }),
      201,
    );
    expect(different.status).toBe('published');
  });
});

describe('resources with files', () => {
  const PDF = new TextEncoder().encode('%PDF-1.7 a worksheet');

  it('stores a sniffed file in the core file store and serves it to readers as an attachment', async () => {
    const post = await ok(
      await h.call('POST', '/posts', {
        auth: regular.token,
        json: { kind: 'resource', title: 'Worksheet', body: 'Print it.' },
      }),
      201,
    );
    const put = await h.t.request(`/v1/community/posts/${post.id}/file?name=worksheet.pdf`, {
      method: 'PUT',
      auth: regular.token,
      headers: { 'Content-Type': 'application/pdf' },
      body: PDF,
    });
    const withFile = await ok(put);
    expect(withFile.file).toMatchObject({ contentType: 'application/pdf', name: 'worksheet.pdf', size: PDF.length });
    const got = await h.call('GET', `/posts/${post.id}/file`);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toContain('attachment');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PDF);
  });

  it('refuses bytes that are not of the declared type, and files of others’ posts', async () => {
    const post = await publishedPost(h, regular);
    const wrong = await h.t.request(`/v1/community/posts/${post.id}/file`, {
      method: 'PUT',
      auth: regular.token,
      headers: { 'Content-Type': 'image/png' },
      body: PDF,
    });
    await expectProblem(wrong, 415, 'COMMUNITY_FILE_TYPE_MISMATCH');
    const theirs = await h.t.request(`/v1/community/posts/${post.id}/file`, {
      method: 'PUT',
      auth: p.learner.token,
      headers: { 'Content-Type': 'application/pdf' },
      body: PDF,
    });
    await expectProblem(theirs, 404, 'COMMUNITY_POST_NOT_FOUND');
    await expectProblem(await h.call('GET', `/posts/${post.id}/file`), 404, 'COMMUNITY_POST_NOT_FOUND');
  });

  it('limit a new account to one file a day', async () => {
    const newcomer = await h.t.person();
    const attach = async () => {
      const post = await ok(
        await h.call('POST', '/posts', { auth: newcomer.token, json: article(`Sheet ${crypto.randomUUID()}`) }),
        201,
      );
      return h.t.request(`/v1/community/posts/${post.id}/file`, {
        method: 'PUT',
        auth: newcomer.token,
        headers: { 'Content-Type': 'application/pdf' },
        body: PDF,
      });
    };
    await ok(await attach());
    const problem = await expectProblem(await attach(), 429, 'COMMUNITY_RATE_LIMITED');
    expect(problem).toMatchObject({ limit: 'filesPerDay', max: 1, used: 1 });
    expect(problem.detail).toContain('Reach trust level 1');
  });
});
