import { Type } from '@sinclair/typebox';

/**
 * Per-region configuration of textbooks. On each reported sale the bookseller pays the teacher's
 * royalty and the publisher's share of the gross (copies × price), each rounded down; it keeps the rest.
 */
export const TextbooksConfig = Type.Object(
  {
    asset: Type.Union([Type.Literal('CNY'), Type.Literal('POINT')], { default: 'CNY' }),
    royaltyBps: Type.Integer({ minimum: 0, maximum: 10_000, default: 1000, description: "The teacher's royalty." }),
    publisherBps: Type.Integer({ minimum: 0, maximum: 10_000, default: 3000, description: "The publisher's share." }),
  },
  { default: {} },
);
