import type { RecordsConfig } from './config.js';

/** What the credit rules need to know about a piece of learning. */
export interface Learning {
  workloadHours: number;
  level: string;
  assessment: { type: string; score?: number | undefined };
}

/** Credits as CREDIT minor units (scale 1): whole credits × 10. */
export const toMinorCredits = (credits: number): bigint => BigInt(Math.floor(credits * 10 + 1e-9));

/**
 * The credits `learning` earns by the region's rules before caps, in minor units, rounded down to
 * a tenth of a credit so that rules never award more than the hours justify.
 */
export function creditsFor(learning: Learning, rules: RecordsConfig): bigint {
  const level = rules.levelMultipliers[learning.level] ?? 1;
  const assessment = rules.assessmentMultipliers[learning.assessment.type] ?? 1;
  const band = scoreMultiplier(learning.assessment.score, rules.scoreBands);
  const credits = (learning.workloadHours / rules.hoursPerCredit) * level * assessment * band;
  return toMinorCredits(credits);
}

function scoreMultiplier(score: number | undefined, bands: RecordsConfig['scoreBands']): number {
  if (score === undefined || bands.length === 0) return 1;
  let best: { minScore: number; multiplier: number } | undefined;
  for (const band of bands) {
    if (band.minScore <= score && (!best || band.minScore > best.minScore)) best = band;
  }
  return best ? best.multiplier : 0;
}

/** POINTs minted for `credits` minor units: whole credits × rate, fractions of a point dropped. */
export const pointsFor = (credits: bigint, rules: RecordsConfig): bigint =>
  (credits * BigInt(rules.pointsPerCredit)) / 10n;

/** The calendar-year and term periods a date falls in (UTC): `Y2026`, `T2026-09`. */
export function periodsOf(date: Date, termStartMonths: readonly number[]): { year: string; term: string } {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  const starts = [...termStartMonths].sort((a, b) => a - b);
  const current = starts.filter((m) => m <= month).at(-1);
  const [termYear, termMonth] = current !== undefined ? [year, current] : [year - 1, starts.at(-1) ?? 1];
  return { year: `Y${year}`, term: `T${termYear}-${String(termMonth).padStart(2, '0')}` };
}
