import type { TeacherDevelopmentRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves the learning feature: enrolment (free week or paid), lesson progress, completion, ratings. */
export function registerLearning(p: TeacherDevelopmentRegistrar): void {
  p.route(contract.enrol, async ({ params }, ctx) => {
    const { created, enrolment } = await service.enrol(ctx, params.courseId);
    return created ? { status: 201, body: enrolment } : { status: 200, body: enrolment };
  });

  p.route(contract.listEnrolments, async ({ query }, ctx) => ({
    status: 200,
    body: await service.listEnrolments(ctx, query),
  }));

  p.route(contract.getEnrolment, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getEnrolment(ctx, params.enrolmentId),
  }));

  p.route(contract.recordLessonEvent, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.recordLessonEvent(ctx, params.enrolmentId, params.lessonId, body),
  }));

  p.route(contract.claimAward, async ({ params }, ctx) => ({
    status: 200,
    body: await service.claimAward(ctx, params.enrolmentId),
  }));

  p.route(contract.rateCourse, async ({ params, body }, ctx) => {
    const { created, rating } = await service.rate(ctx, params.courseId, body);
    return created ? { status: 201, body: rating } : { status: 200, body: rating };
  });

  p.route(contract.getRatings, async ({ params }, ctx) => ({
    status: 200,
    body: await service.ratings(ctx, params.courseId),
  }));
}
