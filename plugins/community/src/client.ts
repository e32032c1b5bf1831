import { definePluginClient } from '@lifelong/core/contract';
import * as contracts from './contracts.js';

/**
 * The community plugin's client module: its contracts, bound by a client as
 * `client.community.<operationId>` (e.g. `client.community.needs.create({ body })`).
 * Server-free: only contracts and schemas (`client-entry.test.ts` checks it).
 *
 * @example
 * import community from '@lifelong/plugin-community/client';
 * const client = createClient({ baseUrl, plugins: [community] });
 * const need = await client.community.needs.create({ body: { title, description, stage: 'university', bountyPoints: 50 } });
 */
const communityClient = definePluginClient('community', contracts);

export default communityClient;
