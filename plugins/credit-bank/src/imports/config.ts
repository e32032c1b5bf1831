import { Type } from '@sinclair/typebox';

/** Per-region configuration of bulk imports (defaults apply when a region sets nothing). */
export const ImportsConfig = Type.Object(
  {
    inlineRows: Type.Integer({
      minimum: 0,
      maximum: 10_000,
      default: 1000,
      description:
        'Imports of at most this many rows are processed within the request (201); larger ones by the imports job (202).',
    }),
    chunkRows: Type.Integer({
      minimum: 100,
      maximum: 10_000,
      default: 2500,
      description: 'Rows the imports job processes per run (one transaction each; progress shows between runs).',
    }),
  },
  { default: {} },
);
