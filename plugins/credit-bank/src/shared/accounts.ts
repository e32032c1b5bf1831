import { type PluginContext, uuidv7 } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { accounts } from '../schema.js';

export type OwnerType = (typeof accounts.$inferSelect)['ownerType'];

/**
 * Why an account exists. A person has one `record` account of lifetime CREDITs (only ever
 * credited) and one `wallet` of spendable POINTs; other purposes belong to the feature that opens
 * them (`voucher`, `pool`, `conversion`, `revenue`, ...).
 */
export type AccountPurpose = 'record' | 'wallet' | (string & {});

export interface AccountKey {
  ownerType: OwnerType;
  ownerId: string;
  asset: string;
  purpose: AccountPurpose;
}

/**
 * The ledger account for `key`, opened on first use in the caller's transaction. Accounts that
 * belong to people, groups and institutions may never go below zero
 * (`debitsMustNotExceedCredits`); the region's and plugin's own (conversion, revenue) may.
 */
export async function accountFor(ctx: PluginContext, key: AccountKey): Promise<string> {
  const where = and(
    eq(accounts.ownerType, key.ownerType),
    eq(accounts.ownerId, key.ownerId),
    eq(accounts.asset, key.asset),
    eq(accounts.purpose, key.purpose),
  );
  const [known] = await ctx.db.select({ accountId: accounts.accountId }).from(accounts).where(where).limit(1);
  if (known) return known.accountId;
  const accountId = uuidv7();
  // A concurrent first use waits here on the unique index, then finds the winner's row.
  const [claimed] = await ctx.db
    .insert(accounts)
    .values({ accountId, ...key })
    .onConflictDoNothing()
    .returning({ accountId: accounts.accountId });
  if (!claimed) {
    const [winner] = await ctx.db.select({ accountId: accounts.accountId }).from(accounts).where(where).limit(1);
    if (!winner) throw new Error(`The ${key.purpose} account of ${key.ownerType} ${key.ownerId} vanished`);
    return winner.accountId;
  }
  const bounded = key.ownerType === 'person' || key.ownerType === 'group' || key.ownerType === 'institution';
  await ctx.ledger.createAccount({
    id: accountId,
    asset: key.asset,
    owner: { type: key.ownerType, id: key.ownerId },
    flags: { debitsMustNotExceedCredits: bounded },
    // Shown to the owner in their account list (GET /v1/ledger/accounts), next to `openedBy`.
    purpose: key.purpose,
  });
  return accountId;
}

/** The person's lifetime CREDIT record account. */
export const creditAccountOf = (ctx: PluginContext, personId: string) =>
  accountFor(ctx, { ownerType: 'person', ownerId: personId, asset: 'CREDIT', purpose: 'record' });

/** The person's spendable POINT wallet. */
export const pointWalletOf = (ctx: PluginContext, personId: string) =>
  accountFor(ctx, { ownerType: 'person', ownerId: personId, asset: 'POINT', purpose: 'wallet' });

/** The issuance (mint) account of an asset: debiting it creates units of the asset. */
export async function issuanceAccountOf(ctx: PluginContext, asset: string): Promise<string> {
  const found = (await ctx.ledger.assets()).find((a) => a.code === asset);
  if (!found) throw new Error(`The ledger has no asset "${asset}"`);
  return found.issuanceAccountId;
}

/** The person's learning VOUCHER account (family transfers pay into it; learning resources accept it). */
export const voucherAccountOf = (ctx: PluginContext, personId: string) =>
  accountFor(ctx, { ownerType: 'person', ownerId: personId, asset: 'VOUCHER', purpose: 'voucher' });

/** A group's POINT pool, contributed to by its members and spent by its managing members. */
export const poolAccountOf = (ctx: PluginContext, groupId: string) =>
  accountFor(ctx, { ownerType: 'group', ownerId: groupId, asset: 'POINT', purpose: 'pool' });

/** What an exchange provider (an institution or a region) receives for its resources, per asset. */
export const exchangeAccountOf = (
  ctx: PluginContext,
  provider: { type: 'institution' | 'region'; id: string },
  asset: string,
) => accountFor(ctx, { ownerType: provider.type, ownerId: provider.id, asset, purpose: 'exchange' });

/** A region's conversion account of an asset: family transfers pass through it (POINT in, VOUCHER out). */
export const conversionAccountOf = (ctx: PluginContext, regionId: string, asset: string) =>
  accountFor(ctx, { ownerType: 'region', ownerId: regionId, asset, purpose: 'conversion' });
