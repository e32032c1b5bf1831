import type { TableDistribution } from '@lifelong/core';
import { appealsDistribution } from './appeals/schema.js';
import { moderationDistribution } from './moderation/schema.js';
import { needsDistribution } from './needs/schema.js';
import { sharedDistribution } from './shared/schema.js';

/** Where each community table goes on a distributed cluster; declared next to each table. */
export const distribution: readonly TableDistribution[] = [
  ...sharedDistribution,
  ...appealsDistribution,
  ...moderationDistribution,
  ...needsDistribution,
];
