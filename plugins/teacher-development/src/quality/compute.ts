import type { Static } from '@sinclair/typebox';
import type { QualityConfig } from './config.js';
import type { QualityFigures, Suggestion } from './schema.js';

type Quality = Static<typeof QualityConfig>;

/** What the score is computed from: a teacher's courses and their learners' records. */
export interface TeacherActivity {
  courses: { id: string; title: string; lessonCounts: Map<number, number> }[];
  enrolments: { id: string; courseId: string; version: number; personId: string; completed: boolean }[];
  /** Lessons reached, by enrolment: position → completed? and when last active. */
  progress: { enrolmentId: string; position: number; completed: boolean; lastActivityAt: Date }[];
  ratings: { courseId: string; stars: number }[];
}

export interface QualityResult {
  figures: QualityFigures;
  scoreBps: number;
  suggestions: Suggestion[];
}

const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * The score is `100 × Σ weightᵢ × figureᵢ / Σ weightᵢ`, kept in basis points (rounded half up),
 * from five figures in 0–1: active learners / target (capped at 1), completion rate, average
 * stars mapped 1→0 … 5→1 (0.5 without ratings), retention between lessons and repeat enrolment.
 */
export function scoreTeacher(activity: TeacherActivity, config: Quality, now: Date): QualityResult {
  const since = now.getTime() - config.activeWindowDays * 86_400_000;
  const enrolmentById = new Map(activity.enrolments.map((e) => [e.id, e]));
  const active = new Set(
    activity.progress
      .filter((p) => p.lastActivityAt.getTime() >= since)
      .map((p) => enrolmentById.get(p.enrolmentId)?.personId),
  );
  active.delete(undefined);
  const learners = new Map<string, Set<string>>();
  for (const e of activity.enrolments)
    learners.set(e.personId, (learners.get(e.personId) ?? new Set()).add(e.courseId));
  const repeatLearners = [...learners.values()].filter((courses) => courses.size > 1).length;
  const completed = activity.enrolments.filter((e) => e.completed).length;
  const stars = activity.ratings.map((r) => r.stars);
  const averageStars = stars.length ? stars.reduce((a, b) => a + b, 0) / stars.length : null;

  // Retention: of the lessons completed that have a next lesson, the share whose next lesson was started.
  const reached = new Map<string, Map<number, boolean>>();
  for (const p of activity.progress)
    reached.set(p.enrolmentId, (reached.get(p.enrolmentId) ?? new Map()).set(p.position, p.completed));
  let completedWithNext = 0;
  let continued = 0;
  for (const [enrolmentId, positions] of reached) {
    const enrolment = enrolmentById.get(enrolmentId);
    const lessons =
      activity.courses.find((c) => c.id === enrolment?.courseId)?.lessonCounts.get(enrolment?.version ?? 0) ?? 0;
    for (const [position, done] of positions) {
      if (!done || position >= lessons) continue;
      completedWithNext += 1;
      if (positions.has(position + 1)) continued += 1;
    }
  }

  const figures: QualityFigures = {
    courses: activity.courses.length,
    enrolments: activity.enrolments.length,
    learners: learners.size,
    activeLearners: active.size,
    completed,
    completionRate: ratio(completed, activity.enrolments.length),
    ratingCount: stars.length,
    averageStars,
    retention: ratio(continued, completedWithNext),
    repeatLearners,
    repeatRate: ratio(repeatLearners, learners.size),
  };
  const parts: [number, number][] = [
    [config.weights.activeLearners, Math.min(1, figures.activeLearners / config.activeLearnersTarget)],
    [config.weights.completionRate, figures.completionRate],
    [config.weights.ratings, averageStars === null ? 0.5 : (averageStars - 1) / 4],
    [config.weights.retention, figures.retention],
    [config.weights.repeatEnrolment, figures.repeatRate],
  ];
  const totalWeight = parts.reduce((sum, [w]) => sum + w, 0);
  const scoreBps =
    totalWeight === 0 ? 0 : Math.round((10_000 * parts.reduce((sum, [w, x]) => sum + w * x, 0)) / totalWeight);
  return { figures, scoreBps, suggestions: suggestionsFor(activity, figures, config) };
}

function suggestionsFor(activity: TeacherActivity, figures: QualityFigures, config: Quality): Suggestion[] {
  const suggestions: Suggestion[] = [];
  const enrolmentById = new Map(activity.enrolments.map((e) => [e.id, e]));
  for (const course of activity.courses) {
    // Learners who reached each lesson (any progress row) of this course.
    const byPosition = new Map<number, number>();
    for (const p of activity.progress) {
      if (enrolmentById.get(p.enrolmentId)?.courseId !== course.id) continue;
      byPosition.set(p.position, (byPosition.get(p.position) ?? 0) + 1);
    }
    let worst: { lesson: number; kept: number; before: number } | null = null;
    const lessons = Math.max(...course.lessonCounts.values(), 0);
    for (const [position, before] of [...byPosition].sort((a, b) => a[0] - b[0])) {
      const next = byPosition.get(position + 1) ?? 0;
      if (position + 1 > lessons || before < config.minSample) continue;
      const kept = next / before;
      if (kept <= 1 - config.dropBps / 10_000 && (!worst || kept < worst.kept))
        worst = { lesson: position + 1, kept, before };
    }
    if (worst) {
      suggestions.push({
        code: 'completion-drop',
        courseId: course.id,
        lesson: worst.lesson,
        message: `Completion drops at lesson ${worst.lesson} of course "${course.title}": only ${pct(worst.kept)} of the ${worst.before} learners who reached lesson ${worst.lesson - 1} started it.`,
      });
    }
    const courseStars = activity.ratings.filter((r) => r.courseId === course.id).map((r) => r.stars);
    const average = courseStars.reduce((a, b) => a + b, 0) / (courseStars.length || 1);
    if (courseStars.length >= config.minSample && average < 3.5) {
      suggestions.push({
        code: 'low-ratings',
        courseId: course.id,
        message: `Learners rate "${course.title}" ${average.toFixed(1)} of 5 on average: read their reviews.`,
      });
    }
  }
  if (figures.enrolments >= config.minSample && figures.completionRate < 0.5) {
    suggestions.push({
      code: 'low-completion',
      message: `Only ${pct(figures.completionRate)} of your enrolments end in a completed course.`,
    });
  }
  if (figures.learners >= config.minSample && figures.repeatRate < 0.1) {
    suggestions.push({
      code: 'few-repeat-learners',
      message: `Only ${pct(figures.repeatRate)} of your learners took a second course of yours: point them to your next course.`,
    });
  }
  if (figures.enrolments > 0 && figures.activeLearners === 0) {
    suggestions.push({
      code: 'no-active-learners',
      message: `None of your learners was active in the last ${config.activeWindowDays} days.`,
    });
  }
  return suggestions;
}
