// The quality teacher database end to end, and what stands on it: recommendations and textbooks.
import type { TestPerson } from '@lifelong/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedTeacher, balanceOf, expectProblem, type Harness, harness, publishedCourse } from '../test-support.js';

let h: Harness;
let admin: TestPerson;
let star: Awaited<ReturnType<typeof approvedTeacher>>;
let good: Awaited<ReturnType<typeof approvedTeacher>>;
let weak: Awaited<ReturnType<typeof approvedTeacher>>;
let idle: Awaited<ReturnType<typeof approvedTeacher>>;
let weakCourse: { id: string };

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await h.t.platform.database.db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

/** `learners` people enrol; each reaches `reach` lessons (completing all but maybe the last) and rates. */
async function activity(teacherToken: string, learners: number, reach: number, complete: boolean, stars?: number) {
  const course = await publishedCourse(h, teacherToken, { lessons: 2 });
  for (let i = 0; i < learners; i++) {
    const learner = await h.t.person({ verified: true });
    const enrolment = await (await h.call('POST', `/courses/${course.id}/enrolments`, { auth: learner.token })).json();
    for (const [k, lesson] of enrolment.lessons.slice(0, reach).entries()) {
      const done = complete || k < reach - 1;
      const res = await h.call('POST', `/enrolments/${enrolment.id}/lessons/${lesson.id}/events`, {
        auth: learner.token,
        json: { type: done ? 'completed' : 'started', secondsSpent: 60 },
      });
      expect(res.status).toBe(200);
    }
    if (stars) await h.call('PUT', `/courses/${course.id}/rating`, { auth: learner.token, json: { stars } });
  }
  return course;
}

beforeAll(async () => {
  h = await harness({
    // Completion evidence is learning's concern (learning tests): here lessons complete on the first event.
    regionConfig: {
      quality: { threshold: 30, minSample: 2 },
      recommendations: { topShareBps: 5000 },
      learning: { completion: { secondsWithoutDuration: 0 } },
    },
  });
  admin = (await h.t.principals()).regionAdmin;
  const { institution } = await h.t.principals();
  [star, good, weak, idle] = [
    await approvedTeacher(h, [institution.id]),
    await approvedTeacher(h),
    await approvedTeacher(h),
    await approvedTeacher(h),
  ];
  await activity(star.person.token, 3, 2, true, 5); // (0.15 + 1 + 1 + 1 + 0) / 5 = 63.00
  await activity(good.person.token, 1, 2, true, 4); // (0.05 + 1 + 0.75 + 1 + 0) / 5 = 56.00
  weakCourse = await activity(weak.person.token, 2, 1, false); // (0.1 + 0 + 0.5 + 0 + 0) / 5 = 12.00
}, 120_000);
afterAll(() => h.t.close());

describe('the quality teacher database', () => {
  it('scores every approved teacher on demand and admits those above the threshold, best first', async () => {
    const res = await h.call('POST', '/quality/recompute', { auth: admin.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ inDatabase: 2 });
    const db = await (await h.call('GET', '/quality/database', { auth: admin.token })).json();
    expect(db.items.map((s: { teacherId: string; score: number }) => [s.teacherId, s.score])).toEqual([
      [star.teacher.id, 63],
      [good.teacher.id, 56],
    ]);
    const idleScore = await (await h.call('GET', '/quality/me', { auth: idle.person.token })).json();
    expect(idleScore).toMatchObject({ score: 10, inDatabase: false, suggestions: [] });
  });

  it('gives each teacher suggestions from their figures, naming the lesson where completion drops', async () => {
    await h.t.runJob('teacher-development', 'recompute-quality');
    const mine = await (await h.call('GET', '/quality/me', { auth: weak.person.token })).json();
    expect(mine).toMatchObject({ score: 12, inDatabase: false, figures: { enrolments: 2, completed: 0 } });
    expect(mine.suggestions).toContainEqual({
      code: 'completion-drop',
      courseId: weakCourse.id,
      lesson: 2,
      message:
        'Completion drops at lesson 2 of course "Fractions for adults": only 0% of the 2 learners who reached lesson 1 started it.',
    });
    expect(mine.suggestions.map((s: { code: string }) => s.code)).toContain('low-completion');
  });

  it('is for quality managers of the region only', async () => {
    const { learner, otherRegionAdmin } = await h.t.principals();
    await expectProblem(await h.call('GET', '/quality/database', { auth: learner.token }), 403);
    await expectProblem(await h.call('GET', '/quality/database', { auth: otherRegionAdmin.token }), 403);
    await expectProblem(await h.call('POST', '/quality/recompute', { auth: star.person.token }), 403);
    await expectProblem(await h.call('GET', '/quality/me', { auth: learner.token }), 404);
  });
});

