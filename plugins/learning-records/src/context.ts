import type { PluginRequestContext } from '@lifelong/core';
import type { LearningRecordsConfig } from './config.js';

/** A route handler's context, typed with the plugin's config. */
export type Ctx = PluginRequestContext<typeof LearningRecordsConfig>;

/** Rows become JSON: timestamps as RFC 3339 strings, null stays null. */
export const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
