import { definePlugin } from '@lifelong/core';
import pkg from '../package.json' with { type: 'json' };
import { registerClubs } from './clubs/routes.js';
import { ReadingClubConfig } from './config.js';
import { registerPoints } from './points/routes.js';

export { ReadingClubConfig } from './config.js';
export * from './errors.js';
export * from './schemas.js';
export { BookFinished, POINTS_FOR_A_BOOK } from './shared/points.js';

/**
 * Reading clubs: people in a region form clubs, meet, and log what they read.
 *
 * One folder per feature (clubs/, points/) with its contract, routes, service and store; shared/
 * holds what both use. Every handler runs in the request's transaction (`ctx.db`), as the plugin's
 * own PostgreSQL role: it reaches the `reading_club` schema and nothing else.
 */
const readingClub = definePlugin({
  id: 'reading-club',
  version: pkg.version,
  description: 'Reading clubs that meet and log their reading',
  requires: { core: '^0.1.0' },
  // Finished books earn points (shared/points.ts): the ledger refuses mints a plugin does not declare.
  mints: ['POINT'],
  config: ReadingClubConfig,
  migrations: new URL('../drizzle', import.meta.url),
  permissions: { 'clubs.moderate': 'Remove clubs and logs in the region' },
  roles: { 'region-admin': ['clubs.moderate'] },

  register(p) {
    registerClubs(p);
    registerPoints(p);
  },
});

export default readingClub;
