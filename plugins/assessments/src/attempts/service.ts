import { randomInt } from 'node:crypto';
import type { PluginContext } from '@lifelong/core';
import type { Ctx } from '../context.js';
import { personOf } from '../context.js';
import {
  AttemptExpired,
  AttemptInProgress,
  AttemptLimitReached,
  AttemptNotFound,
  AttemptSubmitted,
  CoolingDown,
  FormClosed,
  FormNotFound,
} from '../errors.js';
import { AttemptScored } from '../events.js';
import { invalidField } from '../field-error.js';
import { mayAuthor } from '../shared/access.js';
import { bankRow } from '../shared/banks.js';
import type { ItemInput, Response } from '../shared/items.js';
import type { AttemptRow, FormRow } from '../shared/tables.js';
import type { AttemptItem } from './schema.js';
import type { MyAttemptsQuery } from './schemas.js';
import { fitsKind, scoreItem, total } from './scoring.js';
import {
  attemptHistory,
  attemptRow,
  formItems,
  formRow,
  inProgressAttempt,
  insertAttempt,
  listAttempts,
  markScored,
  overdueAttempts,
  saveResponses,
} from './store.js';
import { attemptView } from './view.js';

// Attempts' rules: the server's clock opens and closes them, limits and cooldowns come from the
// form, scoring happens once (at submission or at the deadline) and is announced as an event.

const readsAttempts = (ctx: Ctx, regionId: string) => ctx.can('attempts.read', { regionId });

async function authorsForm(ctx: Ctx, form: FormRow) {
  const bank = await bankRow(ctx.db, form.bankId);
  return bank !== null && mayAuthor(ctx, bank);
}

/** A random order for an ordering item's options, so the order shown is never the key's. */
function shuffled(ids: readonly string[]): string[] {
  const out = [...ids];
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [out[i], out[j]] = [out[j] as string, out[i] as string];
  }
  return out;
}

function snapshot(itemId: string, item: ItemInput): AttemptItem {
  const shownOptionIds = item.kind === 'ordering' ? shuffled(item.options.map((o) => o.id)) : null;
  return { itemId, item, shownOptionIds };
}

/**
 * Scores an attempt in progress and emits `assessments.attempt.scored`. `timedOut`: closed at its
 * deadline (then `submittedAt` is the deadline, the end cooldowns count from).
 */
export async function scoreAttempt(ctx: PluginContext, attempt: AttemptRow, at: Date, timedOut: boolean) {
  const form = await formRow(ctx.db, attempt.formId);
  if (!form) throw new Error(`form ${attempt.formId} of attempt ${attempt.id} is gone`);
  const results = attempt.items.map((entry, i) => scoreItem(entry.item, attempt.responses[i] ?? null));
  const totals = total(results, form.passPercent);
  const submittedAt = timedOut ? attempt.expiresAt : at;
  const row = await markScored(ctx.db, attempt, {
    submittedAt,
    timedOut,
    results,
    earnedMilli: totals.earnedMilli,
    scoreBasisPoints: totals.scoreBasisPoints,
    passed: totals.passed,
  });
  if (!row) throw AttemptSubmitted({ detail: `Attempt ${attempt.id} was already submitted.` });
  await ctx.emit(
    AttemptScored,
    {
      attemptId: row.id,
      personId: row.personId,
      formId: row.formId,
      regionId: row.regionId,
      scorePercent: totals.scoreBasisPoints / 100,
      passed: totals.passed,
      timedOut,
      submittedAt: submittedAt.toISOString(),
    },
    { key: row.personId, regionId: row.regionId },
  );
  return row;
}

export async function startAttempt(ctx: Ctx, formId: string) {
  const personId = personOf(ctx);
  const form = await formRow(ctx.db, formId, ctx.regionId);
  if (!form || (form.status !== 'open' && !(await authorsForm(ctx, form)))) {
    throw FormNotFound({ detail: `No open form ${formId} in region "${ctx.regionId}".` });
  }
  if (form.status !== 'open') throw FormClosed({ detail: `The form is ${form.status}.` });
  const now = ctx.now();
  const running = await inProgressAttempt(ctx.db, form.id, personId);
  if (running && running.expiresAt > now) {
    throw AttemptInProgress({ detail: 'Submit it or let it run out first.', extensions: { attemptId: running.id } });
  }
  if (running) await scoreAttempt(ctx, running, now, true);
  const history = await attemptHistory(ctx.db, form.id, personId);
  if (form.maxAttempts !== null && history.made >= form.maxAttempts) {
    throw AttemptLimitReached({
      detail: `This form allows ${form.maxAttempts} attempts.`,
      extensions: { maxAttempts: form.maxAttempts },
    });
  }
  if (form.cooldownSeconds > 0 && history.lastEnded) {
    const retryAt = new Date(history.lastEnded.getTime() + form.cooldownSeconds * 1000);
    if (now < retryAt) {
      throw CoolingDown({
        detail: `The next attempt may start at ${retryAt.toISOString()}.`,
        extensions: { retryAt: retryAt.toISOString() },
      });
    }
  }
  const rows = await formItems(ctx.db, form.bankId, form.itemIds);
  const entries = rows.map((row) => snapshot(row.id, row.content));
  const attempt = await insertAttempt(ctx.db, {
    formId: form.id,
    regionId: form.regionId,
    personId,
    status: 'inProgress',
    startedAt: now,
    expiresAt: new Date(now.getTime() + form.timeLimitSeconds * 1000),
    items: entries,
    responses: entries.map(() => null),
    maxMilli: entries.reduce((sum, entry) => sum + (entry.item.points ?? 1) * 1000, 0),
  });
  // A parallel start of the same person won the race for the one attempt in progress.
  if (!attempt) throw AttemptInProgress({ detail: 'Another attempt at this form has just started.' });
  return attemptView(attempt, false);
}

