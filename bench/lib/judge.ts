// Ratios to the ceilings of the same run, and targets judged from them.
import type { BenchContext, Row, Target } from './types.js';

export function ratio(ctx: BenchContext, value: number | null, ceilingId: string, of: string): Row['ratio'] {
  const ceiling = ctx.figure(ceilingId);
  return { value: value === null || !ceiling ? null : value / ceiling, of };
}

/** Target "ratio ≥ min"; unjudged (null) when the ratio could not be computed. */
export function ratioAtLeast(r: Row['ratio'], min: number, text: string): Target {
  return { text, met: r?.value == null ? null : r.value >= min };
}

export function below(value: number | null, max: number, text: string): Target {
  return { text, met: value === null ? null : value < max };
}
