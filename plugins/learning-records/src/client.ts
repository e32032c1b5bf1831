import { definePluginClient } from '@lifelong/core/contract';
import * as contracts from './contracts.js';

/**
 * The learning-records plugin's client module: its contracts, bound by a client as
 * `client.learningRecords.<operationId>` (e.g. `client.learningRecords.credentials.create({ body })`).
 * The xAPI operations (`xapi.*`) are there for completeness; xAPI clients speak HTTP Basic with
 * an LRS credential, so use an xAPI library for them. Server-free (`client-entry.test.ts`).
 */
const learningRecordsClient = definePluginClient('learning-records', contracts);

export default learningRecordsClient;
