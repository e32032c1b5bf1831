import {
  Forbidden,
  failedTransfer,
  type PluginContext,
  type PluginRequestContext,
  type Principal,
  uuidv7,
  ValidationFailed,
} from '@lifelong/core';
import type { Static } from '@sinclair/typebox';
import { TransferCodes } from '../codes.js';
import type { CreditBankConfig } from '../config.js';
import { RedemptionApprovalDecided, RedemptionApprovalRequested } from '../events.js';
import { exchangeAccountOf, pointWalletOf, voucherAccountOf } from '../shared/accounts.js';
import { PeopleOnly } from '../shared/errors.js';
import { redeem } from '../shared/exchange/redeem.js';
import { findResource } from '../shared/exchange/resources.js';
import { isManagingRole } from '../shared/group-roles.js';
import { ledgerErrors, ledgerRefused } from '../shared/ledger-outcome.js';
import { markSpendRefunded } from '../shared/pools/store.js';
import { RedemptionNotAwaitingApproval, RedemptionNotFound, RedemptionNotHeld } from './errors.js';
import type { CreateResourceBody, Redemption, Resource, UpdateResourceBody } from './schemas.js';
import {
  activeResourcesPage,
  insertResource,
  lockDueRedemptions,
  lockRedemption,
  markApproval,
  markResolved,
  type RedemptionRow,
  type ResourceRow,
  recordExpiryFailure,
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
/** A redemption whose expiry failed is tried again no sooner than this. */
const EXPIRY_RETRY_MS = 3_600_000;
/** Ledger answers to a void meaning the hold is already gone: the payer has the price back. */
const HOLD_GONE = new Set(['pendingTransferAlreadyVoided', 'pendingTransferExpired']);

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
  const personId = ctx.requirePerson(PeopleOnly);
  const resource = await findResource(ctx.db, resourceId, ctx.regionId);
  const vouchers = payWith === 'vouchers';
  const needsApproval = await needsGuardianApproval(ctx, personId, resource.price);
  const row = await redeem(ctx, {
    resource,
    personId,
    needsApproval,
    holdHours: ctx.config.exchange.holdHours,
    payer: {
      type: 'person',
      id: personId,
      asset: vouchers ? 'VOUCHER' : 'POINT',
      accountId: vouchers ? await voucherAccountOf(ctx, personId) : await pointWalletOf(ctx, personId),
    },
  });
  if (needsApproval) {
    await ctx.emit(
      RedemptionApprovalRequested,
      {
        redemptionId: row.id,
        resourceId: row.resourceId,
        personId,
        regionId: row.regionId,
        guardianIds: await ctx.identity.guardiansOf(personId),
        points: String(row.amount),
      },
      { key: personId, regionId: row.regionId },
    );
  }
  return redemptionView(row);
}

/**
 * Whether a redemption at `price` by this person waits for a guardian: the person is a minor and
 * the region sets `exchange.minorSpendingApprovalAbove` below the price.
 */
