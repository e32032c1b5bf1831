import type { PluginRequestContext, Queryable } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import type { RedemptionRow, ResourceRow } from '../shared/exchange/resources.js';
import { type exchangeRedemptions, exchangeResources, LEARNING_KINDS } from '../shared/exchange/schema.js';
import type { Redemption, Resource } from './schemas.js';

export type { RedemptionRow, ResourceRow };

export const resourceView = (row: ResourceRow): Resource => ({
  id: row.id,
  regionId: row.regionId,
  kind: row.kind,
  title: row.title,
  description: row.description,
  price: String(row.price),
  stock: row.stock,
  offeredBy: { type: row.offeredByType, id: row.offeredById },
  status: row.status,
  acceptsVouchers: LEARNING_KINDS.includes(row.kind),
  createdAt: row.createdAt.toISOString(),
});

export const redemptionView = (row: RedemptionRow): Redemption => ({
  id: row.id,
  resourceId: row.resourceId,
  regionId: row.regionId,
  personId: row.personId,
  payer: { type: row.payerType, id: row.payerId },
  asset: row.asset,
  amount: String(row.amount),
  status: row.status,
  expiresAt: row.expiresAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
  resolvedAt: row.resolvedAt?.toISOString() ?? null,
});

/**
 * Whether the caller acts for the resource's provider: `permission` in the offering institution's
 * scope (its issuer key, its staff), or in the resource's region (the region's admins).
 */
export function actsForProvider(
  ctx: PluginRequestContext,
  resource: Pick<ResourceRow, 'offeredByType' | 'offeredById' | 'regionId'>,
  permission: 'exchange.manage' | 'exchange.deliver',
): boolean {
  if (ctx.can(permission, { regionId: resource.regionId })) return true;
  return resource.offeredByType === 'institution' && ctx.can(permission, { institutionId: resource.offeredById });
}
