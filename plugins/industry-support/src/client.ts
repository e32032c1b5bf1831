import { definePluginClient } from '@lifelong/core/contract';
import * as contracts from './contracts.js';

/**
 * The industry support plugin's client module: its contracts, bound by a client as
 * `client.industrySupport.<operationId>` (e.g. `client.industrySupport.needs.match({ needId })`).
 * Server-free: only contracts and schemas (`client-entry.test.ts` checks it).
 *
 * @example
 * import industrySupport from '@lifelong/plugin-industry-support/client';
 * const client = createClient({ baseUrl, plugins: [industrySupport] });
 * const match = await client.industrySupport.needs.match({ needId });
 */
const industrySupportClient = definePluginClient('industry-support', contracts);

export default industrySupportClient;
