import { Type } from '@sinclair/typebox';

/** Per-region configuration of the exchange feature (defaults apply when a region sets nothing). */
export const ExchangeConfig = Type.Object(
  {
    holdHours: Type.Integer({
      minimum: 1,
      maximum: 720,
      default: 72,
      description: 'Hours a redemption holds the points before `expire-redemptions` voids it and restocks.',
    }),
    minorSpendingApprovalAbove: Type.Optional(
      Type.Integer({
        minimum: 0,
        description:
          "A minor's redemption priced above this many points (or vouchers) waits for a guardian's approval " +
          '(`pending-approval`); absent: minors redeem like adults. 0: every redemption by a minor needs approval.',
      }),
    ),
  },
  { default: {} },
);
