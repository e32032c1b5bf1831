import { Type } from '@sinclair/typebox';

/** Per-region configuration of the family feature (defaults apply when a region sets nothing). */
export const FamilyConfig = Type.Object(
  {
    conversion: Type.Object(
      {
        points: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
        vouchers: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 1 }),
      },
      {
        default: {},
        description: 'The rate: `points` POINTs become `vouchers` VOUCHERs. Only exact conversions are accepted.',
      },
    ),
    annualCapPoints: Type.Integer({
      minimum: 0,
      maximum: 1_000_000_000_000,
      default: 1000,
      description: 'POINTs one person may convert for family members per calendar year (UTC).',
    }),
  },
  { default: {} },
);
