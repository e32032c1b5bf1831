import { definePlugin } from '@lifelong/core';
import pkg from '../package.json' with { type: 'json' };
import { registerAbout } from './about/routes.js';
import { LearningRecordsConfig } from './config.js';
import { registerCredentials } from './credentials/routes.js';
import { distribution } from './distribution.js';
import { registerDocuments } from './documents/routes.js';
import { permissions, roles } from './permissions.js';
import { registerStatements } from './statements/routes.js';

export { LearningRecordsConfig } from './config.js';
export * from './errors.js';
export * from './schemas.js';

/**
 * Learning records: an xAPI Learning Record Store (1.0.3 and 2.0) at /v1/learning-records/xapi/,
 * one per institution, opened by LRS credentials the institution's managers create.
 */
const learningRecords = definePlugin({
  id: 'learning-records',
  version: pkg.version,
  description: 'An xAPI Learning Record Store (1.0.3 and 2.0) per institution, with LRS credentials',
  requires: { core: '^0.1.0' },
  config: LearningRecordsConfig,
  migrations: new URL('../drizzle', import.meta.url),
  permissions,
  roles,
  distribution,
  register(p) {
    registerCredentials(p);
    registerAbout(p);
    registerStatements(p);
    registerDocuments(p);
  },
});

export default learningRecords;
