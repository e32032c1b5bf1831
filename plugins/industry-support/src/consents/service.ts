import { decodeCursor, encodeCursor, isUuidKey } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { NeedNotFound } from '../errors.js';
import { learnerOf } from '../shared/access.js';
import { matchOf } from '../shared/match-of.js';
import { openNeed, overseenNeed, ownNeed } from '../shared/need-access.js';
import { lastSnapshot } from '../shared/snapshots.js';
import { needs } from '../shared/tables.js';
import * as store from './store.js';

// Consents' rules: a learner opts in to an open need and may withdraw at any time; only while the
// consent is active does the need's company see the learner (by learner number) and their match.
// Cohort figures are aggregates over at least the region's `cohortMinimum` learners.

const DAY = 86_400_000;

export async function giveConsent(ctx: Ctx, needId: string) {
  const personId = learnerOf(ctx);
  const need = await openNeed(ctx, needId);
  const existing = await store.consentOf(ctx.db, personId, need.id);
  if (existing?.status === 'active') return store.consentView(existing);
  return store.consentView(await store.activate(ctx.db, personId, need.id, ctx.now()));
}

export async function withdrawConsent(ctx: Ctx, needId: string) {
  const personId = learnerOf(ctx);
  const [need] = await ctx.db
    .select({ id: needs.id })
    .from(needs)
    .where(and(eq(needs.id, needId), eq(needs.regionId, ctx.regionId)));
  if (!need) throw NeedNotFound({ detail: `No need ${needId} in region "${ctx.regionId}".` });
  await store.withdraw(ctx.db, personId, need.id, ctx.now());
}

export async function listCandidates(ctx: Ctx, needId: string, query: { limit?: number; cursor?: string }) {
  const need = await ownNeed(ctx, needId);
  const limit = query.limit ?? 50;
  const after = query.cursor ? decodeCursor(query.cursor, isUuidKey).id : null;
  const rows = await store.activeConsents(ctx.db, need.id, limit + 1, after);
  const page = rows.slice(0, limit);
  const stallDays = (await ctx.configFor(need.regionId)).stallDays;
  const items = [];
  for (const consent of page) {
    const person = await ctx.identity.personById(consent.personId);
    if (!person) continue;
    const match = await matchOf(ctx, need, consent.personId);
    const last = await lastSnapshot(ctx.db, consent.personId, need.id);
    const count = (status: string) => match.skills.filter((s) => s.status === status).length;
    items.push({
      learnerNumber: person.learnerNumber,
      // The name the learner chose to be known by: they consented to be contacted.
      displayName: person.displayName,
      consentedAt: consent.givenAt.toISOString(),
      score: match.score,
      matched: count('matched'),
      partial: count('partial'),
      missing: count('missing'),
      skills: match.skills.map((s) => ({
        skillId: s.skillId,
        label: s.label,
        status: s.status,
        requiredLevel: s.requiredLevel,
        heldLevel: s.heldLevel,
      })),
      stalled: !last || ctx.now().getTime() - last.at.getTime() > stallDays * DAY,
    });
  }
  const lastRow = page[page.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && lastRow ? encodeCursor({ id: lastRow.personId }) : null,
  };
}

export async function getCohort(ctx: Ctx, needId: string) {
  const need = await overseenNeed(ctx, needId);
  const config = await ctx.configFor(need.regionId);
  const minimum = config.cohortMinimum;
  const consenting = await store.countActive(ctx.db, need.id);
  if (consenting < minimum) {
    return { needId: need.id, minimum, consenting: null, distribution: null, mean: null, stalled: null };
  }
  const scores = await store.cohortScores(ctx.db, need.id);
  const known = scores.filter((s) => s.score !== null) as { score: number; lastRise: Date | null }[];
  const distribution = [0, 1, 2, 3, 4].map((i) => ({
    from: i / 5,
    to: (i + 1) / 5,
    learners: known.filter((s) => Math.min(4, Math.floor(s.score * 5)) === i).length,
  }));
  const mean =
    known.length === 0 ? null : Math.round((known.reduce((a, s) => a + s.score, 0) / known.length) * 10_000) / 10_000;
  const stalled = scores.filter(
    (s) => !s.lastRise || ctx.now().getTime() - s.lastRise.getTime() > config.stallDays * DAY,
  ).length;
  return { needId: need.id, minimum, consenting, distribution, mean, stalled };
}
