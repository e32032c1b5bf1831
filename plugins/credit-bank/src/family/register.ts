import type { CreditBankRegistrar } from '../config.js';

/** Declares the family feature's routes, handlers and jobs. */
export function registerFamily(_p: CreditBankRegistrar): void {}
