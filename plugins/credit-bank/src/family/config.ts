import { Type } from '@sinclair/typebox';

/** Per-region configuration of the family feature (defaults apply when a region sets nothing). */
export const FamilyConfig = Type.Object({}, { default: {} });
