import type { Queryable } from '@lifelong/core';
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Indicator, SeriesItem, Status } from './common-schemas.js';
import { periodRange } from './periods.js';
import { aggregates, targets } from './schema.js';

export interface Standard {
  target: number;
  threshold: number;
  margin: number;
}

/** Traffic light of a value against a target and threshold, in the indicator's direction. */
export function statusOf(value: number, indicator: Pick<Indicator, 'direction'>, standard: Standard): Status {
  const better = (a: number, b: number) => (indicator.direction === 'higher-is-better' ? a >= b : a <= b);
  if (better(value, standard.target)) return 'green';
  if (better(value, standard.threshold)) return 'amber';
  return 'red';
}

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * How many units the value stands on: the denominator's total when it sums counts (graduates,
 * enrolments), else the number of data points behind the value (respondents, inspections).
 */
function unitsOf(
  indicator: Indicator,
  num: { total: number; n: number } | undefined,
  den: { total: number; n: number } | undefined,
): number {
  if (!indicator.denominator) return num?.n ?? 0;
  if (indicator.denominator.aggregation === 'sum') return Math.max(0, Math.round(den?.total ?? 0));
  return den?.n ?? 0;
}

function termValue(term: Indicator['numerator'], row: { total: number; n: number } | undefined): number | null {
  if (!row || row.n === 0) return term.aggregation === 'average' ? null : 0;
  if (term.aggregation === 'sum') return row.total;
  if (term.aggregation === 'count') return row.n;
  return row.total / row.n;
}

/** The scope's standards for the indicator: per period where set, else the scope's `*`, else the indicator's. */
export async function standardsOf(
  db: Queryable,
  scope: { scopeType: string; scopeId: string },
  indicator: Indicator,
): Promise<(period: string) => Standard> {
  const rows = await db
    .select()
    .from(targets)
    .where(
      and(eq(targets.scopeId, scope.scopeId), eq(targets.scopeType, scope.scopeType), eq(targets.code, indicator.code)),
    );
  const byPeriod = new Map(rows.map((r) => [r.period, { target: r.target, threshold: r.threshold, margin: r.margin }]));
  const fallback = byPeriod.get('*') ?? {
    target: indicator.target,
    threshold: indicator.threshold,
    margin: indicator.margin,
  };
  return (period) => byPeriod.get(period) ?? fallback;
}

/**
 * The indicator's observations for the scope, one per period from `from` to `to`, read from the
 * precomputed aggregates: value = numerator / denominator × factor (two decimals), n = the
 * units it stands on (`unitsOf`). Below the minimum n, or with
 * a zero denominator, the value is suppressed: `null` and status `suppressed`, never a zero.
 */
export async function observe(
  db: Queryable,
  scope: { scopeType: string; scopeId: string },
  indicator: Indicator,
  from: string,
  to: string,
  maxPeriods: number,
): Promise<SeriesItem[]> {
  const periods = periodRange(from, to, maxPeriods);
  const elements = [indicator.numerator.element, ...(indicator.denominator ? [indicator.denominator.element] : [])];
  const rows = await db
    .select()
    .from(aggregates)
    .where(
      and(
        eq(aggregates.scopeId, scope.scopeId),
        eq(aggregates.scopeType, scope.scopeType),
        inArray(aggregates.element, elements),
        eq(aggregates.periodType, indicator.periodType),
        gte(aggregates.period, from),
        lte(aggregates.period, to),
      ),
    );
  const at = new Map(rows.map((r) => [`${r.element}\u0000${r.period}`, r]));
  const standard = await standardsOf(db, scope, indicator);
  return periods.map((period) => {
    const num = at.get(`${indicator.numerator.element}\u0000${period}`);
    const den = indicator.denominator ? at.get(`${indicator.denominator.element}\u0000${period}`) : undefined;
    const n = unitsOf(indicator, num, den);
    const top = termValue(indicator.numerator, num);
    const bottom = indicator.denominator ? termValue(indicator.denominator, den) : 1;
    if (n < indicator.minimumN || top === null || bottom === null || bottom === 0) {
      return { period, value: null, n, status: 'suppressed' as const };
    }
    const value = round((top / bottom) * indicator.factor);
    return { period, value, n, status: statusOf(value, indicator, standard(period)) };
  });
}
