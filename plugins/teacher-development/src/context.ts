import type { PluginContext, PluginRequestContext } from '@lifelong/core';
import type { TeacherDevelopmentConfig } from './config.js';

/** A route handler's context, typed with the center's config. */
export type Ctx = PluginRequestContext<typeof TeacherDevelopmentConfig>;
/** A job's or service's context (no request, no principal). */
export type JobCtx = PluginContext<typeof TeacherDevelopmentConfig>;

export const isPerson = (ctx: Ctx) => ctx.principal.kind === 'person';

/** Rows become JSON: timestamps as RFC 3339 strings, null stays null. */
export const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
