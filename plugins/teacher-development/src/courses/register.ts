import type { TeacherDevelopmentRegistrar } from '../config.js';

/** Declares the courses feature's routes, handlers and jobs. */
export function registerCourses(_p: TeacherDevelopmentRegistrar): void {}
