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
  },
  { default: {} },
);