async function needsGuardianApproval(ctx: Ctx, personId: string, price: bigint): Promise<boolean> {
  const above = ctx.config.exchange.minorSpendingApprovalAbove;
  if (above === undefined || price <= BigInt(above)) return false;
  return (await ctx.identity.personById(personId))?.isMinor === true;
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
  redemptionsPage(ctx.db, { personId: ctx.requirePerson(PeopleOnly) }, query);

/**
 * A person's own redemptions, for them and for their guardian while they are a minor (to find
 * those awaiting approval). Anyone else, and everyone for an unknown learner number, gets the same
 * 403 (no existence oracle).
 */
export async function personRedemptions(
  ctx: Ctx,
  learnerNumber: string,
  query: Parameters<typeof redemptionsPage>[2],
): Promise<Page<Redemption>> {
  const callerId = ctx.requirePerson(PeopleOnly);
  const person = await ctx.identity.person(learnerNumber);
  if (!person || (person.id !== callerId && !(await ctx.identity.isGuardianOf(callerId, person.id)))) {
    throw Forbidden({ detail: 'Only the person and their guardian while a minor may see these redemptions.' });
  }
  return redemptionsPage(ctx.db, { personId: person.id }, query);
}

/** The provider delivers: the held price goes to them. */
export async function deliver(ctx: Ctx, redemptionId: string): Promise<Redemption> {
  const row = await lockedRedemption(ctx, redemptionId);
  const resource = await findResource(ctx.db, row.resourceId, row.regionId);
  if (!actsForProvider(ctx, resource, 'exchange.deliver')) throw Forbidden();
  return redemptionView(await resolveRedemption(ctx, row, 'delivered', actorId(ctx.principal)));
}

/**
 * The payer, their guardian while they are a minor, a managing member of the paying group, or the
 * provider cancels: the hold is released (also when it is already gone from the ledger).
 */
export async function cancel(ctx: Ctx, redemptionId: string): Promise<Redemption> {
  const row = await lockedRedemption(ctx, redemptionId);
  const resource = await findResource(ctx.db, row.resourceId, row.regionId);
  if (!(await mayCancel(ctx, row)) && !actsForProvider(ctx, resource, 'exchange.deliver')) throw Forbidden();
  return redemptionView(await resolveRedemption(ctx, row, 'cancelled', actorId(ctx.principal)));
}

/**
 * A guardian of the minor who redeemed approves (the redemption becomes `held`, deliverable) or
 * declines (the hold is released and the unit restocked). Only while it is `pending-approval`.
 */
export async function decideApproval(
  ctx: Ctx,
  redemptionId: string,
  decision: 'approved' | 'declined',
): Promise<Redemption> {
  const guardianId = ctx.requirePerson(PeopleOnly);
  const row = await lockedRedemption(ctx, redemptionId);
  if (row.payerType !== 'person' || !(await ctx.identity.isGuardianOf(guardianId, row.personId))) {
    throw Forbidden({ detail: 'Only a guardian of the minor who redeemed may approve or decline.' });
  }
  if (row.status !== 'pending-approval') {
    throw RedemptionNotAwaitingApproval({ extensions: { status: row.status } });
  }
  const decidedAt = ctx.now();
  const updated =
    decision === 'approved'
      ? await markApproval(ctx.db, row.id, {
          status: 'held',
          approvalDecidedBy: guardianId,
          approvalDecidedAt: decidedAt,
        })
      : await resolveRedemption(ctx, row, 'declined', actorId(ctx.principal), {
          approvalDecidedBy: guardianId,
          approvalDecidedAt: decidedAt,
        });
  await ctx.emit(
    RedemptionApprovalDecided,
    {
      redemptionId: row.id,
      resourceId: row.resourceId,
      personId: row.personId,
      regionId: row.regionId,
      guardianId,
      decision,
    },
    { key: row.personId, regionId: row.regionId },
  );
  return redemptionView(updated);
}

/**
 * The `expire-redemptions` job: voids held (and awaiting-approval) redemptions past their expiry
 * and restocks. Each redemption is its own savepoint: one that cannot be expired is rolled back
 * alone, logged, counted and marked (`expiry_failures`, `expiry_failure_reason`), and retried an
 * hour later; the others expire.
 */
export async function expireDueRedemptions(ctx: PluginContext): Promise<{ expired: number; failed: number }> {
  const now = ctx.now();
  const due = await lockDueRedemptions(ctx.db, now, EXPIRY_BATCH, new Date(now.getTime() - EXPIRY_RETRY_MS));
  let failed = 0;
  for (const row of due) {
    try {
      await ctx.transaction(() => resolveRedemption(ctx, row, 'expired', 'expire-redemptions'));
    } catch (error) {
      failed += 1;
      const reason = error instanceof Error ? error.message : String(error);
      ctx.logger.error({ redemptionId: row.id, err: error }, 'could not expire a held redemption; skipped');
      await recordExpiryFailure(ctx.db, row.id, reason, now);
    }
  }
  return { expired: due.length - failed, failed };
}

async function lockedRedemption(ctx: Ctx, id: string): Promise<RedemptionRow> {
  const row = await lockRedemption(ctx.db, id, ctx.regionId);
  if (!row) throw RedemptionNotFound();
  return row;
}

/** The payer cancels their own (or their guardian, while they are a minor); for a pool spend, any managing member. */
async function mayCancel(ctx: Ctx, row: RedemptionRow): Promise<boolean> {
  if (ctx.principal.kind !== 'person') return false;
  if (row.payerType === 'person') {
    return row.payerId === ctx.principal.id || (await ctx.identity.isGuardianOf(ctx.principal.id, row.payerId));
  }
  const group = await ctx.identity.group(row.payerId);
  return group !== null && isManagingRole(group.type, await ctx.identity.groupRole(group.id, ctx.principal.id));
}

export type Resolution = 'delivered' | 'cancelled' | 'expired' | 'declined';

/** What each resolution may end: delivery only a held redemption, a guardian's decline only an awaiting one. */
const ENDS: Record<Resolution, readonly RedemptionRow['status'][]> = {
  delivered: ['held'],
  cancelled: ['held', 'pending-approval'],
  expired: ['held', 'pending-approval'],
  declined: ['pending-approval'],
};

/**
 * Ends a redemption exactly once: delivery posts the hold (the provider is paid); cancellation,
 * expiry and a guardian's decline void it (the payer gets it back), return the unit to stock and
 * mark a pool's spend request refunded. A hold already voided or expired in the ledger counts as
 * released (the payer has the price back), so such a redemption can always be cancelled. The
 * caller has locked the row (`FOR UPDATE`), so a concurrent second resolution sees the new status
 * and gets 409.
 */
async function resolveRedemption(
  ctx: PluginContext,
  row: RedemptionRow,
  resolution: Resolution,
  resolvedBy: string,
  approval?: Pick<RedemptionRow, 'approvalDecidedBy' | 'approvalDecidedAt'>,
): Promise<RedemptionRow> {
  if (!ENDS[resolution].includes(row.status)) throw RedemptionNotHeld({ extensions: { status: row.status } });
  let resolveTransferId: string | null = uuidv7();
  if (resolution === 'delivered') {
    await ctx.ledger.transferOrThrow(
      [
        {
          id: resolveTransferId,
          pendingId: row.holdTransferId,
          flags: { postPending: true },
          code: TransferCodes.redemptionDelivered,
        },
      ],
      ledgerErrors('Paying the provider'),
    );
  } else {
    const results = await ctx.ledger.transfer([
      {
        id: resolveTransferId,
        pendingId: row.holdTransferId,
        flags: { voidPending: true },
        code: TransferCodes.redemptionReleased,
      },
    ]);
    // Not transferOrThrow: a hold already gone is a success here, not a refusal.
    const failed = failedTransfer(results);
    if (failed && HOLD_GONE.has(failed.status)) resolveTransferId = null;
    else if (failed) throw ledgerRefused('Releasing the hold', failed);
    await returnToStock(ctx.db, row.resourceId);
    if (row.payerType === 'group') await markSpendRefunded(ctx.db, row.id, ctx.now());
  }
  return markResolved(ctx.db, row.id, {
    status: resolution,
    resolveTransferId,
    resolvedAt: ctx.now(),
    resolvedBy,
    ...(approval ?? {}),
  });
}
