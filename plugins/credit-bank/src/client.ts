import { definePluginClient } from '@lifelong/sdk';

/**
 * The credit bank's SDK client module:
 * `createClient({ baseUrl, plugins: [creditBankClient] }).plugins['credit-bank']`.
 * Types come from the plugin's own schemas (`import type` only: no server code in the client).
 */
export const creditBankClient = definePluginClient('credit-bank', (_request) => ({}));
