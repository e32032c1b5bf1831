import type { TeacherDevelopmentRegistrar } from '../config.js';

/** Declares the textbooks feature's routes, handlers and jobs. */
export function registerTextbooks(_p: TeacherDevelopmentRegistrar): void {}
