import { describe, expect, it } from 'vitest';
import { creditedSeconds, missingEvidence, requiredSeconds } from './engagement.js';

const rule = {
  minEngagedRatio: 0.8,
  secondsWithoutDuration: 60,
  maxSecondsPerEvent: 300,
  requireAssessmentPassed: false as const,
};
const at = (s: number) => new Date(Date.UTC(2026, 2, 2, 9, 0, s));

describe('the completion rule', () => {
  it('asks for the ratio of the duration, rounded up, or the fallback without one', () => {
    expect(requiredSeconds({ durationSeconds: 601 }, rule)).toBe(481);
    expect(requiredSeconds({ durationSeconds: null }, rule)).toBe(60);
    expect(requiredSeconds({ durationSeconds: 600 }, { ...rule, minEngagedRatio: 0 })).toBe(0);
  });

  it('credits the least of claim, wall clock and cap; nothing for a first event or a clock going back', () => {
    expect(creditedSeconds(100, null, at(500), rule)).toBe(0);
    expect(creditedSeconds(100, at(0), at(40), rule)).toBe(40);
    expect(creditedSeconds(10, at(0), at(40), rule)).toBe(10);
    expect(creditedSeconds(10_000, at(0), at(5_000), rule)).toBe(300);
    expect(creditedSeconds(100, at(50), at(10), rule)).toBe(0);
  });

  it('lists only the lessons that fall short', () => {
    const lessons = [
      { id: 'a', position: 1, durationSeconds: 100 },
      { id: 'b', position: 2, durationSeconds: null },
    ];
    expect(
      missingEvidence(
        lessons,
        new Map([
          ['a', 80],
          ['b', 59],
        ]),
        rule,
      ),
    ).toEqual([{ lessonId: 'b', position: 2, requiredSeconds: 60, engagedSeconds: 59, missingSeconds: 1 }]);
  });
});
