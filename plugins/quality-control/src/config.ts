import type { PluginRegistrar } from '@lifelong/core';
import { Type } from '@sinclair/typebox';

/** The quality control plugin's configuration per region. */
export const QualityControlConfig = Type.Object({
  maxSeriesPeriods: Type.Integer({
    minimum: 1,
    maximum: 240,
    default: 120,
    description: 'The most periods one series (or chart) covers.',
  }),
  maxUploadRows: Type.Integer({ minimum: 1, maximum: 100_000, default: 10_000 }),
});

export type QualityControlRegistrar = PluginRegistrar<typeof QualityControlConfig>;