/** The attempt, for its taker; others get the same 404 as for no attempt at all. */
async function ownAttempt(ctx: Ctx, attemptId: string) {
  const personId = personOf(ctx);
  const attempt = await attemptRow(ctx.db, attemptId, ctx.regionId, true);
  if (!attempt || attempt.personId !== personId) throw AttemptNotFound({ detail: `No attempt ${attemptId} of yours.` });
  return attempt;
}

export async function getAttempt(ctx: Ctx, attemptId: string) {
  const attempt = await attemptRow(ctx.db, attemptId, ctx.regionId);
  const own = attempt !== null && ctx.principal.kind === 'person' && ctx.principal.id === attempt.personId;
  const reader = attempt !== null && readsAttempts(ctx, attempt.regionId);
  if (!attempt || (!own && !reader)) throw AttemptNotFound({ detail: `No attempt ${attemptId} you may read.` });
  if (reader) return attemptView(attempt, true);
  const form = await formRow(ctx.db, attempt.formId);
  return attemptView(attempt, form?.revealAnswers === true);
}

/** Checks what the schema cannot: that the response fits the item it answers. */
function checkResponse(item: ItemInput, response: Response) {
  if (!fitsKind(item, response)) {
    const expected = {
      singleChoice: 'optionIds',
      multipleChoice: 'optionIds',
      numeric: 'number',
      shortAnswer: 'text',
      ordering: 'order',
    };
    throw invalidField('/body', 'fitsItem', `A ${item.kind} item takes \`${expected[item.kind]}\`.`);
  }
  if (item.kind === 'numeric' || item.kind === 'shortAnswer') return;
  const ids = new Set(item.options.map((o) => o.id));
  const given = 'optionIds' in response ? response.optionIds : 'order' in response ? response.order : [];
  const field = 'optionIds' in response ? 'optionIds' : 'order';
  const unknown = given.findIndex((id) => !ids.has(id));
  if (unknown >= 0) throw invalidField(`/body/${field}/${unknown}`, 'optionExists', 'Not an option of this item.');
  if (item.kind === 'singleChoice' && given.length > 1) {
    throw invalidField('/body/optionIds', 'singleChoice', 'A single choice item takes one option.');
  }
  if (item.kind === 'ordering' && given.length !== ids.size) {
    throw invalidField('/body/order', 'permutation', 'The order must name every option exactly once.');
  }
}

export async function saveResponse(ctx: Ctx, attemptId: string, position: number, response: Response) {
  const attempt = await ownAttempt(ctx, attemptId);
  const entry = attempt.items[position - 1];
  if (!entry) throw AttemptNotFound({ detail: `The attempt has ${attempt.items.length} items.` });
  if (attempt.status !== 'inProgress') throw AttemptSubmitted({ detail: 'The attempt was submitted.' });
  const now = ctx.now();
  if (now >= attempt.expiresAt) {
    throw AttemptExpired({
      detail: `The attempt ended at ${attempt.expiresAt.toISOString()}.`,
      extensions: { expiresAt: attempt.expiresAt.toISOString() },
    });
  }
  checkResponse(entry.item, response);
  const responses = attempt.items.map((_, i) => (i === position - 1 ? response : (attempt.responses[i] ?? null)));
  await saveResponses(ctx.db, attempt, responses);
  return { position, response, savedAt: now.toISOString() };
}

export async function submitAttempt(ctx: Ctx, attemptId: string) {
  const attempt = await ownAttempt(ctx, attemptId);
  if (attempt.status !== 'inProgress') throw AttemptSubmitted({ detail: 'The attempt was submitted already.' });
  const now = ctx.now();
  const row = await scoreAttempt(ctx, attempt, now, now >= attempt.expiresAt);
  const form = await formRow(ctx.db, row.formId);
  return attemptView(row, form?.revealAnswers === true);
}

export async function listMyAttempts(ctx: Ctx, query: MyAttemptsQuery) {
  const personId = personOf(ctx);
  return listAttempts(
    ctx.db,
    { regionId: ctx.regionId, personId, formId: query.formId },
    query.limit ?? 50,
    query.cursor,
  );
}

export async function listFormAttempts(ctx: Ctx, formId: string, query: { limit?: number; cursor?: string }) {
  const form = await formRow(ctx.db, formId, ctx.regionId);
  if (!form || (!readsAttempts(ctx, form.regionId) && !(await authorsForm(ctx, form)))) {
    throw FormNotFound({ detail: `No form ${formId} whose attempts you may see.` });
  }
  return listAttempts(ctx.db, { regionId: form.regionId, formId: form.id }, query.limit ?? 50, query.cursor);
}

/** The job: scores attempts whose time ran out unsubmitted (at most 500 a run). */
export async function scoreOverdue(ctx: PluginContext): Promise<number> {
  const due = await overdueAttempts(ctx.db, ctx.now(), 500);
  for (const attempt of due) await scoreAttempt(ctx, attempt, attempt.expiresAt, true);
  return due.length;
}
