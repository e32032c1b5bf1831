import type { Static } from '@sinclair/typebox';
import type { CompletionRuleConfig } from './config.js';

// The completion rule's arithmetic, kept free of I/O so its edges are tested directly.

type Rule = Static<typeof CompletionRuleConfig>;

/** Engaged seconds a lesson needs before it counts as completed. */
export function requiredSeconds(lesson: { durationSeconds: number | null }, rule: Rule): number {
  if (lesson.durationSeconds === null) return rule.secondsWithoutDuration;
  return Math.ceil(lesson.durationSeconds * rule.minEngagedRatio);
}

/**
 * Engaged seconds one progress event earns: what the player claims, but never more than the
 * wall-clock time since the enrolment's previous event (so parallel tabs or a burst of events
 * earn nothing extra) nor more than `maxSecondsPerEvent`. The first event of an enrolment earns
 * nothing: there is no earlier event to measure from.
 */
export function creditedSeconds(claimed: number, lastEventAt: Date | null, now: Date, rule: Rule): number {
  if (lastEventAt === null) return 0;
  const elapsed = Math.max(0, Math.floor((now.getTime() - lastEventAt.getTime()) / 1000));
  return Math.max(0, Math.min(claimed, elapsed, rule.maxSecondsPerEvent));
}

/** What a lesson still lacks, as the completion problem lists it. */
export interface MissingEvidence {
  lessonId: string;
  position: number;
  requiredSeconds: number;
  engagedSeconds: number;
  missingSeconds: number;
}

/** The lessons whose engaged time falls short of the rule (empty when every one qualifies). */
export function missingEvidence(
  lessons: { id: string; position: number; durationSeconds: number | null }[],
  engaged: Map<string, number>,
  rule: Rule,
): MissingEvidence[] {
  return lessons.flatMap((lesson) => {
    const required = requiredSeconds(lesson, rule);
    const have = engaged.get(lesson.id) ?? 0;
    return have >= required
      ? []
      : [
          {
            lessonId: lesson.id,
            position: lesson.position,
            requiredSeconds: required,
            engagedSeconds: have,
            missingSeconds: required - have,
          },
        ];
  });
}
