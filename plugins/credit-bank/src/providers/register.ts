import type { CreditBankRegistrar } from '../config.js';

/** Declares the providers feature's routes, handlers and jobs. */
export function registerProviders(_p: CreditBankRegistrar): void {}
