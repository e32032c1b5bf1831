import type { PluginContext } from '@lifelong/core';
import type { AwardOutcome, CompletionInput } from '../completion.js';

/** Turns a completion into a record, credits and points by the region's rules (see service.ts). */
export async function awardForCompletion(_ctx: PluginContext, _input: CompletionInput): Promise<AwardOutcome> {
  throw new Error('credit-bank: awardForCompletion is not implemented yet');
}
