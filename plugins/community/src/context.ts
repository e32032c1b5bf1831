import type { PluginContext, PluginRequestContext } from '@lifelong/core';
import type { CommunityConfig } from './config.js';
import { PeopleOnly } from './errors.js';

/** A route handler's context, typed with the plugin's config. */
export type Ctx = PluginRequestContext<typeof CommunityConfig>;
/** A job's or service's context (no request, no principal). */
export type JobCtx = PluginContext<typeof CommunityConfig>;

/** The signed-in person's id: people post, flag, moderate and ask; API keys get 403. */
export const personOf = (ctx: Ctx): string => ctx.requirePerson(() => PeopleOnly());

/** Rows become JSON: timestamps as RFC 3339 strings, null stays null. */
export const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
export const idKey = (row: { id: string }) => ({ id: row.id });
