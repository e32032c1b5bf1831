import type { TableDistribution } from '@lifelong/core';
import { credentialsDistribution } from './credentials/schema.js';
import { documentsDistribution } from './documents/schema.js';
import { statementsDistribution } from './statements/schema.js';

/** Where each learning-records table goes on a distributed cluster; declared next to each table. */
export const distribution: readonly TableDistribution[] = [
  ...credentialsDistribution,
  ...documentsDistribution,
  ...statementsDistribution,
];
