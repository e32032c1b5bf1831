import type { PluginRequestContext } from '@lifelong/core';
import { pointWalletOf, voucherAccountOf } from '../shared/accounts.js';
import { balanceOf } from '../shared/balance.js';
import { PeopleOnly } from '../shared/errors.js';
import type { Wallet } from './schemas.js';

// The wallet holds no rows of its own: its accounts are the shared account registry's
// (shared/accounts.ts, opened on first use) and its figures the ledger's.

/** The signed-in person's spendable POINTs and learning VOUCHERs. */
export async function walletOf(ctx: PluginRequestContext): Promise<Wallet> {
  const personId = ctx.requirePerson(PeopleOnly);
  return {
    points: await balanceOf(ctx, await pointWalletOf(ctx, personId)),
    vouchers: await balanceOf(ctx, await voucherAccountOf(ctx, personId)),
  };
}
