import { definePluginClient } from '@lifelong/core/contract';
import * as contracts from './contracts.js';

/**
 * The assessments plugin's client module: its contracts, bound by a client as
 * `client.assessments.<operationId>` (e.g. `client.assessments.forms.attempts.start({ formId })`).
 * Server-free: only contracts and schemas (`client-entry.test.ts` checks it).
 *
 * @example
 * import assessments from '@lifelong/plugin-assessments/client';
 * const client = createClient({ baseUrl, plugins: [assessments] });
 * const attempt = await client.assessments.forms.attempts.start({ formId });
 */
const assessmentsClient = definePluginClient('assessments', contracts);

export default assessmentsClient;
