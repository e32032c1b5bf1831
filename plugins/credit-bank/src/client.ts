import { definePluginClient } from '@lifelong/sdk';
import type { Static } from '@sinclair/typebox';
import type { ImportJob, ImportRow, ImportRowResult } from './imports/schemas.js';
import type { CreateProviderBody, Provider, UpdateProviderBody } from './providers/schemas.js';
import type {
  AddEvidenceBody,
  Certificate,
  CertificateDecisionBody,
  CertificateStatus,
  SubmitCertificateBody,
} from './recognition/schemas.js';
import type { LearningRecord, WithdrawRecordBody } from './records/schemas.js';
import type { CreatedShare, CreateShareBody, Transcript, TranscriptShare } from './transcript/schemas.js';

type Page<T> = { items: T[]; nextCursor: string | null };
const at = (id: string) => encodeURIComponent(id);

/**
 * The credit bank's SDK client module:
 * `createClient({ baseUrl, plugins: [creditBankClient] }).plugins['credit-bank']`.
 * Types come from the plugin's own schemas (`import type` only: no server code in the client).
 * File uploads (evidence, CSV imports) are raw bodies: send them with `fetch`; JSON imports go
 * through `importRecords`.
 */
export const creditBankClient = definePluginClient('credit-bank', (request) => ({
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

  providers: (institutionId?: string) =>
    request.paginate((query, options) =>
      request<Page<Provider>>('GET', '/providers', { query: { ...query, institutionId } }, options),
    ),
  provider: (providerId: string) => request<Provider>('GET', `/providers/${at(providerId)}`),
  accreditProvider: (body: CreateProviderBody) => request<Provider>('POST', '/providers', { body }),
  updateProvider: (providerId: string, body: UpdateProviderBody) =>
    request<Provider>('PATCH', `/providers/${at(providerId)}`, { body }),

  submitCertificate: (body: SubmitCertificateBody) => request<Certificate>('POST', '/certificates', { body }),
  certificates: (status?: Static<typeof CertificateStatus>) =>
    request.paginate((query, options) =>
      request<Page<Certificate>>('GET', '/certificates', { query: { ...query, status } }, options),
    ),
  institutionCertificates: (institutionId: string, status?: Static<typeof CertificateStatus>) =>
    request.paginate((query, options) =>
      request<Page<Certificate>>(
        'GET',
        `/institutions/${at(institutionId)}/certificates`,
        { query: { ...query, status } },
        options,
      ),
    ),
  certificate: (certificateId: string) => request<Certificate>('GET', `/certificates/${at(certificateId)}`),
  addEvidence: (certificateId: string, body: AddEvidenceBody) =>
    request<Certificate>('POST', `/certificates/${at(certificateId)}/evidence`, { body }),
  reviewCertificate: (certificateId: string, body: CertificateDecisionBody) =>
    request<Certificate>('POST', `/certificates/${at(certificateId)}/decisions`, { body }),

  /** Imports rows for an institution (an issuer key's own by default). */
  importRecords: (rows: ImportRow[], institutionId?: string) =>
    request<ImportJob>('POST', '/imports', { body: { rows }, query: { institutionId } }),
  import: (importId: string) => request<ImportJob>('GET', `/imports/${at(importId)}`),
  importRows: (importId: string, status?: Static<typeof ImportRowResult>['status']) =>
    request.paginate((query, options) =>
      request<Page<Static<typeof ImportRowResult>>>(
        'GET',
        `/imports/${at(importId)}/rows`,
        { query: { ...query, status } },
        options,
      ),
    ),

  transcript: (learnerNumber: string) => request<Transcript>('GET', `/people/${at(learnerNumber)}/transcript`),
  shareTranscript: (body: CreateShareBody) =>
    request<Static<typeof CreatedShare>>('POST', '/transcript/shares', { body }),
  transcriptShares: () => request<{ items: Static<typeof TranscriptShare>[] }>('GET', '/transcript/shares'),
  revokeTranscriptShare: (shareId: string) => request<void>('DELETE', `/transcript/shares/${at(shareId)}`),
  sharedTranscript: (token: string) => request<Transcript>('GET', `/shared-transcripts/${at(token)}`),
}));
