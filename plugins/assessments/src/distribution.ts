import type { TableDistribution } from '@lifelong/core';
import { attemptsDistribution } from './attempts/schema.js';
import { banksDistribution } from './banks/schema.js';
import { formsDistribution } from './forms/schema.js';

/** Where each assessments table goes on a distributed cluster; declared next to each table. */
export const distribution: readonly TableDistribution[] = [
  ...attemptsDistribution,
  ...banksDistribution,
  ...formsDistribution,
];