describe('recommendations', () => {
  it('propose the top share, are confirmed by an admin, notify the teachers and export as JSON and CSV', async () => {
    const proposed = await h.call('POST', '/recommendations', {
      auth: admin.token,
      json: { event: 'Lifelong Education Week, "2026"' },
    });
    expect(proposed.status).toBe(201);
    const list = await proposed.json();
    // Half of a database of two: the best one.
    expect(list).toMatchObject({ state: 'proposed', entries: [{ teacherId: star.teacher.id, rank: 1, score: 63 }] });
    await expectProblem(await h.call('GET', `/recommendations/${list.id}/export`, { auth: admin.token }), 409);
    const bad = await expectProblem(
      await h.call('POST', `/recommendations/${list.id}/confirm`, {
        auth: admin.token,
        json: { teacherIds: [good.teacher.id] },
      }),
      400,
    );
    expect(bad.errors[0]).toMatchObject({ path: '/body/teacherIds/0', rule: 'proposed' });
    const confirmed = await h.call('POST', `/recommendations/${list.id}/confirm`, { auth: admin.token, json: {} });
    expect((await confirmed.json()).entries[0].confirmed).toBe(true);
    await expectProblem(
      await h.call('POST', `/recommendations/${list.id}/confirm`, { auth: admin.token, json: {} }),
      409,
      'TEACHER_DEVELOPMENT_WRONG_RECOMMENDATION_STATE',
    );
    const notified = await rows<{ payload: { teacherId: string; event: string } }>(
      sql`select payload from core.events where name = 'teacher-development.teacher.recommended'`,
    );
    expect(notified.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        teacherId: star.teacher.id,
        personId: star.person.id,
        event: 'Lifelong Education Week, "2026"',
      }),
    ]);
    // The export names the teacher: the display name they chose, and (to a region admin, who may
    // read people) the legal name.
    await h.t.request('/v1/me/display-name', {
      method: 'PUT',
      auth: star.person.token,
      json: { displayName: '=Star' },
    });
    const json = await (await h.call('GET', `/recommendations/${list.id}/export`, { auth: admin.token })).json();
    expect(json.entries).toEqual([
      expect.objectContaining({ teacherId: star.teacher.id, displayName: '=Star', legalName: star.person.legalName }),
    ]);
    const csv = await h.call('GET', `/recommendations/${list.id}/export?format=csv`, { auth: admin.token });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    // A name a spreadsheet would run as a formula is quoted.
    expect(await csv.text()).toBe(
      `rank,teacherId,personId,displayName,legalName,score,event\r\n1,${star.teacher.id},${star.person.id},'=Star,${star.person.legalName},63.00,"Lifelong Education Week, ""2026"""\r\n`,
    );
  });

  it('are for quality managers only', async () => {
    const { learner, otherRegionAdmin } = await h.t.principals();
    for (const auth of [learner.token, otherRegionAdmin.token, star.person.token]) {
      await expectProblem(await h.call('POST', '/recommendations', { auth, json: { event: 'x' } }), 403);
    }
    const bad = await expectProblem(await h.call('POST', '/recommendations', { auth: admin.token, json: {} }), 400);
    expect(bad.errors[0].path).toBe('/body/event');
  });
});

