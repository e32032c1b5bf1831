import type { CreditBankRegistrar } from '../config.js';

/** Declares the recognition feature's routes, handlers and jobs. */
export function registerRecognition(_p: CreditBankRegistrar): void {}
