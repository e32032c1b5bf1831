import type { PluginContext, PluginRequestContext } from '@lifelong/core';
import type { QualityControlConfig } from './config.js';

/** A route handler's context, typed with the plugin's config. */
export type Ctx = PluginRequestContext<typeof QualityControlConfig>;
/** A job's, event handler's or service's context (no request, no principal). */
export type JobCtx = PluginContext<typeof QualityControlConfig>;

/** The signed-in person's id, or null for an API key. */
export const personIdOf = (ctx: Ctx): string | null => (ctx.principal.kind === 'person' ? ctx.principal.id : null);
