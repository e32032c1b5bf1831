import { Type } from '@sinclair/typebox';

/** Per-region configuration of the pools feature (defaults apply when a region sets nothing). */
export const PoolsConfig = Type.Object({}, { default: {} });
