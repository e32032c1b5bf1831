import type { CreditBankRegistrar } from '../config.js';

/** Declares the imports feature's routes, handlers and jobs. */
export function registerImports(_p: CreditBankRegistrar): void {}
