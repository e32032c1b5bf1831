import { pointWalletOf, voucherAccountOf } from '../accounts.js';
import type { CreditBankRegistrar } from '../config.js';
import { balanceOf } from './balance.js';
import { personOf } from './person.js';
import { Wallet } from './schemas.js';

/** The signed-in person's spendable POINTs and learning VOUCHERs. */
export function registerWallet(p: CreditBankRegistrar): void {
  p.route({
    method: 'get',
    path: '/wallet',
    summary: "The signed-in person's points and vouchers (accounts opened on first use)",
    access: { authenticated: 'a signed-in person, for their own wallet' },
    responses: { 200: { description: 'Balances', schema: Wallet } },
    handler: async (_input, ctx) => {
      const personId = personOf(ctx);
      return {
        status: 200,
        body: {
          points: await balanceOf(ctx, await pointWalletOf(ctx, personId)),
          vouchers: await balanceOf(ctx, await voucherAccountOf(ctx, personId)),
        },
      };
    },
  });
}
