import type { PluginContext, PluginRequestContext, Queryable } from '@lifelong/core';
import type { TObject } from '@sinclair/typebox';
import { and, eq } from 'drizzle-orm';
import type { Indicator } from './common-schemas.js';
import { scopes } from './schema.js';

/** A scope resolved in its region: where it sits (its chain up to the region) and whose it is. */
export interface ResolvedScope {
  scopeType: string;
  scopeId: string;
  regionId: string;
  institutionId: string | null;
  name: string;
  /** The scope itself, then each parent up to the region: data recorded here counts in each. */
  chain: { scopeType: string; scopeId: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The scope of `regionId` named by type and id, or null: the region itself, an institution of the
 * region (known to the core), or a programme, course or teacher registered here under one.
 */
export async function resolveScope(
  ctx: PluginContext<TObject>,
  regionId: string,
  scopeType: string,
  scopeId: string,
): Promise<ResolvedScope | null> {
  const region = { scopeType: 'region', scopeId: regionId };
  if (scopeType === 'region') {
    return scopeId === regionId
      ? { scopeType, scopeId, regionId, institutionId: null, name: regionId, chain: [region] }
      : null;
  }
  if (scopeType === 'institution') {
    if (!UUID.test(scopeId)) return null;
    const institution = await ctx.identity.institution(scopeId);
    if (!institution || institution.regionId !== regionId) return null;
    return {
      scopeType,
      scopeId,
      regionId,
      institutionId: institution.id,
      name: institution.name,
      chain: [{ scopeType, scopeId }, region],
    };
  }
  const row = await registeredScope(ctx.db, scopeType, scopeId);
  if (!row || row.regionId !== regionId) return null;
  const chain = [{ scopeType, scopeId }];
  let parent = { scopeType: row.parentType, scopeId: row.parentId };
  for (let depth = 0; depth < 8 && parent.scopeType !== 'region'; depth++) {
    chain.push(parent);
    if (parent.scopeType === 'institution') {
      parent = region;
      break;
    }
    const up = await registeredScope(ctx.db, parent.scopeType, parent.scopeId);
    if (!up) break;
    parent = { scopeType: up.parentType, scopeId: up.parentId };
  }
  chain.push(region);
  return { scopeType, scopeId, regionId, institutionId: row.institutionId, name: row.name, chain };
}

export async function registeredScope(db: Queryable, scopeType: string, scopeId: string) {
  const [row] = await db
    .select()
    .from(scopes)
    .where(and(eq(scopes.scopeType, scopeType), eq(scopes.scopeId, scopeId)));
  return row ?? null;
}

const targetOf = (scope: ResolvedScope) => ({
  regionId: scope.regionId,
  ...(scope.institutionId ? { institutionId: scope.institutionId } : {}),
});

/**
 * May the caller manage the scope (record data, set targets, handle alerts and actions)?
 * `quality-control.manage` in the scope's region or institution.
 */
export const mayManage = (ctx: PluginRequestContext<TObject>, scope: ResolvedScope): boolean =>
  ctx.can('manage', targetOf(scope));

/**
 * May the caller read the scope's figures for this indicator? Staff with `quality-control.read`
 * (or `manage`) in the scope's region or institution; a teacher their own teacher scope; and any
 * signed-in person a `public` indicator's anonymous aggregates for a region or an institution.
 */
export function mayRead(ctx: PluginRequestContext<TObject>, scope: ResolvedScope, indicator?: Indicator): boolean {
  if (mayManage(ctx, scope) || ctx.can('read', targetOf(scope))) return true;
  if (ctx.principal.kind === 'person' && scope.scopeType === 'teacher' && scope.scopeId === ctx.principal.id) {
    return true;
  }
  return (
    indicator?.audience === 'public' &&
    ctx.principal.kind !== 'anonymous' &&
    (scope.scopeType === 'region' || scope.scopeType === 'institution')
  );
}
