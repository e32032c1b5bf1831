import type { PluginRequestContext } from '@lifelong/core';
import { PeopleOnly } from './errors.js';

/** The signed-in person's id; API keys act for institutions, never as a wallet holder. */
export function personOf(ctx: PluginRequestContext): string {
  if (ctx.principal.kind !== 'person') throw PeopleOnly();
  return ctx.principal.id;
}
