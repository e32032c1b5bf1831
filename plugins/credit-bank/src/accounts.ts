import { type PluginContext, uuidv7 } from '@lifelong/core';
import { and, eq } from 'drizzle-orm';
import { accounts } from './schema.js';

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