describe('textbooks', () => {
  it('are proposed by quality teachers, published by their publisher, sold and settled, and signed', async () => {
    const { institution } = await h.t.principals();
    await expectProblem(
      await h.call('POST', '/textbooks', {
        auth: weak.person.token,
        json: { publisherInstitutionId: institution.id, title: 'T', description: 'D' },
      }),
      403,
      'TEACHER_DEVELOPMENT_NOT_IN_QUALITY_DATABASE',
    );
    const proposed = await h.call('POST', '/textbooks', {
      auth: star.person.token,
      json: { publisherInstitutionId: institution.id, title: 'Fractions, the book', description: 'From the course.' },
    });
    expect(proposed.status).toBe(201);
    const book = await proposed.json();
    // Another institution cannot review it, nor can learners see it.
    const { learner } = await h.t.principals();
    await expectProblem(await h.call('GET', `/textbooks/${book.id}`, { auth: learner.token }), 404);
    await expectProblem(
      await h.call('POST', `/textbooks/${book.id}/publish`, {
        auth: institution.key,
        json: { isbn: '978-3-16-148410-0', price: '2999' },
      }),
      409,
    );
    const accepted = await h.call('POST', `/textbooks/${book.id}/review`, {
      auth: institution.key,
      json: { decision: 'accept' },
    });
    expect((await accepted.json()).state).toBe('accepted');
    const badIsbn = await expectProblem(
      await h.call('POST', `/textbooks/${book.id}/publish`, {
        auth: institution.key,
        json: { isbn: '978-3-16-148410-1', price: '2999' },
      }),
      400,
    );
    expect(badIsbn.errors[0]).toMatchObject({ path: '/body/isbn', rule: 'isbnChecksum' });
    const published = await (
      await h.call('POST', `/textbooks/${book.id}/publish`, {
        auth: institution.key,
        json: { isbn: '978-3-16-148410-0', price: '2999' },
      })
    ).json();
    expect(published).toMatchObject({ state: 'published', isbn: '9783161484100', price: '2999', asset: 'CNY' });

    // A bookseller (another institution) reports sales, paying from its sales account.
    const shop = await (
      await h.t.request('/v1/institutions', {
        method: 'POST',
        auth: 'admin',
        json: { name: 'Book Shop', kind: 'company', regionId: 'default' },
      })
    ).json();
    const shopKey = (
      await (
        await h.t.request('/v1/api-keys', {
          method: 'POST',
          auth: 'admin',
          json: { name: 'Book Shop till', role: 'issuer', institutionId: shop.id },
        })
      ).json()
    ).key;
    const sale = { booksellerInstitutionId: shop.id, reportRef: 'week-12', copies: 3 };
    const short = await expectProblem(
      await h.call('POST', `/textbooks/${book.id}/sales`, { auth: shopKey, json: sale }),
      409,
      'TEACHER_DEVELOPMENT_INSUFFICIENT_FUNDS',
    );
    // The title speaks of the paying account, not of a course (the code is shared with course payments).
    expect(short.title).toBe('The paying account does not hold enough');
    expect(short.detail).toMatch(/bookseller's CNY sales account cannot cover/);
    // Another bookseller cannot report for this one.
    await expectProblem(
      await h.call('POST', `/textbooks/${book.id}/sales`, { auth: institution.key, json: sale }),
      403,
    );
    const account = await (await h.call('GET', `/booksellers/${shop.id}/account`, { auth: shopKey })).json();
    expect(account).toMatchObject({ asset: 'CNY', balance: '0' });
    const [cny] = await rows<{ id: string }>(
      sql`select issuance_account_id as id from core.ledger_assets where code = 'CNY'`,
    );
    await h.t.request('/v1/ledger/transfers', {
      method: 'POST',
      auth: 'admin',
      json: {
        transfers: [
          {
            id: crypto.randomUUID(),
            debitAccountId: cny?.id,
            creditAccountId: account.accountId,
            amount: '10000',
            code: 9001,
          },
        ],
      },
    });
    const reported = await h.call('POST', `/textbooks/${book.id}/sales`, { auth: shopKey, json: sale });
    expect(reported.status).toBe(201);
    // Gross 3 × 29.99 = 89.97 CNY: royalty floor(10%) = 8.99, publisher floor(30%) = 26.99.
    const settled = await reported.json();
    expect(settled).toMatchObject({ gross: '8997', royalty: '899', publisherShare: '2699', asset: 'CNY' });
    expect(await balanceOf(h, account.accountId)).toBe(10_000n - 899n - 2699n);
    const transfers = await Promise.all(
      settled.transferIds.map(async (id: string) =>
        (await h.t.request(`/v1/ledger/transfers/${id}`, { auth: 'admin' })).json(),
      ),
    );
    expect(transfers.map((t) => [t.amount, t.linked, t.code])).toEqual([
      ['899', true, 6101],
      ['2699', false, 6102],
    ]);
    const replay = await h.call('POST', `/textbooks/${book.id}/sales`, { auth: shopKey, json: sale });
    expect(replay.status).toBe(200);
    expect(await balanceOf(h, account.accountId)).toBe(10_000n - 899n - 2699n);

    // Signings: scheduled by the author, listed for everyone.
    const past = await expectProblem(
      await h.call('POST', `/textbooks/${book.id}/signings`, {
        auth: star.person.token,
        json: { startsAt: '2026-01-01T10:00:00Z', location: 'Library' },
      }),
      400,
    );
    expect(past.errors[0].path).toBe('/body/startsAt');
    await expectProblem(
      await h.call('POST', `/textbooks/${book.id}/signings`, {
        auth: learner.token,
        json: { startsAt: '2026-04-01T10:00:00Z', location: 'Library' },
      }),
      404,
    );
    const signing = await h.call('POST', `/textbooks/${book.id}/signings`, {
      auth: star.person.token,
      json: { startsAt: '2026-04-01T10:00:00Z', location: 'City library' },
    });
    expect(signing.status).toBe(201);
    const listed = await (await h.call('GET', '/signings', { auth: learner.token })).json();
    expect(listed.items).toEqual([
      expect.objectContaining({ textbookId: book.id, title: 'Fractions, the book', location: 'City library' }),
    ]);
    const books = await (await h.call('GET', '/textbooks', { auth: learner.token })).json();
    expect(books.items.map((b: { id: string }) => b.id)).toEqual([book.id]);
  });

  it('attack: sale reports cannot be changed on repeat, reused on another book, sent from another region, or sent by the author', async () => {
    const { institution, regionAdmin } = await h.t.principals();
    const institutionIn = async (name: string, regionId: string) =>
      (
        await h.t.request('/v1/institutions', {
          method: 'POST',
          auth: 'admin',
          json: { name, kind: 'company', regionId },
        })
      ).json();
    const shop = await institutionIn('Corner Books', 'default');
    const shopKey = (
      await (
        await h.t.request('/v1/api-keys', {
          method: 'POST',
          auth: 'admin',
          json: { name: 'Corner Books till', role: 'issuer', institutionId: shop.id },
        })
      ).json()
    ).key;
    const publishedBook = async (isbn: string, publisher: { id: string; key: string }) => {
      const book = await (
        await h.call('POST', '/textbooks', {
          auth: star.person.token,
          json: { publisherInstitutionId: publisher.id, title: `Book ${isbn}`, description: 'D' },
        })
      ).json();
      expect(
        (await h.call('POST', `/textbooks/${book.id}/review`, { auth: publisher.key, json: { decision: 'accept' } }))
          .status,
      ).toBe(200);
      const res = await h.call('POST', `/textbooks/${book.id}/publish`, {
        auth: publisher.key,
        json: { isbn, price: '100' },
      });
      expect(res.status).toBe(200);
      return res.json();
    };
    const first = await publishedBook('9780306406157', institution);
    const second = await publishedBook('9781402894626', institution);
    const account = await (await h.call('GET', `/booksellers/${shop.id}/account`, { auth: shopKey })).json();
    const [cny] = await rows<{ id: string }>(
      sql`select issuance_account_id as id from core.ledger_assets where code = 'CNY'`,
    );
    await h.t.request('/v1/ledger/transfers', {
      method: 'POST',
      auth: 'admin',
      json: {
        transfers: [
          {
            id: crypto.randomUUID(),
            debitAccountId: cny?.id,
            creditAccountId: account.accountId,
            amount: '100000',
            code: 9001,
          },
        ],
      },
    });
    const report = (bookId: string, json: unknown, auth = shopKey) =>
      h.call('POST', `/textbooks/${bookId}/sales`, { auth, json });
    const original = { booksellerInstitutionId: shop.id, reportRef: 'march', copies: 2 };
    expect((await report(first.id, original)).status).toBe(201);
    const balance = await balanceOf(h, account.accountId);

    // The same reference with other copies: 409, nothing paid.
    await expectProblem(
      await report(first.id, { ...original, copies: 200 }),
      409,
      'TEACHER_DEVELOPMENT_SALE_REPORT_CONFLICT',
    );
    // The same reference on another book: 409, and never the first book's sale.
    const reused = await expectProblem(
      await report(second.id, original),
      409,
      'TEACHER_DEVELOPMENT_SALE_REPORT_CONFLICT',
    );
    expect(JSON.stringify(reused)).not.toContain(first.id);
    expect(await balanceOf(h, account.accountId)).toBe(balance);

    // A bookseller of another region.
    const foreign = await institutionIn('Far Books', 'quiet');
    const notHere = await expectProblem(
      await report(first.id, { booksellerInstitutionId: foreign.id, reportRef: 'far-1', copies: 1 }, regionAdmin.token),
      400,
    );
    expect(notHere.errors[0]).toMatchObject({ path: '/body/booksellerInstitutionId', rule: 'institutionInRegion' });

    // The author, on the bookseller's staff, reporting sales of their own book; and reviewing their own proposal.
    const granted = await h.t.request(`/v1/people/${star.person.learnerNumber}/roles`, {
      method: 'POST',
      auth: 'admin',
      json: { role: 'issuer', scope: { type: 'institution', id: shop.id } },
    });
    expect(granted.ok).toBe(true);
    const self = await expectProblem(
      await report(first.id, { ...original, reportRef: 'by-author' }, star.person.token),
      403,
      'CONFLICT_OF_INTEREST',
    );
    expect(self.rule).toBe('self');
    const own = await (
      await h.call('POST', '/textbooks', {
        auth: star.person.token,
        json: { publisherInstitutionId: shop.id, title: 'Self-published', description: 'D' },
      })
    ).json();
    await expectProblem(
      await h.call('POST', `/textbooks/${own.id}/review`, { auth: star.person.token, json: { decision: 'accept' } }),
      403,
      'CONFLICT_OF_INTEREST',
    );
    expect(await balanceOf(h, account.accountId)).toBe(balance);
  });

  it('pages the textbook, signing and quality lists instead of silently capping them', async () => {
    const { learner } = await h.t.principals();
    const firstPage = await (await h.call('GET', '/textbooks?limit=1', { auth: learner.token })).json();
    expect(firstPage.items).toHaveLength(1);
    expect(firstPage.nextCursor).not.toBeNull();
    const rest = await (
      await h.call('GET', `/textbooks?limit=100&cursor=${firstPage.nextCursor}`, { auth: learner.token })
    ).json();
    expect(rest.items.map((b: { id: string }) => b.id)).not.toContain(firstPage.items[0].id);
    expect(rest.items.length).toBeGreaterThan(0);
    const db1 = await (await h.call('GET', '/quality/database?limit=1', { auth: admin.token })).json();
    expect(db1.items.map((s: { teacherId: string }) => s.teacherId)).toEqual([star.teacher.id]);
    const db2 = await (
      await h.call('GET', `/quality/database?limit=1&cursor=${db1.nextCursor}`, { auth: admin.token })
    ).json();
    expect(db2.items.map((s: { teacherId: string }) => s.teacherId)).toEqual([good.teacher.id]);
    const signings = await (await h.call('GET', '/signings?limit=1', { auth: learner.token })).json();
    expect(signings.items).toHaveLength(1);
    await expectProblem(await h.call('GET', '/signings?cursor=bm90LWEta2V5', { auth: learner.token }), 400);
  });

  it.each([
    ['POST', '/textbooks'],
    ['GET', '/textbooks'],
    ['POST', '/textbooks/01900000-0000-7000-8000-000000000000/review'],
    ['POST', '/textbooks/01900000-0000-7000-8000-000000000000/publish'],
    ['POST', '/textbooks/01900000-0000-7000-8000-000000000000/sales'],
    ['POST', '/textbooks/01900000-0000-7000-8000-000000000000/signings'],
    ['GET', '/signings'],
    ['GET', '/quality/me'],
    ['GET', '/quality/database'],
    ['POST', '/recommendations'],
  ])('%s %s answers 401 to anonymous callers', async (method, path) => {
    await expectProblem(await h.call(method, path, method === 'GET' ? {} : { json: {} }), 401);
  });
});
