import type { TableDistribution } from '@lifelong/core';
import { sharedDistribution } from './shared/schema.js';

/** Where each credentials table goes on a distributed cluster; declared next to each table. */
export const distribution: readonly TableDistribution[] = [...sharedDistribution];
