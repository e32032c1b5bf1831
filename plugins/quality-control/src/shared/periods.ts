// Periods: a month `2026-05`, a quarter `2026-Q2`, a year `2026`. Every data point counts in the
// month, quarter and year of its day.

export const PERIOD_TYPES = ['month', 'quarter', 'year'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const PERIOD_PATTERNS: Record<PeriodType, RegExp> = {
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};

/** Any period's pattern (for schemas). */
export const PERIOD_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$';

/** The periods a day (`YYYY-MM-DD`) falls in. */
export function periodsOf(day: string): Record<PeriodType, string> {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  return { month: day.slice(0, 7), quarter: `${year}-Q${Math.ceil(month / 3)}`, year };
}

export function periodTypeOf(period: string): PeriodType | null {
  for (const type of PERIOD_TYPES) if (PERIOD_PATTERNS[type].test(period)) return type;
  return null;
}

/** The period after `period` (of the same type). */
export function nextPeriod(period: string): string {
  const type = periodTypeOf(period);
  const year = Number(period.slice(0, 4));
  if (type === 'year') return String(year + 1);
  if (type === 'quarter') {
    const q = Number(period.slice(6));
    return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
  }
  const month = Number(period.slice(5, 7));
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** Every period from `from` to `to`, inclusive (same type; at most `max`). */
export function periodRange(from: string, to: string, max: number): string[] {
  const out: string[] = [];
  for (let p = from; p <= to && out.length < max; p = nextPeriod(p)) out.push(p);
  return out;
}

/** Is `day` a real calendar day (`YYYY-MM-DD`)? */
export function isDay(day: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

/** The period before `period` (of the same type). */
export function previousPeriod(period: string): string {
  const type = periodTypeOf(period);
  const year = Number(period.slice(0, 4));
  if (type === 'year') return String(year - 1);
  if (type === 'quarter') {
    const q = Number(period.slice(6));
    return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
  }
  const month = Number(period.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
