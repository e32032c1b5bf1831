import {
  afterIdCursor,
  Forbidden,
  type PluginRequestContext,
  type Principal,
  toPage,
  uuidv7,
  ValidationFailed,
} from '@lifelong/core';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { CreditBankConfig, CreditBankRegistrar } from '../config.js';
import { exchangeAccountOf, pointWalletOf, voucherAccountOf } from '../shared/accounts.js';
import { redeem } from '../shared/exchange/redeem.js';
import { findResource } from '../shared/exchange/resources.js';
import { exchangeRedemptions, exchangeResources } from '../shared/exchange/schema.js';
import { isManagingRole } from '../shared/group-roles.js';
import { personOf } from '../shared/person.js';
import * as contract from './contract.js';
import { RedemptionNotFound } from './errors.js';
import { resolveRedemption } from './resolve.js';
import { actsForProvider, type RedemptionRow, redemptionView, resourceView } from './store.js';

/** Held redemptions voided per run of `expire-redemptions`; the next run takes the rest. */
const EXPIRY_BATCH = 500;

/** Declares the exchange feature's routes, handlers and jobs. */
export function registerExchange(p: CreditBankRegistrar): void {
  p.route(contract.createResource, async ({ body }, ctx) => {
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
    const [row] = await ctx.db
      .insert(exchangeResources)
      .values({
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
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    return { status: 201, body: resourceView(row) };
  });

  p.route(contract.listResources, async ({ query }, ctx) => {
    const limit = query.limit ?? 50;
    const rows = await ctx.db
      .select()
      .from(exchangeResources)
      .where(
        and(
          eq(exchangeResources.regionId, ctx.regionId),
          eq(exchangeResources.status, 'active'),
          query.kind ? eq(exchangeResources.kind, query.kind) : undefined,
          afterIdCursor(exchangeResources.id, query.cursor),
        ),
      )
      .orderBy(exchangeResources.id)
      .limit(limit + 1);
    return { status: 200, body: toPage(rows, limit, (row) => ({ id: row.id }), resourceView) };
  });

  p.route(contract.getResource, async ({ params }, ctx) => ({
    status: 200,
    body: resourceView(await findResource(ctx.db, params.resourceId, ctx.regionId)),
  }));

  p.route(contract.updateResource, async ({ params, body }, ctx) => {
    const resource = await findResource(ctx.db, params.resourceId, ctx.regionId);
    if (!actsForProvider(ctx, resource, 'exchange.manage')) throw Forbidden();
    const restock = body.restock ?? 0;
    const [row] = await ctx.db
      .update(exchangeResources)
      .set({ stock: sql`${exchangeResources.stock} + ${restock}`, ...(body.status ? { status: body.status } : {}) })
      .where(and(eq(exchangeResources.id, resource.id), sql`${exchangeResources.stock} + ${restock} >= 0`))
      .returning();
    if (!row) {
      throw ValidationFailed({
        errors: [{ path: '/body/restock', rule: 'minimum', message: 'Would take the stock below zero' }],
      });
    }
    return { status: 200, body: resourceView(row) };
  });

  p.route(contract.createRedemption, async ({ params, body }, ctx) => {
    const personId = personOf(ctx);
    const resource = await findResource(ctx.db, params.resourceId, ctx.regionId);
    const vouchers = body.payWith === 'vouchers';
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
    return { status: 201, body: redemptionView(row) };
  });

  p.route(contract.listResourceRedemptions, async ({ params, query }, ctx) => {
    const resource = await findResource(ctx.db, params.resourceId, ctx.regionId);
    if (!actsForProvider(ctx, resource, 'exchange.deliver')) throw Forbidden();
    const limit = query.limit ?? 50;
    const rows = await ctx.db
      .select()
      .from(exchangeRedemptions)
      .where(
        and(
          eq(exchangeRedemptions.resourceId, resource.id),
          query.status ? eq(exchangeRedemptions.status, query.status) : undefined,
          afterIdCursor(exchangeRedemptions.id, query.cursor),
        ),
      )
      .orderBy(exchangeRedemptions.id)
      .limit(limit + 1);
    return { status: 200, body: toPage(rows, limit, (row) => ({ id: row.id }), redemptionView) };
  });

  p.route(contract.listMyRedemptions, async ({ query }, ctx) => {
    const personId = personOf(ctx);
    const limit = query.limit ?? 50;
    const rows = await ctx.db
      .select()
      .from(exchangeRedemptions)
      .where(
        and(
          eq(exchangeRedemptions.personId, personId),
          eq(exchangeRedemptions.payerType, 'person'),
          query.status ? eq(exchangeRedemptions.status, query.status) : undefined,
          afterIdCursor(exchangeRedemptions.id, query.cursor),
        ),
      )
      .orderBy(exchangeRedemptions.id)
      .limit(limit + 1);
    return { status: 200, body: toPage(rows, limit, (row) => ({ id: row.id }), redemptionView) };
  });

  /** The redemption, locked for this transaction, if it belongs to the request's region. */
  const lockRedemption = async (ctx: Ctx, id: string) => {
    const [row] = await ctx.db
      .select()
      .from(exchangeRedemptions)
      .where(and(eq(exchangeRedemptions.id, id), eq(exchangeRedemptions.regionId, ctx.regionId)))
      .for('update');
    if (!row) throw RedemptionNotFound();
    return row;
  };

  p.route(contract.deliverRedemption, async ({ params }, ctx) => {
    const row = await lockRedemption(ctx, params.redemptionId);
    const resource = await findResource(ctx.db, row.resourceId, row.regionId);
    if (!actsForProvider(ctx, resource, 'exchange.deliver')) throw Forbidden();
    const done = await resolveRedemption(ctx, row, 'delivered', actorId(ctx.principal));
    return { status: 200, body: redemptionView(done) };
  });

  p.route(contract.cancelRedemption, async ({ params }, ctx) => {
    const row = await lockRedemption(ctx, params.redemptionId);
    const resource = await findResource(ctx.db, row.resourceId, row.regionId);
    if (!(await mayCancel(ctx, row)) && !actsForProvider(ctx, resource, 'exchange.deliver')) throw Forbidden();
    const done = await resolveRedemption(ctx, row, 'cancelled', actorId(ctx.principal));
    return { status: 200, body: redemptionView(done) };
  });

  p.every('expire-redemptions', { intervalMs: 60_000 }, async (ctx) => {
    // SKIP LOCKED: a redemption being delivered or cancelled right now is left to that request.
    const due = await ctx.db
      .select()
      .from(exchangeRedemptions)
      .where(and(eq(exchangeRedemptions.status, 'held'), lte(exchangeRedemptions.expiresAt, ctx.now())))
      .orderBy(asc(exchangeRedemptions.expiresAt))
      .limit(EXPIRY_BATCH)
      .for('update', { skipLocked: true });
    for (const row of due) await resolveRedemption(ctx, row, 'expired', 'expire-redemptions');
    if (due.length > 0) ctx.logger.info({ expired: due.length }, 'expired held redemptions');
  });
}

const actorId = (principal: Principal): string => (principal.kind === 'anonymous' ? 'anonymous' : principal.id);

type Ctx = PluginRequestContext<typeof CreditBankConfig>;

/** The payer cancels their own; for a pool spend, any managing member of the group. */
async function mayCancel(ctx: Ctx, row: RedemptionRow): Promise<boolean> {
  if (ctx.principal.kind !== 'person') return false;
  if (row.payerType === 'person') return row.payerId === ctx.principal.id;
  const group = await ctx.identity.group(row.payerId);
  return group !== null && isManagingRole(group.type, await ctx.identity.groupRole(group.id, ctx.principal.id));
}
