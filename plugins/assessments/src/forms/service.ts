import type { Ctx } from '../context.js';
import { FormNotFound } from '../errors.js';
import { invalidField } from '../field-error.js';
import { authoredBank, mayAuthor } from '../shared/access.js';
import { bankRow } from '../shared/banks.js';
import type { FormRow, Selection } from './schema.js';
import type { CreateFormBody } from './schemas.js';
import { drawItems } from './selection.js';
import { candidateItemIds, formRow, formView, insertForm, itemsInBank, listForms, setStatus } from './store.js';

// Forms' rules: authors draw a form's items from their bank once, when the form is made; learners
// see open forms; authors open and close them.

async function chooseItems(ctx: Ctx, bankId: string, selection: CreateFormBody['selection']) {
  if (selection.kind === 'fixed') {
    const found = await itemsInBank(ctx.db, bankId, selection.itemIds);
    const missing = selection.itemIds.findIndex((id) => !found.has(id));
    if (missing >= 0) {
      throw invalidField(`/body/selection/itemIds/${missing}`, 'itemInBank', 'Not an item of this bank.');
    }
    return { stored: selection satisfies Selection, itemIds: selection.itemIds };
  }
  const skills = selection.skills ?? [];
  const levels = selection.levels ?? [];
  const candidates = await candidateItemIds(ctx.db, bankId, skills, levels);
  if (candidates.length < selection.count) {
    throw invalidField(
      '/body/selection/count',
      'enoughItems',
      `Only ${candidates.length} items of the bank match; ${selection.count} were asked for.`,
    );
  }
  const stored: Selection = { kind: 'random', count: selection.count, seed: selection.seed, skills, levels };
  return { stored, itemIds: drawItems(candidates, selection.count, selection.seed) };
}

export async function createForm(ctx: Ctx, bankId: string, body: CreateFormBody) {
  const bank = await authoredBank(ctx, bankId);
  const size = body.selection.kind === 'fixed' ? body.selection.itemIds.length : body.selection.count;
  if (size > ctx.config.maxItemsPerForm) {
    const path = body.selection.kind === 'fixed' ? '/body/selection/itemIds' : '/body/selection/count';
    throw invalidField(path, 'maxItemsPerForm', `A form holds at most ${ctx.config.maxItemsPerForm} items here.`);
  }
  if (body.timeLimitSeconds > ctx.config.maxTimeLimitMinutes * 60) {
    throw invalidField(
      '/body/timeLimitSeconds',
      'maxTimeLimit',
      `The time limit is at most ${ctx.config.maxTimeLimitMinutes} minutes here.`,
    );
  }
  const { stored, itemIds } = await chooseItems(ctx, bank.id, body.selection);
  const row = await insertForm(ctx.db, {
    bankId: bank.id,
    regionId: bank.regionId,
    title: body.title,
    status: body.status ?? 'draft',
    selection: stored,
    itemIds,
    timeLimitSeconds: body.timeLimitSeconds,
    passPercent: body.passPercent,
    maxAttempts: body.maxAttempts ?? null,
    cooldownSeconds: body.cooldownSeconds ?? 0,
    revealAnswers: body.revealAnswers ?? false,
    createdAt: ctx.now(),
  });
  return formView(row, true);
}

export async function listBankForms(ctx: Ctx, bankId: string, query: { limit?: number; cursor?: string }) {
  const bank = await authoredBank(ctx, bankId);
  const page = await listForms(ctx.db, { bankId: bank.id }, query.limit ?? 50, query.cursor);
  return { ...page, items: page.items.map((row) => formView(row, true)) };
}

/** Whether the caller may author the form's bank (the bank is in the form's region). */
async function authorsForm(ctx: Ctx, form: FormRow): Promise<boolean> {
  const bank = await bankRow(ctx.db, form.bankId);
  return bank !== null && mayAuthor(ctx, bank);
}

export async function listOpenForms(ctx: Ctx, query: { limit?: number; cursor?: string }) {
  const page = await listForms(ctx.db, { regionId: ctx.regionId, status: 'open' }, query.limit ?? 50, query.cursor);
  const items = [];
  for (const row of page.items) items.push(formView(row, await authorsForm(ctx, row)));
  return { ...page, items };
}

/** Open forms to anyone, others to their authors; the same 404 for "none" and "not yours". */
export async function getForm(ctx: Ctx, formId: string) {
  const form = await formRow(ctx.db, formId, ctx.regionId);
  const authoring = form ? await authorsForm(ctx, form) : false;
  if (!form || (form.status !== 'open' && !authoring)) {
    throw FormNotFound({ detail: `No form ${formId} in region "${ctx.regionId}".` });
  }
  return formView(form, authoring);
}

export async function setFormStatus(ctx: Ctx, formId: string, status: 'open' | 'closed') {
  const form = await formRow(ctx.db, formId, ctx.regionId);
  if (!form || !(await authorsForm(ctx, form))) {
    throw FormNotFound({ detail: `No form ${formId} you may author in region "${ctx.regionId}".` });
  }
  return formView(await setStatus(ctx.db, form.id, status), true);
}
