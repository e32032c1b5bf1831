import { Type } from '@sinclair/typebox';

/** Per-region configuration of the providers feature (defaults apply when a region sets nothing). */
export const ProvidersConfig = Type.Object({}, { default: {} });
