import {
  Forbidden,
  type PluginContext,
  type PluginRequestContext,
  type Principal,
  uuidv7,
  ValidationFailed,
} from '@lifelong/core';
import type { Static } from '@sinclair/typebox';
import { TransferCodes } from '../codes.js';
import type { CreditBankConfig } from '../config.js';
import { exchangeAccountOf, pointWalletOf, voucherAccountOf } from '../shared/accounts.js';
import { redeem } from '../shared/exchange/redeem.js';
import { findResource } from '../shared/exchange/resources.js';
import { isManagingRole } from '../shared/group-roles.js';
import { requireApplied } from '../shared/ledger-outcome.js';
import { personOf } from '../shared/person.js';
import { RedemptionNotFound, RedemptionNotHeld } from './errors.js';
import type { CreateResourceBody, Redemption, Resource, UpdateResourceBody } from './schemas.js';
import {
  activeResourcesPage,
  insertResource,
  lockDueRedemptions,
  lockRedemption,
  markResolved,
  type RedemptionRow,
  type ResourceRow,
  redemptionsPage,
  redemptionView,
  resourceView,
  restockResource,
  returnToStock,
} from './store.js';

// The exchange's rules, in the request's transaction: who offers, restocks and delivers resources,
// who may cancel a redemption, and how a held redemption ends.

type Ctx = PluginRequestContext<typeof CreditBankConfig>;
type Page<T> = { items: T[]; nextCursor: string | null };

/** Held redemptions voided per run of `expire-redemptions`; the next run takes the rest. */
const EXPIRY_BATCH = 500;

const actorId = (principal: Principal): string => (principal.kind === 'anonymous' ? 'anonymous' : principal.id);

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

/** Offers a resource for an institution of the region (`institutionId`) or for the region itself. */
export async function offerResource(ctx: Ctx, body: CreateResourceBody): Promise<Resource> {
  let provider: { type: 'institution' | 'region'; id: string } = { type: 'region', id: ctx.regionId };
  if (body.institutionId) {
    const institution = await ctx.identity.institution(body.institutionId);
    if (!institution || institution.regionId !== ctx.regionId) {
      throw ValidationFailed({
        errors: [{ path: '/body/institutionId', rule: 'exists', message: 'No such institution in this region' }],
      });
    }
    provider = { type: 'institution', id: institution.id };
  }
  if (
    !actsForProvider(
      ctx,
      { offeredByType: provider.type, offeredById: provider.id, regionId: ctx.regionId },
      'exchange.manage',
    )
  ) {
    throw Forbidden({
      detail: 'This requires "credit-bank.exchange.manage" for the offering institution or region.',
    });
  }
  // Opened now so that the first redemptions do not race to open it.
  await exchangeAccountOf(ctx, provider, 'POINT');
  const row = await insertResource(ctx.db, {
    id: uuidv7(),
    regionId: ctx.regionId,
    kind: body.kind,
    title: body.title,
    description: body.description ?? '',
    price: BigInt(body.price),
    stock: body.stock,
    offeredByType: provider.type,
    offeredById: provider.id,
    createdBy: actorId(ctx.principal),
    createdAt: ctx.now(),
  });
  return resourceView(row);
}

export const listResources = (ctx: Ctx, query: Parameters<typeof activeResourcesPage>[2]): Promise<Page<Resource>> =>
  activeResourcesPage(ctx.db, ctx.regionId, query);

export const getResource = async (ctx: Ctx, resourceId: string): Promise<Resource> =>
  resourceView(await findResource(ctx.db, resourceId, ctx.regionId));

/** The provider restocks (or, with a negative `restock`, takes units out) and withdraws or reactivates. */
export async function updateResource(
  ctx: Ctx,
  resourceId: string,
  body: Static<typeof UpdateResourceBody>,
): Promise<Resource> {
  const resource = await findResource(ctx.db, resourceId, ctx.regionId);
  if (!actsForProvider(ctx, resource, 'exchange.manage')) throw Forbidden();
  const row = await restockResource(ctx.db, resource.id, body.restock ?? 0, body.status);
  if (!row) {
    throw ValidationFailed({
      errors: [{ path: '/body/restock', rule: 'minimum', message: 'Would take the stock below zero' }],
    });
  }
  return resourceView(row);
}

/** The signed-in person redeems one unit, paying from their points or (learning only) vouchers. */
export async function redeemForPerson(
  ctx: Ctx,
  resourceId: string,
  payWith: 'points' | 'vouchers' | undefined,
): Promise<Redemption> {
  const personId = personOf(ctx);
  const resource = await findResource(ctx.db, resourceId, ctx.regionId);
  const vouchers = payWith === 'vouchers';
  const row = await redeem(ctx, {
    resource,
    personId,
    holdHours: ctx.config.exchange.holdHours,
    payer: {
      type: 'person',
      id: personId,
      asset: vouchers ? 'VOUCHER' : 'POINT',
      accountId: vouchers ? await voucherAccountOf(ctx, personId) : await pointWalletOf(ctx, personId),
    },
  });
  return redemptionView(row);
}

