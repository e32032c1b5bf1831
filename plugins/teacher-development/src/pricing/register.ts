import type { TeacherDevelopmentRegistrar } from '../config.js';

/** Declares the pricing feature's routes, handlers and jobs. */
export function registerPricing(_p: TeacherDevelopmentRegistrar): void {}
