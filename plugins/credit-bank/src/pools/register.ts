import type { CreditBankRegistrar } from '../config.js';

/** Declares the pools feature's routes, handlers and jobs. */
export function registerPools(_p: CreditBankRegistrar): void {}
