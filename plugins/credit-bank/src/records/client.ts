import type { PluginRequest } from '@lifelong/sdk';
import type { LearningRecord, WithdrawRecordBody } from './schemas.js';

type Page<T> = { items: T[]; nextCursor: string | null };
const at = (id: string) => encodeURIComponent(id);

/** SDK methods of learning records (see ../client.ts). */
export const recordsApi = (request: PluginRequest) => ({
  /** My learning records. */
  records: () =>
    request.paginate((query, options) => request<Page<LearningRecord>>('GET', '/records', { query }, options)),
  /** A person's learning records (self, guardian of a minor, records readers). */
  personRecords: (learnerNumber: string) =>
    request.paginate((query, options) =>
      request<Page<LearningRecord>>('GET', `/people/${at(learnerNumber)}/records`, { query }, options),
    ),
  record: (recordId: string) => request<LearningRecord>('GET', `/records/${at(recordId)}`),
  withdrawRecord: (recordId: string, body: WithdrawRecordBody) =>
    request<LearningRecord>('POST', `/records/${at(recordId)}/withdrawal`, { body }),
});
