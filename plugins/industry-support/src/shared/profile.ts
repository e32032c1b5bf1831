import type { Queryable } from '@lifelong/core';
import { assessmentResults } from '@lifelong/plugin-assessments';
import { and, eq, or } from 'drizzle-orm';
import type { JobCtx } from '../context.js';
import { crosswalks, declaredSkills, evidenceRules } from './tables.js';

/** One piece of evidence for a skill, and what it is worth today. */
export interface Evidence {
  kind: 'assessment' | 'declared';
  /** The assessment form (with `kind: assessment`). */
  sourceRef: string | null;
  /** The skill the evidence is about (another one than the need's, when reached by a crosswalk). */
  skillId: string;
  level: number;
  observedAt: string;
  /** age decay × (declared weight) × (crosswalk weight), 0–1, four decimals. */
  weight: number;
  effectiveLevel: number;
  crosswalk: 'exactMatch' | 'closeMatch' | null;
  reason: string;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;
const DAY = 86_400_000;

/** Evidence halves in weight every `halfLifeDays`: weight = 0.5^(age in days / half-life). */
export const decay = (observedAt: Date, now: Date, halfLifeDays: number) =>
  0.5 ** (Math.max(0, now.getTime() - observedAt.getTime()) / DAY / halfLifeDays);

/**
 * Every piece of evidence a person has, by the skill it is about: passed assessment forms the
 * region's evidence rules map to skills (asked of the assessments plugin's results service), and
 * the skills the person declared themself (weighted by the region's `declaredWeight`).
 */
export async function evidenceOf(ctx: JobCtx, personId: string, regionId: string): Promise<Map<string, Evidence[]>> {
  const config = await ctx.configFor(regionId);
  const now = ctx.now();
  const bySkill = new Map<string, Evidence[]>();
  const add = (e: Evidence) => bySkill.set(e.skillId, [...(bySkill.get(e.skillId) ?? []), e]);

  const rules = await ctx.db.select().from(evidenceRules).where(eq(evidenceRules.regionId, regionId));
  const results = ctx.service(assessmentResults);
  const best = new Map<string, Awaited<ReturnType<typeof results.bestAttempt>>>();
  for (const rule of rules) {
    if (!best.has(rule.sourceRef)) best.set(rule.sourceRef, await results.bestAttempt(personId, rule.sourceRef));
    const attempt = best.get(rule.sourceRef);
    if (!attempt?.passed) continue;
    const weight = decay(attempt.submittedAt, now, config.evidenceHalfLifeDays);
    const days = Math.floor((now.getTime() - attempt.submittedAt.getTime()) / DAY);
    add({
      kind: 'assessment',
      sourceRef: rule.sourceRef,
      skillId: rule.skillId,
      level: rule.level,
      observedAt: attempt.submittedAt.toISOString(),
      weight: round(weight, 4),
      effectiveLevel: round(rule.level * weight, 2),
      crosswalk: null,
      reason:
        `Passed self-test ${rule.sourceRef} with ${attempt.scorePercent}% ${days} days ago, which shows level ` +
        `${rule.level}; evidence halves every ${config.evidenceHalfLifeDays} days.`,
    });
  }

  const declared = await ctx.db.select().from(declaredSkills).where(eq(declaredSkills.personId, personId));
  for (const d of declared) {
    const weight = decay(d.declaredAt, now, config.evidenceHalfLifeDays) * config.declaredWeight;
    add({
      kind: 'declared',
      sourceRef: null,
      skillId: d.skillId,
      level: d.level,
      observedAt: d.declaredAt.toISOString(),
      weight: round(weight, 4),
      effectiveLevel: round(d.level * weight, 2),
      crosswalk: null,
      reason: `Declared by the learner at level ${d.level} (self-declared levels count × ${config.declaredWeight}).`,
    });
  }
  return bySkill;
}

/** The crosswalk partners of the skills, with the kind of match (either direction). */
export async function crosswalkPartners(db: Queryable, regionId: string, skillId: string) {
  const rows = await db
    .select()
    .from(crosswalks)
    .where(
      and(
        eq(crosswalks.regionId, regionId),
        or(eq(crosswalks.fromSkillId, skillId), eq(crosswalks.toSkillId, skillId)),
      ),
    );
  return rows.map((r) => ({ skillId: r.fromSkillId === skillId ? r.toSkillId : r.fromSkillId, match: r.match }));
}

/**
 * The evidence for one skill, the crosswalked skills' included (`exactMatch` fully, `closeMatch`
 * × the region's `closeMatchWeight`), best first; the held level is the best effective level.
 */
export async function evidenceFor(
  ctx: JobCtx,
  regionId: string,
  skillId: string,
  all: Map<string, Evidence[]>,
): Promise<{ heldLevel: number; evidence: Evidence[] }> {
  const closeWeight = (await ctx.configFor(regionId)).closeMatchWeight;
  const evidence = [...(all.get(skillId) ?? [])];
  for (const partner of await crosswalkPartners(ctx.db, regionId, skillId)) {
    const factor = partner.match === 'exactMatch' ? 1 : closeWeight;
    for (const e of all.get(partner.skillId) ?? []) {
      evidence.push({
        ...e,
        weight: round(e.weight * factor, 4),
        effectiveLevel: round(e.effectiveLevel * factor, 2),
        crosswalk: partner.match,
        reason: `${e.reason} Counted through a ${partner.match} crosswalk${factor < 1 ? ` (× ${factor})` : ''}.`,
      });
    }
  }
  evidence.sort((a, b) => b.effectiveLevel - a.effectiveLevel);
  return { heldLevel: evidence[0]?.effectiveLevel ?? 0, evidence };
}
