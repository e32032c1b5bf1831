import type { CreditBankRegistrar } from '../config.js';
import * as contract from './contract.js';
import { walletOf } from './service.js';

/** Declares the wallet's route: the signed-in person's points and vouchers. */
export function registerWallet(p: CreditBankRegistrar): void {
  p.route(contract.getWallet, async (_input, ctx) => ({ status: 200, body: await walletOf(ctx) }));
}
