import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { MatchImproved } from '../events.js';
import { learnerOf } from '../shared/access.js';
import { matchOf } from '../shared/match-of.js';
import { openNeed } from '../shared/need-access.js';
import { crosswalkPartners } from '../shared/profile.js';
import { lastSnapshot, recordSnapshot } from '../shared/snapshots.js';
import { evidenceRules } from '../shared/tables.js';

// Matching's rules: a learner sees their own explained match and gap plan for an open need.

export async function getMatch(ctx: Ctx, needId: string) {
  const personId = learnerOf(ctx);
  const need = await openNeed(ctx, needId);
  const match = await matchOf(ctx, need, personId);
  const basisPoints = Math.round(match.score * 10_000);
  const last = await lastSnapshot(ctx.db, personId, need.id);
  if (!last || last.scoreBasisPoints !== basisPoints) {
    await recordSnapshot(ctx.db, {
      personId,
      needId: need.id,
      regionId: need.regionId,
      at: ctx.now(),
      scoreBasisPoints: basisPoints,
    });
    if (last && basisPoints > last.scoreBasisPoints) {
      await ctx.emit(
        MatchImproved,
        {
          needId: need.id,
          personId,
          regionId: need.regionId,
          previousScore: last.scoreBasisPoints / 10_000,
          score: match.score,
        },
        { key: personId },
      );
    }
  }
  return match;
}

export async function getGapPlan(ctx: Ctx, needId: string) {
  const personId = learnerOf(ctx);
  const need = await openNeed(ctx, needId);
  const match = await matchOf(ctx, need, personId);
  const items = [];
  for (const skill of match.skills) {
    if (skill.status === 'matched') continue;
    const partners = await crosswalkPartners(ctx.db, need.regionId, skill.skillId);
    const ids = [skill.skillId, ...partners.map((p) => p.skillId)];
    const rules = await ctx.db
      .select()
      .from(evidenceRules)
      .where(and(eq(evidenceRules.regionId, need.regionId), inArray(evidenceRules.skillId, ids)))
      .orderBy(evidenceRules.id);
    items.push({
      skillId: skill.skillId,
      label: skill.label,
      status: skill.status as 'partial' | 'missing',
      requiredLevel: skill.requiredLevel,
      heldLevel: skill.heldLevel,
      selfTests: rules.map((r) => ({
        formId: r.sourceRef,
        level: r.level,
        skillId: r.skillId,
        closesGap: r.level >= skill.requiredLevel,
      })),
    });
  }
  return { needId: need.id, score: match.score, items };
}
