import { Type } from '@sinclair/typebox';

/** Per-region configuration of the pricing feature (defaults apply when a region sets nothing). */
export const PricingConfig = Type.Object({}, { default: {} });
