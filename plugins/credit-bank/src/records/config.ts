import { Type } from '@sinclair/typebox';

/** Per-region configuration of the records feature (defaults apply when a region sets nothing). */
export const RecordsConfig = Type.Object({}, { default: {} });
