import { defineError } from '@lifelong/core/contract';

/** 413: the person's evidence files would exceed their region's `recognition.personQuotaBytes`. */
export const EvidenceQuotaExceeded = defineError(
  'CREDIT_BANK_EVIDENCE_PERSON_QUOTA_EXCEEDED',
  413,
  "The file would exceed the person's evidence quota",
);
