// The suite, in run order. Ceilings come first: later scenarios divide by them.
import type { Scenario } from '../lib/types.js';
import { honoCeiling } from './ceiling-hono.js';
import { ledgerSqlCeiling } from './ceiling-ledger-sql.js';
import { pgbenchCeiling } from './ceiling-pgbench.js';
import { growth } from './growth.js';
import { ledgerThroughput } from './ledger-throughput.js';
import { platform } from './platform.js';
import { transcript } from './transcript.js';

export const scenarios: Scenario[] = [
  pgbenchCeiling,
  ledgerSqlCeiling,
  honoCeiling,
  ledgerThroughput,
  growth,
  transcript,
  platform,
];
