import type { CreditBankRegistrar } from '../config.js';

/** Declares the exchange feature's routes, handlers and jobs. */
export function registerExchange(_p: CreditBankRegistrar): void {}
