import type { TeacherDevelopmentRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

/** Serves the courses feature: course content and versions, review and publication (media: see media/). */
export function registerCourses(p: TeacherDevelopmentRegistrar): void {
  p.route(contract.createCourse, async ({ body }, ctx) => ({ status: 201, body: await service.create(ctx, body) }));

  p.route(contract.listCourses, async ({ query }, ctx) => ({ status: 200, body: await service.list(ctx, query) }));

  p.route(contract.getCourse, async ({ params }, ctx) => ({
    status: 200,
    body: await service.get(ctx, params.courseId),
  }));

  p.route(contract.getCourseVersion, async ({ params }, ctx) => ({
    status: 200,
    body: await service.getVersion(ctx, params.courseId, params.version),
  }));

  p.route(contract.replaceCourseContent, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.replaceContent(ctx, params.courseId, body),
  }));

  p.route(contract.submitCourse, async ({ params }, ctx) => ({
    status: 200,
    body: await service.submit(ctx, params.courseId),
  }));

  p.route(contract.reviewCourse, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.review(ctx, params.courseId, body),
  }));

  p.route(contract.publishCourse, async ({ params }, ctx) => ({
    status: 200,
    body: await service.publish(ctx, params.courseId),
  }));

  p.route(contract.retireCourse, async ({ params }, ctx) => ({
    status: 200,
    body: await service.retire(ctx, params.courseId),
  }));
}
