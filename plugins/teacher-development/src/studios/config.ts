import { Type } from '@sinclair/typebox';

/** Per-region configuration of the studios feature (defaults apply when a region sets nothing). */
export const StudiosConfig = Type.Object({}, { default: {} });
