import type { TeacherDevelopmentRegistrar } from '../config.js';

/** Declares the quality feature's routes, handlers and jobs. */
export function registerQuality(_p: TeacherDevelopmentRegistrar): void {}
