import type { CreditBankRegistrar } from '../config.js';
import { pointWalletOf, voucherAccountOf } from '../shared/accounts.js';
import { balanceOf } from '../shared/balance.js';
import { personOf } from '../shared/person.js';
import * as contract from './contract.js';

/** The signed-in person's spendable POINTs and learning VOUCHERs. */
export function registerWallet(p: CreditBankRegistrar): void {
  p.route(contract.getWallet, async (_input, ctx) => {
    const personId = personOf(ctx);
    return {
      status: 200,
      body: {
        points: await balanceOf(ctx, await pointWalletOf(ctx, personId)),
        vouchers: await balanceOf(ctx, await voucherAccountOf(ctx, personId)),
      },
    };
  });
}
