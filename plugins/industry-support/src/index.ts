import { definePlugin } from '@lifelong/core';
import assessments from '@lifelong/plugin-assessments';
import pkg from '../package.json' with { type: 'json' };
import { IndustrySupportConfig } from './config.js';
import { registerConsents } from './consents/routes.js';
import { distribution } from './distribution.js';
import { registerMatching } from './matching/routes.js';
import { registerNeeds } from './needs/routes.js';
import { permissions, roles } from './permissions.js';
import { registerProfiles } from './profiles/routes.js';
import { registerTaxonomies } from './taxonomies/routes.js';

export { IndustrySupportConfig } from './config.js';
export * from './errors.js';
export * from './events.js';
export * from './schemas.js';

/**
 * The industry support center: taxonomies as data (ESCO, O*NET, CASE, the region's own), need
 * profiles of companies, learners' skill profiles from evidence, an explained match and gap plan,
 * consent-gated contact and cohort aggregates.
 */
const industrySupport = definePlugin({
  id: 'industry-support',
  version: pkg.version,
  description: 'Skill needs of companies, evidence-based skill profiles, explainable match and gaps',
  requires: { core: '^0.1.0', plugins: { [assessments.id]: '^0.1.0' } },
  config: IndustrySupportConfig,
  migrations: new URL('../drizzle', import.meta.url),
  permissions,
  roles,
  distribution,
  register(p) {
    registerTaxonomies(p);
    registerNeeds(p);
    registerProfiles(p);
    registerMatching(p);
    registerConsents(p);
  },
});

export default industrySupport;
