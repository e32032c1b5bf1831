import type { PluginContext, PluginRequestContext } from '@lifelong/core';
import type { AssessmentsConfig } from './config.js';
import { PeopleOnly } from './errors.js';

/** A route handler's context, typed with the plugin's config. */
export type Ctx = PluginRequestContext<typeof AssessmentsConfig>;
/** A job's or service's context (no request, no principal). */
export type JobCtx = PluginContext<typeof AssessmentsConfig>;

/** The signed-in person's id: banks are owned by, and attempts taken by, people only. */
export function personOf(ctx: Ctx): string {
  if (ctx.principal.kind !== 'person') throw PeopleOnly();
  return ctx.principal.id;
}

/** Rows become JSON: timestamps as RFC 3339 strings, null stays null. */
export const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
export const idKey = (row: { id: string }) => ({ id: row.id });
