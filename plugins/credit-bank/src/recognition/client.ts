import type { PluginRequest } from '@lifelong/sdk';
import type { Static } from '@sinclair/typebox';
import type {
  AddEvidenceBody,
  Certificate,
  CertificateDecisionBody,
  CertificateStatus,
  SubmitCertificateBody,
} from './schemas.js';

type Page<T> = { items: T[]; nextCursor: string | null };
type Status = Static<typeof CertificateStatus>;
const at = (id: string) => encodeURIComponent(id);

/**
 * SDK methods of recognition (see ../client.ts). Evidence files are raw uploads: send them to
 * `POST /v1/credit-bank/evidence` with `fetch` and the file's `Content-Type`.
 */
export const recognitionApi = (request: PluginRequest) => ({
  submitCertificate: (body: SubmitCertificateBody) =>
    request<Certificate>('POST', '/certificates', { body, retry: 'create' }),
  certificates: (status?: Status) =>
    request.paginate((query, options) =>
      request<Page<Certificate>>('GET', '/certificates', { query: { ...query, status } }, options),
    ),
  institutionCertificates: (institutionId: string, status?: Status) =>
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
});
