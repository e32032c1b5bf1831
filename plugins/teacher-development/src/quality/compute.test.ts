import type { Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { scoreTeacher, type TeacherActivity } from './compute.js';
import { QualityConfig } from './config.js';

const config = Value.Default(QualityConfig, {}) as Static<typeof QualityConfig>;
const now = new Date('2026-06-01T00:00:00Z');
const recent = new Date('2026-05-30T00:00:00Z');

/**
 * Ten learners in a 5-lesson course: all complete lessons 1–3, only two start lesson 4, one
 * completes the course.
 */
function dropAtLessonFour(): TeacherActivity {
  const enrolments = Array.from({ length: 10 }, (_, i) => ({
    id: `e${i}`,
    courseId: 'c1',
    version: 1,
    personId: `p${i}`,
    completed: i === 0,
  }));
  const progress = enrolments.flatMap((e, i) => {
    const reached = i === 0 ? 5 : i === 1 ? 4 : 3;
    return Array.from({ length: reached }, (_, k) => ({
      enrolmentId: e.id,
      position: k + 1,
      completed: i !== 1 || k + 1 < reached,
      lastActivityAt: recent,
    }));
  });
  return {
    courses: [{ id: 'c1', title: 'Algebra', lessonCounts: new Map([[1, 5]]) }],
    enrolments,
    progress,
    ratings: [],
  };
}

describe('the quality score', () => {
  it('is the weighted mean of its figures, in basis points', () => {
    const result = scoreTeacher(dropAtLessonFour(), config, now);
    expect(result.figures).toMatchObject({
      enrolments: 10,
      learners: 10,
      activeLearners: 10,
      completed: 1,
      completionRate: 0.1,
      averageStars: null,
      repeatRate: 0,
    });
    // Retention: completed lessons that have a next one: 10 × (1, 2, 3) + learner 0's lesson 4 = 31;
    // the next was started after all but the 8 lesson-3 completions of learners 2–9: 23 of 31.
    expect(result.figures.retention).toBeCloseTo(23 / 31, 10);
    // active 10/20 = 0.5, completion 0.1, no ratings 0.5, retention 23/31, repeat 0; equal weights.
    const expected = Math.round((10_000 * (0.5 + 0.1 + 0.5 + 23 / 31 + 0)) / 5);
    expect(result.scoreBps).toBe(expected);
  });

  it('suggests where completion drops, naming the lesson and the course', () => {
    const { suggestions } = scoreTeacher(dropAtLessonFour(), config, now);
    expect(suggestions).toContainEqual({
      code: 'completion-drop',
      courseId: 'c1',
      lesson: 4,
      message:
        'Completion drops at lesson 4 of course "Algebra": only 20% of the 10 learners who reached lesson 3 started it.',
    });
    expect(suggestions.map((s) => s.code)).toEqual(
      expect.arrayContaining(['completion-drop', 'low-completion', 'few-repeat-learners']),
    );
  });

  it('is zero without any activity, and gives no suggestions', () => {
    const result = scoreTeacher({ courses: [], enrolments: [], progress: [], ratings: [] }, config, now);
    expect(result.scoreBps).toBe(1000); // only the neutral 0.5 for "no ratings", at a fifth of the weight
    expect(result.suggestions).toEqual([]);
  });
});
