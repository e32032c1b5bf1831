import { definePluginClient } from '@lifelong/core/contract';
import * as contracts from './contracts.js';

/**
 * The credit bank's client module, built from its contracts (the very ones its routes serve):
 * `createClient({ baseUrl, auth, plugins: [creditBankClient] }).creditBank.exchange.redemptions.create(…)`.
 * Each method takes path and query parameters by name and `body` (JSON, or `{ body: file,
 * contentType }` for evidence uploads); list operations also have `.all()` and `.pages()`. Calls
 * that create or move points (offer, redeem, family transfer, contribute, propose a spend, submit
 * a certificate) take an `idempotencyKey` option: the platform answers a repeated key with the
 * first answer and moves nothing twice. Loads no server code (see `client-entry.test.ts`).
 */
const creditBankClient = definePluginClient('credit-bank', contracts);

export default creditBankClient;
/** The stages of life and the framework levels, as the contracts take them (for forms and filters). */
export { LEVELS, STAGES } from './vocabulary.js';
export { creditBankClient };
