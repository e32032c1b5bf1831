import type { TableDistribution } from '@lifelong/core';
import { qualityDistribution } from './shared/schema.js';

/** Where each quality-control table goes on a distributed cluster; declared next to the tables. */
export const distribution: readonly TableDistribution[] = [...qualityDistribution];
