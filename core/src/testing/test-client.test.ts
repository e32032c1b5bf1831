import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { createTestPlatform, TestCallError, type TestPlatform } from './index.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

describe('t.client: the typed in-process client over the contracts', () => {
  it('types inputs and answers by the contract and rejects non-2xx answers with the problem', async () => {
    const person = await t.person();
    const asPerson = t.client(person.token);
    const read = await asPerson.people.get({ learnerNumber: person.learnerNumber });
    expectTypeOf(read.learnerNumber).toEqualTypeOf<string>();
    expect(read.id).toBe(person.id);

    const group = await asPerson.groups.create({ body: { type: 'family', name: 'The Tests' } });
    const members = [];
    for await (const member of asPerson.groups.members.list.all({ groupId: group.id, limit: 1 })) members.push(member);
    expect(members.map((m) => m.learnerNumber)).toEqual([person.learnerNumber]);

    const refused = await t
      .client()
      .people.get({ learnerNumber: person.learnerNumber })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TestCallError);
    expect(refused).toMatchObject({ status: 401, problem: { code: 'UNAUTHENTICATED' } });
    await expect(t.client('admin').audit.list({ limit: 1 })).resolves.toMatchObject({ items: expect.any(Array) });
  });
});
