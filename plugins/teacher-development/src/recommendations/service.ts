import type { Ctx } from '../context.js';
import { RecommendationNotFound, WrongRecommendationState } from '../errors.js';
import { TeacherRecommended } from '../events.js';
import { invalidField } from '../field-error.js';
import type { RecommendationList } from './schemas.js';
import {
  databaseMembers,
  entriesOf,
  insertList,
  listRow,
  listView,
  markConfirmed,
  setEntryConfirmed,
} from './store.js';

// Recommendations: the top share of the quality database proposed for an event, confirmed by a
// quality manager (which notifies each confirmed teacher), then exported. All for `quality.manage`.

/** The list with each entry's teacher named as the caller may see them. */
async function named(ctx: Ctx, list: RecommendationList): Promise<RecommendationList> {
  const names = await ctx.identity.names(
    list.entries.map((e) => e.personId),
    { legalNames: true },
  );
  return {
    ...list,
    entries: list.entries.map((e) => ({ ...e, ...(names.get(e.personId) ?? { displayName: null }) })),
  };
}

async function findList(ctx: Ctx, listId: string, lock = false) {
  ctx.require('quality.manage', { regionId: ctx.regionId });
  const row = await listRow(ctx.db, listId, ctx.regionId, lock);
  if (!row) throw RecommendationNotFound({ detail: `No recommendation list ${listId} in region "${ctx.regionId}".` });
  return row;
}

export async function propose(ctx: Ctx, event: string): Promise<RecommendationList> {
  ctx.require('quality.manage', { regionId: ctx.regionId });
  const members = await databaseMembers(ctx.db, ctx.regionId);
  // Rounded up, so a small database still proposes someone.
  const take = Math.ceil((members.length * ctx.config.recommendations.topShareBps) / 10_000);
  const list = await insertList(ctx.db, { regionId: ctx.regionId, event, at: ctx.now() }, members.slice(0, take));
  return named(ctx, await listView(ctx.db, list));
}

export async function get(ctx: Ctx, listId: string): Promise<RecommendationList> {
  return named(ctx, await listView(ctx.db, await findList(ctx, listId)));
}

/** Confirms the list once, keeping `teacherIds` (all when omitted), each of which must be on it. */
export async function confirm(ctx: Ctx, listId: string, teacherIds: string[] | undefined) {
  const list = await findList(ctx, listId, true);
  if (list.state !== 'proposed') throw WrongRecommendationState({ detail: 'The list is already confirmed.' });
  const entries = await entriesOf(ctx.db, list.id);
  const keep = new Set(teacherIds ?? entries.map((e) => e.teacherId));
  for (const [i, id] of (teacherIds ?? []).entries()) {
    if (!entries.some((e) => e.teacherId === id)) {
      throw invalidField(`/body/teacherIds/${i}`, 'proposed', `Teacher ${id} is not on the proposed list.`);
    }
  }
  for (const entry of entries) {
    const confirmed = keep.has(entry.teacherId);
    await setEntryConfirmed(ctx.db, list.id, entry.teacherId, confirmed);
    if (confirmed) {
      await ctx.emit(
        TeacherRecommended,
        {
          listId: list.id,
          teacherId: entry.teacherId,
          personId: entry.personId,
          regionId: list.regionId,
          event: list.event,
        },
        { key: entry.personId },
      );
    }
  }
  const by = ctx.principal.kind === 'anonymous' ? null : ctx.principal.id;
  return named(ctx, await listView(ctx.db, await markConfirmed(ctx.db, list.id, ctx.now(), by)));
}

/**
 * One CSV cell. Text a spreadsheet would run as a formula (starting with = + - @, a tab or a
 * carriage return) is prefixed with a quote, so an exported list cannot carry a formula into
 * whoever opens it. Numbers are written as they are (a negative score is not a formula).
 */
export const csvCell = (value: string | number | boolean) => {
  const raw = String(value);
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(raw) ? `'${raw}` : raw;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** A confirmed list's confirmed entries, as JSON or as CSV lines. */
export async function exportList(ctx: Ctx, listId: string) {
  const list = await findList(ctx, listId);
  if (list.state !== 'confirmed') throw WrongRecommendationState({ detail: 'Only a confirmed list can be exported.' });
  const view = await named(ctx, await listView(ctx.db, list));
  const confirmed = { ...view, entries: view.entries.filter((e) => e.confirmed) };
  const csv = [
    ['rank', 'teacherId', 'personId', 'displayName', 'legalName', 'score', 'event'].join(','),
    ...confirmed.entries.map((e) =>
      [e.rank, e.teacherId, e.personId, e.displayName ?? '', e.legalName ?? '', e.score.toFixed(2), list.event]
        .map(csvCell)
        .join(','),
    ),
  ];
  return { list: confirmed, csv: `${csv.join('\r\n')}\r\n` };
}
