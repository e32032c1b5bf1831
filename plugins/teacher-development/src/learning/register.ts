import type { TeacherDevelopmentRegistrar } from '../config.js';

/** Declares the learning feature's routes, handlers and jobs. */
export function registerLearning(_p: TeacherDevelopmentRegistrar): void {}
