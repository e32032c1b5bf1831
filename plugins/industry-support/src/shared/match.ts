import type { NeedSkill } from './tables.js';

/** How a need's skill stands against what the learner holds. */
export type SkillStatus = 'matched' | 'partial' | 'missing';

export interface ScoredSkill {
  skillId: string;
  requiredLevel: number;
  heldLevel: number;
  essential: boolean;
  importance: number;
  /** (essential ? 1 : 0.5) × importance. */
  weight: number;
  /** min(1, held / required). */
  coverage: number;
  status: SkillStatus;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/**
 * The match score (docs/plugins/industry-support.md, "The score"):
 *
 *   score = Σ w·min(1, held/required) / Σ w,   w = (essential ? 1 : 0.5) × importance
 *
 * A skill is `matched` when held ≥ required, `partial` when 0 < held < required, `missing` at 0.
 * Four decimals.
 */
export function scoreNeed(
  skills: readonly NeedSkill[],
  heldOf: (skillId: string) => number,
): { score: number; skills: ScoredSkill[] } {
  let weighted = 0;
  let total = 0;
  const scored = skills.map((skill) => {
    const heldLevel = heldOf(skill.skillId);
    const weight = (skill.essential ? 1 : 0.5) * skill.importance;
    const coverage = Math.min(1, heldLevel / skill.requiredLevel);
    weighted += weight * coverage;
    total += weight;
    const status: SkillStatus = heldLevel >= skill.requiredLevel ? 'matched' : heldLevel > 0 ? 'partial' : 'missing';
    return { ...skill, heldLevel, weight, coverage: round(coverage, 4), status };
  });
  return { score: total === 0 ? 0 : round(weighted / total, 4), skills: scored };
}
