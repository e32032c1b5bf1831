import { Type } from '@sinclair/typebox';

/** The hard ceiling of the evidence upload route; a region's `maxEvidenceBytes` may only lower it. */
export const EVIDENCE_CEILING_BYTES = 20_000_000;

/** Per-region configuration of recognition (defaults apply when a region sets nothing). */
export const RecognitionConfig = Type.Object(
  {
    maxEvidenceBytes: Type.Integer({
      minimum: 1,
      maximum: EVIDENCE_CEILING_BYTES,
      default: 5_000_000,
      description: 'Largest evidence file accepted (bytes).',
    }),
    personQuotaBytes: Type.Integer({
      minimum: 0,
      default: 200_000_000,
      description:
        'Most bytes of evidence one person may keep (every file they uploaded and still hold, attached or not).',
    }),
    unattachedEvidenceHours: Type.Integer({
      minimum: 1,
      maximum: 24 * 365,
      default: 24 * 7,
      description: 'Evidence no certificate cites is removed this many hours after its upload.',
    }),
  },
  { default: {} },
);
