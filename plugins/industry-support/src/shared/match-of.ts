import type { JobCtx } from '../context.js';
import { skillLabels } from './catalogue.js';
import { scoreNeed } from './match.js';
import { evidenceFor, evidenceOf } from './profile.js';
import type { NeedRow } from './tables.js';

/** A person's explained match against a need: the score and every skill of the need. */
export async function matchOf(ctx: JobCtx, need: NeedRow, personId: string) {
  const all = await evidenceOf(ctx, personId, need.regionId);
  const perSkill = new Map<string, Awaited<ReturnType<typeof evidenceFor>>>();
  for (const skill of need.skills)
    perSkill.set(skill.skillId, await evidenceFor(ctx, need.regionId, skill.skillId, all));
  const { score, skills } = scoreNeed(need.skills, (id) => perSkill.get(id)?.heldLevel ?? 0);
  const labels = await skillLabels(
    ctx.db,
    need.skills.map((s) => s.skillId),
  );
  return {
    needId: need.id,
    version: need.version,
    score,
    skills: skills.map((s) => ({
      skillId: s.skillId,
      label: labels.get(s.skillId) ?? '',
      status: s.status,
      requiredLevel: s.requiredLevel,
      heldLevel: s.heldLevel,
      essential: s.essential,
      importance: s.importance,
      weight: s.weight,
      coverage: s.coverage,
      evidence: perSkill.get(s.skillId)?.evidence ?? [],
    })),
  };
}
export type MatchResult = Awaited<ReturnType<typeof matchOf>>;
