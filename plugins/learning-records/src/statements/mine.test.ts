// "My learning activity" (GET /v1/learning-records/me/statements): a person reads the statements
// linked to them, with their session, across institutions, newest first, paged; nobody else's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, HOME_PAGE, harness, statement } from '../test-support.js';

let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(async () => {
  await h?.t.close();
});

const MINE = '/v1/learning-records/me/statements';
const post = (json: unknown) => h.xapi('/statements', { method: 'POST', json, version: '2.0.0' });
const of = (learnerNumber: string, overrides: Record<string, unknown> = {}) =>
  statement({ actor: { objectType: 'Agent', account: { homePage: HOME_PAGE, name: learnerNumber } }, ...overrides });

describe('my learning activity', () => {
  it('lists my linked statements newest first, paged, without voided or voiding ones or anyone else’s', async () => {
    const { learner, otherLearner } = h.p;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await post(of(learner.learnerNumber));
      expect(res.status).toBe(200);
      ids.push(...(await res.json()));
    }
    await post(of(otherLearner.learnerNumber));
    // The second is voided: neither it nor the voiding statement is my activity.
    const voiding = await post(
      of(learner.learnerNumber, {
        verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } },
        object: { objectType: 'StatementRef', id: ids[1] },
      }),
    );
    expect(voiding.status).toBe(200);

    const first = await h.t.request(`${MINE}?limit=1`, { auth: learner.token });
    expect(first.status).toBe(200);
    const page1 = await first.json();
    expect(page1.items.map((item: { id: string }) => item.id)).toEqual([ids[2]]);
    expect(page1.items[0].statement.object.definition.name['zh-CN']).toBe('代数');
    expect(page1.items[0].stored).toEqual(expect.any(String));
    const second = await (
      await h.t.request(`${MINE}?limit=1&cursor=${page1.nextCursor}`, { auth: learner.token })
    ).json();
    expect(second.items.map((item: { id: string }) => item.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeNull();

    const theirs = await (await h.t.request(MINE, { auth: otherLearner.token })).json();
    expect(theirs.items).toHaveLength(1);
    expect(theirs.items[0].id).not.toBe(ids[0]);
  });

  it('is for signed-in people: anonymous 401, an API key 403, a forged cursor 400', async () => {
    expect((await h.t.request(MINE)).status).toBe(401);
    const key = await h.t.request(MINE, { auth: h.p.institution.key });
    expect(key.status).toBe(403);
    expect((await key.json()).code).toBe('LEARNING_RECORDS_PEOPLE_ONLY');
    const forged = Buffer.from(JSON.stringify({ stored: '300000-01-01T00:00:00Z', id: 'x' })).toString('base64url');
    expect((await h.t.request(`${MINE}?cursor=${forged}`, { auth: h.p.learner.token })).status).toBe(400);
  });
});
