import type { TeacherDevelopmentRegistrar } from '../config.js';

/** Declares the teachers feature's routes, handlers and jobs. */
export function registerTeachers(_p: TeacherDevelopmentRegistrar): void {}
