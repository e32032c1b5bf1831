import type { TableDistribution } from '@lifelong/core';
import { coursesDistribution } from './courses/schema.js';
import { learningDistribution } from './learning/schema.js';
import { pricingDistribution } from './pricing/schema.js';
import { qualityDistribution } from './quality/schema.js';
import { recommendationsDistribution } from './recommendations/schema.js';
import { studiosDistribution } from './studios/schema.js';
import { teachersDistribution } from './teachers/schema.js';
import { textbooksDistribution } from './textbooks/schema.js';

/** Where each teacher-development table goes on a distributed cluster; declared next to each table. */
export const distribution: readonly TableDistribution[] = [
  ...coursesDistribution,
  ...learningDistribution,
  ...pricingDistribution,
  ...qualityDistribution,
  ...recommendationsDistribution,
  ...studiosDistribution,
  ...teachersDistribution,
  ...textbooksDistribution,
];
