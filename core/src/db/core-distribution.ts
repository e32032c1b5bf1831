import { auditDistribution } from '../audit/schema.js';
import { eventsDistribution } from '../events/schema.js';
import { groupsDistribution } from '../groups/schema.js';
import { identityDistribution } from '../identity/schema.js';
import { ledgerDistribution } from '../ledger/schema.js';
import { notificationsDistribution } from '../notifications/schema.js';
import { pluginsDistribution } from '../plugins/schema.js';
import { privacyDistribution } from '../privacy/schema.js';
import { regionsDistribution } from '../regions/schema.js';
import type { TableDistribution } from './distribution.js';

/** The schemas the core's migrations create tables in. */
export const CORE_SCHEMAS = ['core', 'public'] as const;

/** Where every table of the core goes on a distributed cluster (docs/scale.md). */
export const CORE_DISTRIBUTION: readonly TableDistribution[] = [
  ...auditDistribution,
  ...eventsDistribution,
  ...groupsDistribution,
  ...identityDistribution,
  ...ledgerDistribution,
  ...notificationsDistribution,
  ...pluginsDistribution,
  ...privacyDistribution,
  ...regionsDistribution,
  {
    table: 'public.lifelong_migrations',
    kind: 'local',
    reason: 'the migrator’s bookkeeping: migrations run on the coordinator',
  },
];
