import { Type } from '@sinclair/typebox';

/** Per-region configuration of the exchange feature (defaults apply when a region sets nothing). */
export const ExchangeConfig = Type.Object({}, { default: {} });
