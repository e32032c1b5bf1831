import { type Static, Type } from '@sinclair/typebox';

const Multiplier = Type.Number({ minimum: 0, maximum: 10 });

/**
 * The region's credit rules. Credits are CREDIT minor units (scale 1: 10 units = 1 credit):
 * `floor(workloadHours / hoursPerCredit × 10 × level × assessment × score band)`, then capped.
 */
export const RecordsConfig = Type.Object(
  {
    hoursPerCredit: Type.Number({
      exclusiveMinimum: 0,
      maximum: 1000,
      default: 25,
      description: 'Hours of notional workload that earn one credit (ECTS: 25–30).',
    }),
    levelMultipliers: Type.Record(Type.String(), Multiplier, {
      default: {},
      description: 'Multiplier by level ("none", "1"–"8"); a level not listed counts 1.',
    }),
    assessmentMultipliers: Type.Record(Type.String(), Multiplier, {
      default: {},
      description: 'Multiplier by assessment type ("none", "exam", …); a type not listed counts 1.',
    }),
    scoreBands: Type.Array(
      Type.Object({ minScore: Type.Number({ minimum: 0, maximum: 100 }), multiplier: Multiplier }),
      {
        default: [],
        maxItems: 20,
        description:
          'For scored assessments: the band with the highest minScore not above the score applies; a score below every band earns nothing. Empty: scores do not matter.',
      },
    ),
    capPerYear: Type.Optional(
      Type.Number({ minimum: 0, description: 'Most credits one person may earn per calendar year (absent: no cap).' }),
    ),
    capPerTerm: Type.Optional(
      Type.Number({ minimum: 0, description: 'Most credits one person may earn per term (absent: no cap).' }),
    ),
    termStartMonths: Type.Array(Type.Integer({ minimum: 1, maximum: 12 }), {
      default: [2, 9],
      minItems: 1,
      maxItems: 12,
      uniqueItems: true,
      description:
        'Months (1–12) in which terms start; a term runs until the next start (spring and autumn by default).',
    }),
    pointsPerCredit: Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      default: 10,
      description: 'POINTs minted into the wallet per whole credit awarded (fractions round down).',
    }),
  },
  { default: {} },
);
export type RecordsConfig = Static<typeof RecordsConfig>;
