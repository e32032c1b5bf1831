import type { TableDistribution } from '@lifelong/core';
import { familyDistribution } from './family/schema.js';
import { importsDistribution } from './imports/schema.js';
import { poolsDistribution } from './pools/schema.js';
import { recognitionDistribution } from './recognition/schema.js';
import { accountsDistribution } from './schema.js';
import { exchangeDistribution } from './shared/exchange/schema.js';
import { providersDistribution } from './shared/providers/schema.js';
import { recordsDistribution } from './shared/records/schema.js';
import { transcriptDistribution } from './transcript/schema.js';

/** Where each credit-bank table goes on a distributed cluster; declared next to each table. */
export const distribution: readonly TableDistribution[] = [
  ...accountsDistribution,
  ...exchangeDistribution,
  ...familyDistribution,
  ...importsDistribution,
  ...poolsDistribution,
  ...providersDistribution,
  ...recognitionDistribution,
  ...recordsDistribution,
  ...transcriptDistribution,
];
