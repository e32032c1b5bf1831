import { definePluginClient } from '@lifelong/core/contract';
import * as contracts from './contracts.js';

/**
 * The quality control plugin's client module: its contracts, bound by a client as
 * `client.qualityControl.<operationId>`. Server-free: only contracts and schemas.
 *
 * @example
 * import qualityControl from '@lifelong/plugin-quality-control/client';
 * const client = createClient({ baseUrl, plugins: [qualityControl] });
 * const { items } = await client.qualityControl.scopes.indicators.series({
 *   scopeType: 'institution', scopeId, code: 'students.satisfaction', from: '2024', to: '2026',
 * });
 */
const qualityControlClient = definePluginClient('quality-control', contracts);

export default qualityControlClient;
