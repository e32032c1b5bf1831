import { definePlugin } from '@lifelong/core';
import pkg from '../package.json' with { type: 'json' };
import { registerAppeals } from './appeals/routes.js';
import { CommunityConfig } from './config.js';
import { distribution } from './distribution.js';
import { registerMembers } from './members/routes.js';
import { registerModeration } from './moderation/routes.js';
import { registerNeeds } from './needs/routes.js';
import { permissions, roles } from './permissions.js';
import { registerPosts } from './posts/routes.js';

export { TransferCodes as CommunityTransferCodes } from './codes.js';
export { CommunityConfig } from './config.js';
export * from './errors.js';
export * from './schemas.js';

/**
 * The community center: everyone publishes (under the region's rules and their trust level),
 * learners post needs with bounties held in ledger escrow, and moderation is one scored queue with
 * stated reasons, two-moderator suspensions and appeals.
 */
const community = definePlugin({
  id: 'community',
  version: pkg.version,
  description: 'Publishing by anyone under trust levels, learning needs with escrowed bounties, fair moderation',
  requires: { core: '^0.1.0', plugins: { 'credit-bank': '^0.1.0' } },
  config: CommunityConfig,
  migrations: new URL('../drizzle', import.meta.url),
  permissions,
  roles,
  distribution,
  register(p) {
    registerPosts(p);
    registerMembers(p);
    registerModeration(p);
    registerAppeals(p);
    registerNeeds(p);
  },
});

export default community;
