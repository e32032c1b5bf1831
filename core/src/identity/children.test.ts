import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';

// GET /v1/me/children: a guardian's own minors, so that a portal can show a family its children.
let t: TestPlatform;
let now = new Date();
beforeAll(async () => {
  t = await createTestPlatform({ now: () => now });
});
afterAll(() => t.close());

const children = (auth: string) => t.request('/v1/me/children', { auth });

describe('my children', () => {
  it("lists a guardian's minors by legal name, national IDs masked, and nobody else's", async () => {
    const guardian = await t.person({ verified: true });
    const younger = await t.person({ dateOfBirth: '2016-03-01', guardian, legalName: 'Zhou Xiaoming' });
    const older = await t.person({ dateOfBirth: '2012-09-01', guardian, legalName: 'Zhou Dawei' });
    const otherFamily = await t.person({ verified: true });
    await t.person({ dateOfBirth: '2014-01-01', guardian: otherFamily });

    const res = await children(guardian.token);
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.map((child: { learnerNumber: string }) => child.learnerNumber)).toEqual([
      older.learnerNumber,
      younger.learnerNumber,
    ]);
    expect(items[0]).toMatchObject({ legalName: 'Zhou Dawei', isMinor: true, dateOfBirth: '2012-09-01' });
    expect(JSON.stringify(items)).not.toContain(older.nationalId);
    expect(items[0].nationalId.masked).toMatch(/\*/);

    // A child, or a learner without children, sees none.
    expect((await (await children(younger.token)).json()).items).toEqual([]);
    expect((await (await children((await t.person()).token)).json()).items).toEqual([]);
  });

  it('drops a child on their 18th birthday', async () => {
    const guardian = await t.person({ verified: true });
    await t.person({ dateOfBirth: '2010-06-01', guardian });
    expect((await (await children(guardian.token)).json()).items).toHaveLength(1);
    now = new Date('2028-06-01T12:00:00Z');
    try {
      const signedIn = await t.request('/v1/sessions', {
        method: 'POST',
        json: { learnerNumber: guardian.learnerNumber, password: guardian.password },
      });
      const { token } = await signedIn.json();
      expect((await (await children(token)).json()).items).toEqual([]);
    } finally {
      now = new Date();
    }
  });

  it('is for signed-in people: 401 without a token, 403 for an API key', async () => {
    const anonymous = await t.request('/v1/me/children');
    expect(anonymous.status).toBe(401);
    const byKey = await children('admin');
    expect(byKey.status).toBe(403);
    expect(byKey.headers.get('content-type')).toContain('application/problem+json');
  });
});
