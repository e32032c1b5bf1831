import { definePluginClient } from '@lifelong/core/contract';
import * as contracts from './contracts.js';

/**
 * The credentials plugin's client module: `client.credentials.<operationId>`.
 *
 * @example
 * import credentials from '@lifelong/plugin-credentials/client';
 * const client = createClient({ baseUrl, plugins: [credentials] });
 * const { verified, errors } = await client.credentials.verify({ body: { credential } });
 */
const credentialsClient = definePluginClient('credentials', contracts);

export default credentialsClient;
