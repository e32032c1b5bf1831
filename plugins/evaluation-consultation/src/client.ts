import { definePluginClient } from '@lifelong/core/contract';
import * as contracts from './contracts.js';

/**
 * The evaluation-consultation plugin's client module: its contracts, bound by a client as
 * `client.evaluationConsultation.<operationId>`. Server-free: only contracts and schemas
 * (`client-entry.test.ts` checks it).
 *
 * @example
 * import evaluation from '@lifelong/plugin-evaluation-consultation/client';
 * const client = createClient({ baseUrl, plugins: [evaluation] });
 * const engagement = await client.evaluationConsultation.engagements.create({ body: { schoolInstitutionId } });
 */
const evaluationConsultationClient = definePluginClient('evaluation-consultation', contracts);

export default evaluationConsultationClient;
