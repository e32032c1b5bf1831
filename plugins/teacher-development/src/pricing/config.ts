import { Type } from '@sinclair/typebox';

export const Tier = Type.Object(
  {
    minUsers: Type.Integer({ minimum: 0, description: 'The tier applies from this many enrolled users.' }),
    price: Type.Integer({ minimum: 0, description: "Price in the asset's minor units (POINTs, or fen for CNY)." }),
  },
  { additionalProperties: false },
);

/**
 * Per-region pricing. A published course is free for `freeDays` days; then its price is the tier
 * price for its number of users, raised by the activity of its learners once it has learning records:
 * `price = round(tierPrice × (1 + activityFactorBps/10000 × activeLearners/users))`, half up.
 */
export const PricingConfig = Type.Object(
  {
    freeDays: Type.Integer({ minimum: 0, maximum: 365, default: 7 }),
    asset: Type.Union([Type.Literal('POINT'), Type.Literal('CNY')], { default: 'POINT' }),
    tiers: Type.Array(Tier, {
      minItems: 1,
      maxItems: 50,
      default: [
        { minUsers: 0, price: 50 },
        { minUsers: 100, price: 80 },
        { minUsers: 1000, price: 120 },
      ],
      description: 'The highest tier whose minUsers ≤ users applies; with no such tier the course is free.',
    }),
    activityFactorBps: Type.Integer({
      minimum: 0,
      maximum: 100_000,
      default: 5000,
      description: 'How much a fully active audience raises the tier price, in basis points (5000 = +50%).',
    }),
    activeWindowDays: Type.Integer({
      minimum: 1,
      maximum: 365,
      default: 14,
      description: 'A learner is active with lesson activity in this many days before the computation.',
    }),
    acceptVouchers: Type.Boolean({
      default: false,
      description:
        "Whether family learning VOUCHERs (credit bank) pay for courses priced in POINT, one VOUCHER per POINT: a learner whose vouchers cover the whole price pays with them, otherwise from their wallet; the shares are then paid in VOUCHER. Off by default, because it lets a family's gifts become teachers' revenue, which a region decides.",
    }),
    revenueShare: Type.Object(
      {
        teacherBps: Type.Integer({ minimum: 0, maximum: 10_000, default: 7000 }),
        institutionBps: Type.Integer({ minimum: 0, maximum: 10_000, default: 2000 }),
      },
      {
        default: {},
        description:
          'Teacher and institution shares in basis points (sum ≤ 10000), each rounded down; the platform gets the rest.',
      },
    ),
  },
  { default: {} },
);
