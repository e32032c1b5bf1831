import type { PluginContext } from '@lifelong/core';
import type { Balance } from './schemas.js';

/** An account's figures as the API shows them. */
export async function balanceOf(ctx: PluginContext, accountId: string): Promise<Balance> {
  const account = await ctx.ledger.getAccount(accountId);
  if (!account) throw new Error(`Ledger account ${accountId} is missing`);
  const balance = account.creditsPosted - account.debitsPosted;
  return {
    accountId,
    balance: String(balance),
    held: String(account.debitsPending),
    available: String(balance - account.debitsPending),
  };
}
