import type { TestPerson } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemInput } from '../shared/items.js';
import { bankWithItems, type Harness, harness, refused, sampleItems } from '../test-support.js';

let h: Harness;
let author: TestPerson;
beforeAll(async () => {
  h = await harness({ regionConfig: { maxItemsPerBank: 8 } });
  author = await h.t.person({ verified: true });
});
afterAll(() => h.t.close());

const doc = (items: unknown[]) => ({ format: 'lifelong.assessments.items', version: 1, items }) as never;

describe('item banks', () => {
  it('are owned by their creator, who adds items of every kind and reads them with their keys', async () => {
    const api = h.as(author.token);
    const bank = await api.banks.create({ body: { title: 'Maths', description: 'Year 7' } });
    expect(bank).toMatchObject({ ownerPersonId: author.id, regionId: 'default', title: 'Maths' });
    const added = [];
    for (const item of sampleItems()) added.push(await api.banks.items.create({ bankId: bank.id, body: item }));
    // Defaults are written out: skills, points, scoring, tolerance.
    expect(added[3]?.item).toMatchObject({ kind: 'shortAnswer', points: 1, key: { acceptedAnswers: ['Au-secret'] } });
    expect(added[4]?.item).toMatchObject({ kind: 'ordering', scoring: 'allOrNothing' });
    const one = await api.banks.items.get({ bankId: bank.id, itemId: added[0]?.id as string });
    expect(one.item).toEqual(added[0]?.item);

    const page1 = await api.banks.items.list({ bankId: bank.id, limit: 3 });
    expect(page1.items).toHaveLength(3);
    const page2 = await api.banks.items.list({ bankId: bank.id, limit: 3, cursor: page1.nextCursor as string });
    expect([...page1.items, ...page2.items].map((i) => i.id)).toEqual(added.map((i) => i.id));
    expect(page2.nextCursor).toBeNull();

    const arithmetic = await api.banks.items.list({ bankId: bank.id, skill: 'arithmetic' });
    expect(arithmetic.items.map((i) => i.item.kind)).toEqual(['multipleChoice', 'numeric', 'ordering']);
    const a1 = await api.banks.items.list({ bankId: bank.id, level: 'A1' });
    expect(a1.items.map((i) => i.item.kind)).toEqual(['singleChoice']);

    const mine = await api.banks.list({});
    expect(mine.items.map((b) => b.id)).toContain(bank.id);
  });

  it('refuse keys that do not fit the options, naming the field', async () => {
    const api = h.as(author.token);
    const bank = await api.banks.create({ body: { title: 'Bad keys' } });
    const add = (body: unknown) => api.banks.items.create({ bankId: bank.id, body: body as ItemInput });
    const [single, multiple, , short, ordering] = sampleItems() as [
      ItemInput,
      ItemInput,
      ItemInput,
      ItemInput,
      ItemInput,
    ];
    const cases: [unknown, string, string][] = [
      [{ ...single, key: { correctOptionId: 'rome' } }, '/body/key/correctOptionId', 'optionExists'],
      [{ ...multiple, key: { correctOptionIds: ['two', 'six'] } }, '/body/key/correctOptionIds/1', 'optionExists'],
      [{ ...ordering, key: { correctOrder: ['one', 'ten'] } }, '/body/key/correctOrder', 'permutation'],
      [{ ...short, key: { acceptedAnswers: ['ok', '  '] } }, '/body/key/acceptedAnswers/1', 'notBlank'],
      [
        {
          ...single,
          options: [
            { id: 'a', text: 'A' },
            { id: 'a', text: 'B' },
          ],
          key: { correctOptionId: 'a' },
        },
        '/body/options/1/id',
        'uniqueOptionId',
      ],
    ];
    for (const [body, path, rule] of cases) {
      const problem = await refused(add(body), 400, 'VALIDATION_FAILED');
      expect(problem.errors?.[0]).toMatchObject({ path, rule });
    }
    // The schema refuses unknown properties and kinds before any rule runs.
    await refused(add({ ...single, answer: 'paris' }), 400, 'VALIDATION_FAILED');
    await refused(add({ ...single, kind: 'essay' }), 400, 'VALIDATION_FAILED');
    expect((await api.banks.items.list({ bankId: bank.id })).items).toEqual([]);
  });
});

describe('items documents', () => {
  it('export a bank and import it into another, item for item', async () => {
    const { bank } = await bankWithItems(h, author.token);
    const other = await h.t.person({ verified: true });
    const exported = await h.as(author.token).banks.export({ bankId: bank.id });
    expect(exported).toMatchObject({ format: 'lifelong.assessments.items', version: 1 });
    expect(exported.items).toHaveLength(5);
    const theirs = await h.as(other.token).banks.create({ body: { title: 'Copy' } });
    const result = await h.as(other.token).banks.import({ bankId: theirs.id, body: exported });
    expect(result.imported).toBe(5);
    const again = await h.as(other.token).banks.export({ bankId: theirs.id });
    expect(again.items).toEqual(exported.items);
  });

  it('are refused whole when one item is wrong, with the field of each error', async () => {
    const api = h.as(author.token);
    const bank = await api.banks.create({ body: { title: 'Import target' } });
    const [single, multiple] = sampleItems() as [ItemInput, ItemInput];
    const badKey = await refused(
      api.banks.import({
        bankId: bank.id,
        body: doc([single, single, { ...multiple, key: { correctOptionIds: ['x'] } }]),
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(badKey.errors).toEqual([
      expect.objectContaining({ path: '/body/items/2/key/correctOptionIds/0', rule: 'optionExists' }),
    ]);
    const badShape = await refused(
      api.banks.import({ bankId: bank.id, body: doc([single, { ...single, prompt: '' }]) }),
      400,
    );
    expect(badShape.errors?.map((e) => e.path)).toContain('/body/items/1');
    const badFormat = await refused(
      api.banks.import({ bankId: bank.id, body: { format: 'qti', version: 1, items: [] } as never }),
      400,
    );
    expect(badFormat.errors?.[0]?.path).toBe('/body/format');
    const badVersion = await refused(
      api.banks.import({
        bankId: bank.id,
        body: { format: 'lifelong.assessments.items', version: 2, items: [] } as never,
      }),
      400,
    );
    expect(badVersion.errors?.[0]?.path).toBe('/body/version');
    // Not JSON at all.
    const raw = await h.t.request(`/v1/assessments/banks/${bank.id}/import`, {
      method: 'POST',
      auth: author.token,
      headers: { 'Content-Type': 'application/json' },
      body: '{"format": "lifelong.assessments.items", "items": [',
    });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('content-type')).toBe('application/problem+json');
    expect((await api.banks.items.list({ bankId: bank.id })).items).toEqual([]);
  });

  it("stay within the region's maxItemsPerBank", async () => {
    const api = h.as(author.token);
    const { bank } = await bankWithItems(h, author.token);
    const problem = await refused(
      api.banks.import({ bankId: bank.id, body: doc(sampleItems()) }),
      409,
      'ASSESSMENTS_BANK_FULL',
    );
    expect(problem).toMatchObject({ maxItemsPerBank: 8, held: 5 });
    await api.banks.import({ bankId: bank.id, body: doc(sampleItems().slice(0, 3)) });
    await refused(
      api.banks.items.create({ bankId: bank.id, body: sampleItems()[0] as ItemInput }),
      409,
      'ASSESSMENTS_BANK_FULL',
    );
  });
});
