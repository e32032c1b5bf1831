import { type Static, Type } from '@sinclair/typebox';
import { Code, Indicator, IndicatorDefinition } from '../shared/common-schemas.js';

export const IndicatorList = Type.Object({ items: Type.Array(Indicator) });
export const CreateIndicatorBody = IndicatorDefinition;
export const IndicatorParams = Type.Object({ code: Code });
export const IndicatorVersions = Type.Object({ items: Type.Array(Indicator) });

export const PackParams = Type.Object({
  packId: Type.String({ minLength: 1, maxLength: 40, pattern: '^[a-z][a-z-]*$' }),
});
export const AdoptPackBody = Type.Object({ adopted: Type.Boolean() }, { additionalProperties: false });
export const PackView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  version: Type.Integer(),
  adopted: Type.Boolean(),
  indicators: Type.Array(Indicator),
});
export type PackView = Static<typeof PackView>;
export const PackList = Type.Object({ items: Type.Array(PackView) });
