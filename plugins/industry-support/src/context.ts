import type { PluginContext, PluginRequestContext } from '@lifelong/core';
import type { IndustrySupportConfig } from './config.js';

/** A route handler's context, typed with the plugin's config. */
export type Ctx = PluginRequestContext<typeof IndustrySupportConfig>;
/** A job's or service's context (no request, no principal). */
export type JobCtx = PluginContext<typeof IndustrySupportConfig>;

export const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
export const idKey = (row: { id: string }) => ({ id: row.id });
