/** A period type of an indicator: months `2026-05`, quarters `2026-Q2`, years `2026`. */
export type PeriodType = 'month' | 'quarter' | 'year';

/** The period a day falls in (UTC). */
export function periodOf(type: PeriodType, day: Date): string {
  const year = day.getUTCFullYear();
  const month = day.getUTCMonth() + 1;
  if (type === 'year') return String(year);
  if (type === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** A period moved by `by` periods of its type (negative: earlier). */
export function shiftPeriod(type: PeriodType, period: string, by: number): string {
  const year = Number(period.slice(0, 4));
  if (type === 'year') return String(year + by);
  if (type === 'quarter') {
    const index = year * 4 + Number(period.slice(6)) - 1 + by;
    return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  }
  const index = year * 12 + Number(period.slice(5, 7)) - 1 + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** How many periods a dashboard shows by default. */
const SPAN: Record<PeriodType, number> = { month: 12, quarter: 8, year: 5 };

/** The default range of a chart: the last periods up to the current one. */
export function defaultRange(type: PeriodType, now = new Date()): { from: string; to: string } {
  const to = periodOf(type, now);
  return { from: shiftPeriod(type, to, -(SPAN[type] - 1)), to };
}

/** Whether a text is a period of the type. */
export function isPeriod(type: PeriodType, text: string): boolean {
  if (type === 'year') return /^\d{4}$/.test(text);
  if (type === 'quarter') return /^\d{4}-Q[1-4]$/.test(text);
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
}
