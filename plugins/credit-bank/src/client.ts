import { definePluginClient } from '@lifelong/sdk';
import { exchangeApi } from './exchange/client.js';
import { familyApi } from './family/client.js';
import { importsApi } from './imports/client.js';
import { poolsApi } from './pools/client.js';
import { providersApi } from './providers/client.js';
import { recognitionApi } from './recognition/client.js';
import { recordsApi } from './records/client.js';
import { transcriptApi } from './transcript/client.js';
import { walletApi } from './wallet/client.js';

/**
 * The credit bank's SDK client module:
 * `createClient({ baseUrl, plugins: [creditBankClient] }).plugins['credit-bank']`.
 * Types come from the plugin's own schemas (`import type` only: no server code in the client).
 * Calls that create or move points (offer, redeem, family transfer, contribute, propose a spend,
 * submit a certificate) send an `Idempotency-Key` and are retried safely: the platform answers a
 * repeated key with the first answer and moves nothing twice. File uploads (evidence, CSV
 * imports) are raw bodies: send them with `fetch`; JSON imports go through `importRecords`.
 */
export const creditBankClient = definePluginClient('credit-bank', (request) => ({
  ...walletApi(request),
  ...exchangeApi(request),
  ...familyApi(request),
  ...poolsApi(request),
  ...recordsApi(request),
  ...providersApi(request),
  ...recognitionApi(request),
  ...importsApi(request),
  ...transcriptApi(request),
}));