/** A resource's redemptions, for its provider (to deliver them). */
export async function resourceRedemptions(
  ctx: Ctx,
  resourceId: string,
  query: Parameters<typeof redemptionsPage>[2],
): Promise<Page<Redemption>> {
  const resource = await findResource(ctx.db, resourceId, ctx.regionId);
  if (!actsForProvider(ctx, resource, 'exchange.deliver')) throw Forbidden();
  return redemptionsPage(ctx.db, { resourceId: resource.id }, query);
}

/** The signed-in person's own redemptions (not those paid by their groups' pools). */
export const myRedemptions = (ctx: Ctx, query: Parameters<typeof redemptionsPage>[2]): Promise<Page<Redemption>> =>
  redemptionsPage(ctx.db, { personId: personOf(ctx) }, query);

/** The provider delivers: the held price goes to them. */
export async function deliver(ctx: Ctx, redemptionId: string): Promise<Redemption> {
  const row = await lockedRedemption(ctx, redemptionId);
  const resource = await findResource(ctx.db, row.resourceId, row.regionId);
  if (!actsForProvider(ctx, resource, 'exchange.deliver')) throw Forbidden();
  return redemptionView(await resolveRedemption(ctx, row, 'delivered', actorId(ctx.principal)));
}

/** The payer, a managing member of the paying group, or the provider cancels: the hold is released. */
export async function cancel(ctx: Ctx, redemptionId: string): Promise<Redemption> {
  const row = await lockedRedemption(ctx, redemptionId);
  const resource = await findResource(ctx.db, row.resourceId, row.regionId);
  if (!(await mayCancel(ctx, row)) && !actsForProvider(ctx, resource, 'exchange.deliver')) throw Forbidden();
  return redemptionView(await resolveRedemption(ctx, row, 'cancelled', actorId(ctx.principal)));
}

/** The `expire-redemptions` job: voids held redemptions past their expiry and restocks. */
export async function expireDueRedemptions(ctx: PluginContext): Promise<number> {
  const due = await lockDueRedemptions(ctx.db, ctx.now(), EXPIRY_BATCH);
  for (const row of due) await resolveRedemption(ctx, row, 'expired', 'expire-redemptions');
  return due.length;
}

async function lockedRedemption(ctx: Ctx, id: string): Promise<RedemptionRow> {
  const row = await lockRedemption(ctx.db, id, ctx.regionId);
  if (!row) throw RedemptionNotFound();
  return row;
}

/** The payer cancels their own; for a pool spend, any managing member of the group. */
async function mayCancel(ctx: Ctx, row: RedemptionRow): Promise<boolean> {
  if (ctx.principal.kind !== 'person') return false;
  if (row.payerType === 'person') return row.payerId === ctx.principal.id;
  const group = await ctx.identity.group(row.payerId);
  return group !== null && isManagingRole(group.type, await ctx.identity.groupRole(group.id, ctx.principal.id));
}

export type Resolution = 'delivered' | 'cancelled' | 'expired';

/**
 * Ends a held redemption exactly once: delivery posts the hold (the provider is paid), cancellation
 * and expiry void it (the payer gets it back) and return the unit to stock. The caller has locked
 * the row (`FOR UPDATE`), so a concurrent second resolution sees the new status and gets 409.
 */
async function resolveRedemption(
  ctx: PluginContext,
  row: RedemptionRow,
  resolution: Resolution,
  resolvedBy: string,
): Promise<RedemptionRow> {
  if (row.status !== 'held') throw RedemptionNotHeld({ extensions: { status: row.status } });
  const resolveTransferId = uuidv7();
  requireApplied(
    await ctx.ledger.transfer([
      resolution === 'delivered'
        ? {
            id: resolveTransferId,
            pendingId: row.holdTransferId,
            flags: { postPending: true },
            code: TransferCodes.redemptionDelivered,
          }
        : {
            id: resolveTransferId,
            pendingId: row.holdTransferId,
            flags: { voidPending: true },
            code: TransferCodes.redemptionReleased,
          },
    ]),
    resolution === 'delivered' ? 'Paying the provider' : 'Releasing the hold',
  );
  if (resolution !== 'delivered') await returnToStock(ctx.db, row.resourceId);
  return markResolved(ctx.db, row.id, { status: resolution, resolveTransferId, resolvedAt: ctx.now(), resolvedBy });
}
