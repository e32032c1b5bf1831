import { uuidv7 } from '@lifelong/core';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { TeacherDevelopmentRegistrar } from '../config.js';
import { type Ctx, iso } from '../context.js';
import { RecommendationNotFound, WrongRecommendationState } from '../errors.js';
import { TeacherRecommended } from '../events.js';
import { invalidField } from '../field-error.js';
import { qualityScores, teachers } from '../shared/tables.js';
import * as contract from './contract.js';
import { type RecommendationListRow, recommendationEntries, recommendationLists } from './schema.js';
import type { RecommendationList } from './schemas.js';

async function listView(ctx: Ctx, row: RecommendationListRow): Promise<RecommendationList> {
  const entries = await ctx.db
    .select()
    .from(recommendationEntries)
    .where(eq(recommendationEntries.listId, row.id))
    .orderBy(asc(recommendationEntries.rank));
  return {
    id: row.id,
    regionId: row.regionId,
    event: row.event,
    state: row.state,
    proposedAt: row.proposedAt.toISOString(),
    confirmedAt: iso(row.confirmedAt),
    entries: entries.map((e) => ({
      teacherId: e.teacherId,
      personId: e.personId,
      rank: e.rank,
      score: e.scoreBps / 100,
      confirmed: e.confirmed,
    })),
  };
}

async function findList(ctx: Ctx, listId: string, lock = false) {
  ctx.require('quality.manage', { regionId: ctx.regionId });
  const query = ctx.db
    .select()
    .from(recommendationLists)
    .where(and(eq(recommendationLists.id, listId), eq(recommendationLists.regionId, ctx.regionId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw RecommendationNotFound({ detail: `No recommendation list ${listId} in region "${ctx.regionId}".` });
  return row;
}

const csvCell = (value: string | number | boolean) => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Declares recommendations: the top of the quality database proposed for events, confirmed, exported. */
export function registerRecommendations(p: TeacherDevelopmentRegistrar): void {
  p.route(contract.proposeRecommendations, async ({ body }, ctx) => {
    ctx.require('quality.manage', { regionId: ctx.regionId });
    const members = await ctx.db
      .select({ teacherId: qualityScores.teacherId, scoreBps: qualityScores.scoreBps, personId: teachers.personId })
      .from(qualityScores)
      .innerJoin(teachers, eq(teachers.id, qualityScores.teacherId))
      .where(and(eq(qualityScores.regionId, ctx.regionId), eq(qualityScores.inDatabase, true)))
      .orderBy(desc(qualityScores.scoreBps), asc(qualityScores.teacherId));
    // Rounded up, so a small database still proposes someone.
    const take = Math.ceil((members.length * ctx.config.recommendations.topShareBps) / 10_000);
    const [list] = await ctx.db
      .insert(recommendationLists)
      .values({ id: uuidv7(), regionId: ctx.regionId, event: body.event, state: 'proposed', proposedAt: ctx.now() })
      .returning();
    if (!list) throw new Error('insert returned no row');
    const chosen = members.slice(0, take);
    if (chosen.length > 0) {
      await ctx.db
        .insert(recommendationEntries)
        .values(chosen.map((m, i) => ({ listId: list.id, ...m, rank: i + 1, confirmed: false })));
    }
    return { status: 201, body: await listView(ctx, list) };
  });

  p.route(contract.getRecommendations, async ({ params }, ctx) => ({
    status: 200,
    body: await listView(ctx, await findList(ctx, params.listId)),
  }));

  p.route(contract.confirmRecommendations, async ({ params, body }, ctx) => {
    const list = await findList(ctx, params.listId, true);
    if (list.state !== 'proposed') throw WrongRecommendationState({ detail: 'The list is already confirmed.' });
    const entries = await ctx.db.select().from(recommendationEntries).where(eq(recommendationEntries.listId, list.id));
    const keep = new Set(body.teacherIds ?? entries.map((e) => e.teacherId));
    for (const [i, id] of (body.teacherIds ?? []).entries()) {
      if (!entries.some((e) => e.teacherId === id)) {
        throw invalidField(`/body/teacherIds/${i}`, 'proposed', `Teacher ${id} is not on the proposed list.`);
      }
    }
    const now = ctx.now();
    for (const entry of entries) {
      const confirmed = keep.has(entry.teacherId);
      await ctx.db
        .update(recommendationEntries)
        .set({ confirmed })
        .where(and(eq(recommendationEntries.listId, list.id), eq(recommendationEntries.teacherId, entry.teacherId)));
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
    const [confirmed] = await ctx.db
      .update(recommendationLists)
      .set({
        state: 'confirmed',
        confirmedAt: now,
        confirmedBy: ctx.principal.kind === 'anonymous' ? null : ctx.principal.id,
      })
      .where(eq(recommendationLists.id, list.id))
      .returning();
    if (!confirmed) throw new Error('update returned no row');
    return { status: 200, body: await listView(ctx, confirmed) };
  });

  p.route(contract.exportRecommendations, async ({ params, query }, ctx) => {
    const list = await findList(ctx, params.listId);
    if (list.state !== 'confirmed')
      throw WrongRecommendationState({ detail: 'Only a confirmed list can be exported.' });
    const view = await listView(ctx, list);
    const confirmed = { ...view, entries: view.entries.filter((e) => e.confirmed) };
    if (query.format !== 'csv') return { status: 200, body: confirmed };
    const lines = [
      ['rank', 'teacherId', 'personId', 'score', 'event'].join(','),
      ...confirmed.entries.map((e) =>
        [e.rank, e.teacherId, e.personId, e.score.toFixed(2), list.event].map(csvCell).join(','),
      ),
    ];
    return {
      response: new Response(`${lines.join('\r\n')}\r\n`, {
        status: 200,
        headers: {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="recommendations-${list.id}.csv"`,
        },
      }),
    };
  });
}
