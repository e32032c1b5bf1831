import type { TableDistribution } from '@lifelong/core';
import { expertsDistribution, sharedDistribution } from './shared/schema.js';

/** Where each evaluation-consultation table goes on a distributed cluster; declared next to each table. */
export const distribution: readonly TableDistribution[] = [...sharedDistribution, ...expertsDistribution];
