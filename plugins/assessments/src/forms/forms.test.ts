import type { TestPerson } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankWithItems, type Harness, harness, refused, sampleItems } from '../test-support.js';
import { drawItems } from './selection.js';

let h: Harness;
let author: TestPerson;
let learner: TestPerson;
let bank: { id: string };
let itemIds: string[];
beforeAll(async () => {
  h = await harness({ regionConfig: { maxItemsPerForm: 6, maxTimeLimitMinutes: 60 } });
  author = await h.t.person({ verified: true });
  learner = await h.t.person({ verified: true });
  ({ bank, itemIds } = await bankWithItems(h, author.token, [...sampleItems(), ...sampleItems()]));
});
afterAll(() => h.t.close());

const rules = { timeLimitSeconds: 600, passPercent: 50 };

describe('forms', () => {
  it('hold a fixed list of the bank’s items, in the order given', async () => {
    const chosen = [itemIds[4], itemIds[0], itemIds[2]] as string[];
    const form = await h.as(author.token).banks.forms.create({
      bankId: bank.id,
      body: { title: 'Fixed', selection: { kind: 'fixed', itemIds: chosen }, ...rules },
    });
    expect(form).toMatchObject({ status: 'draft', itemCount: 3, maxAttempts: null, cooldownSeconds: 0 });
    expect(form.authoring?.itemIds).toEqual(chosen);
  });

  it('draw N items by a seed, reproducibly, among the candidates with the skills asked for', async () => {
    const api = h.as(author.token);
    const make = (seed: string) =>
      api.banks.forms.create({
        bankId: bank.id,
        body: { title: 'Drawn', selection: { kind: 'random', count: 3, seed, skills: ['arithmetic'] }, ...rules },
      });
    const a = await make('term-1');
    const b = await make('term-1');
    expect(a.authoring?.itemIds).toEqual(b.authoring?.itemIds);
    const items = await api.banks.items.list({ bankId: bank.id, skill: 'arithmetic' });
    const candidates = items.items.map((i) => i.id);
    expect(candidates).toHaveLength(6);
    // Anyone with the seed and the candidates recomputes the draw (the documented algorithm).
    expect(a.authoring?.itemIds).toEqual(drawItems(candidates, 3, 'term-1'));
    for (const id of a.authoring?.itemIds ?? []) expect(candidates).toContain(id);
    expect(a.authoring?.selection).toEqual({
      kind: 'random',
      count: 3,
      seed: 'term-1',
      skills: ['arithmetic'],
      levels: [],
    });
  });

  it('refuse items of other banks, too few candidates, too many items and too long a time limit', async () => {
    const api = h.as(author.token);
    const { itemIds: foreign } = await bankWithItems(h, author.token, sampleItems().slice(0, 1));
    const create = (body: Record<string, unknown>) =>
      api.banks.forms.create({ bankId: bank.id, body: { title: 'x', ...rules, ...body } as never });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ selection: { kind: 'fixed', itemIds: [itemIds[0], foreign[0]] } }, '/body/selection/itemIds/1', 'itemInBank'],
      [
        { selection: { kind: 'random', count: 3, seed: 's', skills: ['chemistry'] } },
        '/body/selection/count',
        'enoughItems',
      ],
      [{ selection: { kind: 'random', count: 7, seed: 's' } }, '/body/selection/count', 'maxItemsPerForm'],
      [
        { selection: { kind: 'fixed', itemIds: [itemIds[0]] }, timeLimitSeconds: 3601 },
        '/body/timeLimitSeconds',
        'maxTimeLimit',
      ],
    ];
    for (const [body, path, rule] of cases) {
      const problem = await refused(create(body), 400, 'VALIDATION_FAILED');
      expect(problem.errors?.[0]).toMatchObject({ path, rule });
    }
    await refused(create({ selection: { kind: 'fixed', itemIds: [itemIds[0]] }, passPercent: 101 }), 400);
    expect((await api.banks.forms.list({ bankId: bank.id })).items.every((f) => f.title !== 'x')).toBe(true);
  });

  it('are seen by learners only while open, and without how their items were chosen', async () => {
    const api = h.as(author.token);
    const form = await api.banks.forms.create({
      bankId: bank.id,
      body: { title: 'Soon', selection: { kind: 'fixed', itemIds: [itemIds[0] as string] }, ...rules },
    });
    const learnerApi = h.as(learner.token);
    await refused(learnerApi.forms.get({ formId: form.id }), 404, 'ASSESSMENTS_FORM_NOT_FOUND');
    expect((await learnerApi.forms.list({})).items.map((f) => f.id)).not.toContain(form.id);
    await api.forms.status.set({ formId: form.id, body: { status: 'open' } });
    const seen = await learnerApi.forms.get({ formId: form.id });
    expect(seen).toMatchObject({ status: 'open', itemCount: 1, authoring: null });
    expect((await learnerApi.forms.list({})).items.map((f) => f.id)).toContain(form.id);
    expect((await api.forms.get({ formId: form.id })).authoring?.bankId).toBe(bank.id);
    await api.forms.status.set({ formId: form.id, body: { status: 'closed' } });
    await refused(learnerApi.forms.get({ formId: form.id }), 404);
    await refused(learnerApi.forms.status.set({ formId: form.id, body: { status: 'open' } }), 404);
  });
});
