import { definePlugin } from '@lifelong/core';
import creditBank from '@lifelong/plugin-credit-bank';
import pkg from '../package.json' with { type: 'json' };
import { TeacherDevelopmentConfig } from './config.js';
import { registerCourses } from './courses/routes.js';
import { distribution } from './distribution.js';
import { registerLearning } from './learning/routes.js';
import { permissions, roles } from './permissions.js';
import { registerPricing } from './pricing/routes.js';
import { registerQuality } from './quality/routes.js';
import { registerRecommendations } from './recommendations/routes.js';
import { registerStudios } from './studios/routes.js';
import { registerTeachers } from './teachers/routes.js';
import { registerTextbooks } from './textbooks/routes.js';

export * from './codes.js';
export { TeacherDevelopmentConfig } from './config.js';
export * from './errors.js';
export * from './events.js';
export { invalidField } from './field-error.js';
export * from './schemas.js';

/**
 * The teacher development center: teachers publish recorded courses, learners take them (free for
 * the first week, then priced by tier and activity), completions become credits through the credit
 * bank, and the best teachers enter the quality database.
 */
const teacherDevelopment = definePlugin({
  id: 'teacher-development',
  version: pkg.version,
  description: 'Teachers, courses, pricing after the free week, quality teachers, studios and textbooks',
  requires: { core: '^0.1.0', plugins: { [creditBank.id]: '^0.1.0' } },
  config: TeacherDevelopmentConfig,
  migrations: new URL('../drizzle', import.meta.url),
  // Where each table goes on a distributed cluster (docs/scale.md), declared next to each table.
  distribution,
  permissions,
  roles,
  register(p) {
    registerTeachers(p);
    registerCourses(p);
    registerLearning(p);
    registerPricing(p);
    registerQuality(p);
    registerRecommendations(p);
    registerStudios(p);
    registerTextbooks(p);
  },
});

export default teacherDevelopment;
