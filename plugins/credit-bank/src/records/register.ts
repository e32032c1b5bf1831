import type { CreditBankRegistrar } from '../config.js';

/** Declares the records feature's routes, handlers and jobs. */
export function registerRecords(_p: CreditBankRegistrar): void {}
