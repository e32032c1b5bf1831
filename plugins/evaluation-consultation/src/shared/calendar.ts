// Working days: a region's weekdays minus its holidays, in UTC calendar days.

export interface Calendar {
  workingWeekdays: readonly number[];
  holidays: readonly string[];
}

const DAY = 86_400_000;
const dayOf = (at: Date) => Math.floor(at.getTime() / DAY);
const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

export function isWorkingDay(calendar: Calendar, day: number): boolean {
  const weekday = new Date(day * DAY).getUTCDay();
  return calendar.workingWeekdays.includes(weekday) && !calendar.holidays.includes(isoDay(day));
}

/**
 * The moment `n` working days after `from` are over: the start (00:00 UTC) of the day after the
 * n-th working day following `from`'s day. With n = 0 there is no deadline (null).
 */
export function afterWorkingDays(calendar: Calendar, from: Date, n: number): Date | null {
  if (n <= 0) return null;
  let day = dayOf(from);
  let counted = 0;
  // A calendar without working days cannot happen (the config needs one weekday); the bound guards holidays.
  for (let guard = 0; counted < n && guard < 10_000; guard++) {
    day += 1;
    if (isWorkingDay(calendar, day)) counted += 1;
  }
  return new Date((day + 1) * DAY);
}

/** Working days from `from` until `to` (whole days strictly after from's day, up to to's day). */
export function workingDaysBetween(calendar: Calendar, from: Date, to: Date): number {
  let n = 0;
  for (let day = dayOf(from) + 1; day <= dayOf(to); day++) if (isWorkingDay(calendar, day)) n += 1;
  return n;
}
