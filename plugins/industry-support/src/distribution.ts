import type { TableDistribution } from '@lifelong/core';
import { consentsDistribution } from './consents/schema.js';
import { needsDistribution } from './needs/schema.js';
import { profilesDistribution } from './profiles/schema.js';
import { taxonomiesDistribution } from './taxonomies/schema.js';

/** Where each industry support table goes on a distributed cluster; declared next to each table. */
export const distribution: readonly TableDistribution[] = [
  ...taxonomiesDistribution,
  ...needsDistribution,
  ...profilesDistribution,
  ...consentsDistribution,
];
