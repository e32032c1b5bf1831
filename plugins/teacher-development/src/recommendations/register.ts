import type { TeacherDevelopmentRegistrar } from '../config.js';

/** Declares the recommendations feature's routes, handlers and jobs. */
export function registerRecommendations(_p: TeacherDevelopmentRegistrar): void {}
