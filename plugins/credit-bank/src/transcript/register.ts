import type { CreditBankRegistrar } from '../config.js';

/** Declares the transcript feature's routes, handlers and jobs. */
export function registerTranscript(_p: CreditBankRegistrar): void {}
