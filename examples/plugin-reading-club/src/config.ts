import type { PluginRegistrar, PluginRequestContext } from '@lifelong/core';
import { Type } from '@sinclair/typebox';

/** The plugin's configuration, per region (validated at boot and on every change). */
export const ReadingClubConfig = Type.Object({
  pointsPerBook: Type.Integer({ minimum: 0, default: 10, description: 'Points for each finished book.' }),
  maxClubSize: Type.Integer({ minimum: 2, default: 30, description: 'Most members a club may have.' }),
});

export type ReadingClubRegistrar = PluginRegistrar<typeof ReadingClubConfig>;
/** A handler's context, typed with the plugin's config. */
export type Ctx = PluginRequestContext<typeof ReadingClubConfig>;
