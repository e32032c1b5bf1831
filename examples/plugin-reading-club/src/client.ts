import { definePluginClient } from '@lifelong/core/contract';
import * as contracts from './contracts.js';

/**
 * The plugin's client module (`@lifelong-examples/plugin-reading-club/client`): its contracts,
 * which a client binds as `client.readingClub.<operationId>`. Server-free: contracts and schemas only.
 *
 * @example
 * import readingClub from '@lifelong-examples/plugin-reading-club/client';
 * const client = createClient({ baseUrl, plugins: [readingClub] });
 * const club = await client.readingClub.clubs.create({ body: { name: 'Tuesday readers' } });
 * await client.readingClub.clubs.members.join({ clubId: club.id });
 */
export default definePluginClient('reading-club', contracts);
