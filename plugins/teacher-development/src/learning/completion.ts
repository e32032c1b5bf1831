import { type CompletionInput, creditBankService } from '@lifelong/plugin-credit-bank';
import type { Ctx } from '../context.js';
import { CompletionEvidenceMissing } from '../errors.js';
import { CourseCompleted } from '../events.js';
import { courseOwners, lessonsOf, versionRow } from '../shared/courses.js';
import type { CourseRow } from '../shared/tables.js';
import { type MissingEvidence, missingEvidence } from './engagement.js';
import type { EnrolmentRow } from './schema.js';
import { markCompleted, progressOfEnrolment, updateEnrolment } from './store.js';

/** The 409 a completion without enough evidence answers: which lessons lack how many seconds. */
export const evidenceProblem = (missing: MissingEvidence[]) =>
  CompletionEvidenceMissing({
    detail: missing
      .map(
        (m) =>
          `Lesson ${m.position} needs ${m.missingSeconds} more engaged seconds (${m.engagedSeconds} of ${m.requiredSeconds}).`,
      )
      .join(' '),
    extensions: { lessons: missing },
  });

/**
 * Completes the enrolment when every lesson of its version is completed, each with the engaged time
 * the region's completion rule asks for (409 naming the lessons that lack it otherwise): marks it (a guarded
 * update, so only one request ever completes it), has the credit bank award it in the same
 * transaction, and announces it. The credit bank is idempotent on (source, enrolment id) too, and
 * the equivalence key (the course id) keeps one course from being credited twice to one person.
 */
export async function completeIfDone(ctx: Ctx, enrolment: EnrolmentRow, course: CourseRow): Promise<EnrolmentRow> {
  if (enrolment.completedAt) return enrolment;
  const lessonRows = await lessonsOf(ctx.db, enrolment.courseId, enrolment.version);
  const progress = await progressOfEnrolment(ctx.db, enrolment.id);
  const done = progress.filter((p) => p.state === 'completed');
  if (done.length < lessonRows.length || lessonRows.length === 0) return enrolment;
  // Lessons completed under a laxer rule (or before it existed) are held to today's rule here.
  const engaged = new Map(progress.map((p) => [p.lessonId, p.secondsSpent]));
  const missing = missingEvidence(lessonRows, engaged, ctx.config.learning.completion);
  if (missing.length) throw evidenceProblem(missing);

  const marked = await markCompleted(ctx.db, enrolment.id, ctx.now());
  if (!marked) return enrolment;

  const awarded = await awardCompletion(ctx, marked, course);
  await ctx.emit(
    CourseCompleted,
    {
      enrolmentId: enrolment.id,
      courseId: course.id,
      version: enrolment.version,
      personId: enrolment.personId,
      regionId: enrolment.regionId,
      recordId: awarded.awardRecordId,
      credits: awarded.credits ?? '0',
      points: awarded.points ?? '0',
    },
    { key: enrolment.personId },
  );
  return awarded;
}

/**
 * Has the credit bank award a completed enrolment and keeps the outcome with it. The credit bank
 * records credits for verified people only: an unverified learner's completion stays unawarded
 * (`award: null`) until they verify and ask again (`POST /enrolments/{id}/award`), rather than the
 * completion itself failing.
 */
export async function awardCompletion(ctx: Ctx, enrolment: EnrolmentRow, course: CourseRow): Promise<EnrolmentRow> {
  if (!enrolment.completedAt || enrolment.awardRecordId) return enrolment;
  // Enrolment refuses one's own course already; this also stops enrolments made before that rule.
  await ctx.refuseConflictOfInterest({
    action: 'earn credits from this course',
    ...(await courseOwners(ctx.db, course)),
  });
  const person = await ctx.identity.personById(enrolment.personId);
  if (person?.status !== 'verified') return enrolment;
  const version = await versionRow(ctx.db, enrolment.courseId, enrolment.version);
  if (!version) throw new Error(`Course ${enrolment.courseId} has no version ${enrolment.version}`);
  const outcome = await ctx.service(creditBankService).awardForCompletion({
    source: 'teacher-development',
    sourceRef: enrolment.id,
    personId: enrolment.personId,
    regionId: enrolment.regionId,
    equivalenceKey: `teacher-development:course:${course.id}`,
    title: version.title,
    providerInstitutionId: course.institutionId,
    stage: version.stage as CompletionInput['stage'],
    level: version.level as NonNullable<CompletionInput['level']>,
    learningOutcomes: version.learningOutcomes,
    workloadHours: version.workloadHours,
    assessment: { type: ctx.config.learning.completionAssessment },
    form: 'online',
    completedAt: enrolment.completedAt.toISOString(),
  });
  return updateEnrolment(ctx.db, enrolment.id, {
    awardStatus: outcome.status,
    awardRecordId: outcome.recordId,
    credits: outcome.credits,
    points: outcome.points,
  });
}
