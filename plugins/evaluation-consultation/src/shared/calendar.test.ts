import { describe, expect, it } from 'vitest';
import { afterWorkingDays, workingDaysBetween } from './calendar.js';

const calendar = { workingWeekdays: [1, 2, 3, 4, 5], holidays: ['2026-06-03'] };

describe('working days', () => {
  it('skip weekends and the region’s holidays, closing at 00:00 UTC after the last one', () => {
    // Monday 1 June: Tue 2, (Wed 3 holiday), Thu 4, Fri 5, (weekend), Mon 8, Tue 9 → closes Wed 10, 00:00.
    expect(afterWorkingDays(calendar, new Date('2026-06-01T10:00:00Z'), 5)?.toISOString()).toBe(
      '2026-06-10T00:00:00.000Z',
    );
  });

  it('start counting on the day after, whatever the hour', () => {
    expect(afterWorkingDays(calendar, new Date('2026-06-01T23:59:00Z'), 1)?.toISOString()).toBe(
      '2026-06-03T00:00:00.000Z',
    );
    // From Friday: Monday is the first working day.
    expect(afterWorkingDays(calendar, new Date('2026-06-05T08:00:00Z'), 1)?.toISOString()).toBe(
      '2026-06-09T00:00:00.000Z',
    );
  });

  it('give no deadline for zero days', () => {
    expect(afterWorkingDays(calendar, new Date('2026-06-01T10:00:00Z'), 0)).toBeNull();
  });

  it('count the working days between two moments', () => {
    expect(workingDaysBetween(calendar, new Date('2026-06-01T10:00:00Z'), new Date('2026-06-10T00:00:00Z'))).toBe(6);
    expect(workingDaysBetween(calendar, new Date('2026-06-05T10:00:00Z'), new Date('2026-06-07T10:00:00Z'))).toBe(0);
  });

  it('follow a region whose week is Sunday to Thursday', () => {
    const gulf = { workingWeekdays: [0, 1, 2, 3, 4], holidays: [] };
    // Thursday 4 June → Sunday 7 June is the next working day.
    expect(afterWorkingDays(gulf, new Date('2026-06-04T10:00:00Z'), 1)?.toISOString()).toBe('2026-06-08T00:00:00.000Z');
  });
});
