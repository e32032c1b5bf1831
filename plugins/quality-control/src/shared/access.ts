import type { Ctx } from '../context.js';
import { IndicatorNotFound, ScopeNotFound } from '../errors.js';
import type { Indicator } from './common-schemas.js';
import { indicatorOf } from './library.js';
import { mayManage, mayRead, type ResolvedScope, resolveScope } from './scopes.js';

const notFound = (scopeType: string, scopeId: string) =>
  ScopeNotFound({ detail: `No ${scopeType} "${scopeId}" you may see in this region.` });

/** The scope, if the caller may manage it; else the same 404 as an unknown scope. */
export async function managedScope(ctx: Ctx, scopeType: string, scopeId: string): Promise<ResolvedScope> {
  const scope = await resolveScope(ctx, ctx.regionId, scopeType, scopeId);
  if (!scope || !mayManage(ctx, scope)) throw notFound(scopeType, scopeId);
  return scope;
}

/** The scope, if the caller may read it (for this indicator); else the same 404 as an unknown scope. */
export async function readableScope(
  ctx: Ctx,
  scopeType: string,
  scopeId: string,
  indicator?: Indicator,
): Promise<ResolvedScope> {
  const scope = await resolveScope(ctx, ctx.regionId, scopeType, scopeId);
  if (!scope || !mayRead(ctx, scope, indicator)) throw notFound(scopeType, scopeId);
  return scope;
}

/** An indicator of the request region's library, or 404. */
export async function libraryIndicator(ctx: Ctx, code: string): Promise<Indicator> {
  const indicator = await indicatorOf(ctx.db, ctx.regionId, code);
  if (!indicator) throw IndicatorNotFound({ detail: `No indicator "${code}" in region "${ctx.regionId}".` });
  return indicator;
}
