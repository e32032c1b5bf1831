import { AttemptScored } from '@lifelong/plugin-assessments';
import { CertificateReviewed, CreditAwarded } from '@lifelong/plugin-credit-bank';
import { CourseCompleted, EnrolmentPaid, TeacherDecided } from '@lifelong/plugin-teacher-development';
import type { QualityControlRegistrar } from '../config.js';
import type { JobCtx } from '../context.js';
import { recordPoints } from '../shared/record.js';
import { resolveScope } from '../shared/scopes.js';

/** One data element value an event yields: where, what, when, whose. */
interface Fed {
  regionId: string;
  /** A course id: the value goes to the course's scope when it is registered, else to the region. */
  courseId?: string;
  element: string;
  value: number;
  day: string;
  subjectPersonId?: string;
}

/**
 * Data elements fed by the other centers' events (docs/plugins/quality-control.md lists them):
 * each event is recorded once per scope, keyed by its event id, so a repeated delivery adds nothing.
 */
async function feed(ctx: JobCtx, eventId: string, fed: Fed): Promise<void> {
  const course = fed.courseId ? await resolveScope(ctx, fed.regionId, 'course', fed.courseId) : null;
  const scope = course ?? (await resolveScope(ctx, fed.regionId, 'region', fed.regionId));
  if (!scope) return;
  await recordPoints(
    ctx.db,
    [
      {
        scope,
        element: fed.element,
        occurredOn: fed.day,
        value: fed.value,
        subjectPersonId: fed.subjectPersonId ?? null,
        source: 'event',
        sourceKey: `event:${eventId}`,
        recordedBy: null,
      },
    ],
    ctx.now(),
  );
}

const dayOf = (date: Date | string) => new Date(date).toISOString().slice(0, 10);

/** The elements each subscribed event feeds (for the docs and the library's definitions). */
export const ELEMENTS_FROM_EVENTS = {
  'credit-bank.credit.awarded': 'credits.awarded (the credits awarded)',
  'credit-bank.certificate.reviewed': 'certificates.approved (1 approved, 0 rejected)',
  'teacher-development.teacher.decided': 'teachers.approved (1 approved, 0 rejected)',
  'teacher-development.enrolment.paid': 'courses.enrolled (1)',
  'teacher-development.course.completed': 'courses.completed (1)',
  'assessments.attempt.scored': 'assessments.passed (1 passed, 0 not)',
} as const;

export function registerFeeds(p: QualityControlRegistrar): void {
  p.on(CreditAwarded, async (e, ctx) => {
    await feed(ctx, e.id, {
      regionId: e.payload.regionId,
      element: 'credits.awarded',
      value: Number(e.payload.credits) / 10, // CREDIT has scale 1
      day: dayOf(e.createdAt),
      subjectPersonId: e.payload.personId,
    });
  });
  p.on(CertificateReviewed, async (e, ctx) => {
    if (e.payload.decision !== 'approved' && e.payload.decision !== 'rejected') return; // not a decision yet
    await feed(ctx, e.id, {
      regionId: e.payload.regionId,
      element: 'certificates.approved',
      value: e.payload.decision === 'approved' ? 1 : 0,
      day: dayOf(e.createdAt),
    });
  });
  p.on(TeacherDecided, async (e, ctx) => {
    await feed(ctx, e.id, {
      regionId: e.payload.regionId,
      element: 'teachers.approved',
      value: e.payload.status === 'approved' ? 1 : 0,
      day: dayOf(e.createdAt),
    });
  });
  p.on(EnrolmentPaid, async (e, ctx) => {
    await feed(ctx, e.id, {
      regionId: e.payload.regionId,
      courseId: e.payload.courseId,
      element: 'courses.enrolled',
      value: 1,
      day: dayOf(e.createdAt),
      subjectPersonId: e.payload.personId,
    });
  });
  p.on(CourseCompleted, async (e, ctx) => {
    await feed(ctx, e.id, {
      regionId: e.payload.regionId,
      courseId: e.payload.courseId,
      element: 'courses.completed',
      value: 1,
      day: dayOf(e.createdAt),
      subjectPersonId: e.payload.personId,
    });
  });
  p.on(AttemptScored, async (e, ctx) => {
    await feed(ctx, e.id, {
      regionId: e.payload.regionId,
      element: 'assessments.passed',
      value: e.payload.passed ? 1 : 0,
      day: dayOf(e.payload.submittedAt),
      subjectPersonId: e.payload.personId,
    });
  });
}
