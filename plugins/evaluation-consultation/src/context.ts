import type { PluginContext, PluginRequestContext } from '@lifelong/core';
import type { EvaluationConfig } from './config.js';
import { PeopleOnly } from './errors.js';

/** A route handler's context, typed with the plugin's config. */
export type Ctx = PluginRequestContext<typeof EvaluationConfig>;
/** A job's or service's context (no request, no principal). */
export type JobCtx = PluginContext<typeof EvaluationConfig>;

/** The signed-in person's id: every write of an engagement is some person's act. */
export const personOf = (ctx: Ctx): string => ctx.requirePerson(() => PeopleOnly());

/** Rows become JSON: timestamps as RFC 3339 strings, null stays null. */
export const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
