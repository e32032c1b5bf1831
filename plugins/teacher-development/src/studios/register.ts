import type { TeacherDevelopmentRegistrar } from '../config.js';

/** Declares the studios feature's routes, handlers and jobs. */
export function registerStudios(_p: TeacherDevelopmentRegistrar): void {}
