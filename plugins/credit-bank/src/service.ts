import { createServiceRef } from '@lifelong/core';
import type { AwardOutcome, CompletionInput } from './completion.js';
import type { LearningRecord } from './records/schemas.js';
import type { AccountKey } from './shared/accounts.js';

export { type AwardOutcome, CompletionInput } from './completion.js';
export type { AccountKey, AccountPurpose, OwnerType } from './shared/accounts.js';

/** The credit bank's service for plugins that require it. */
export interface CreditBankService {
  /**
   * Turns a completion into a learning record, a CREDIT award and POINTs by the region's rules,
   * in the caller's transaction (so the caller's completion row and the award commit together).
   * Throws a 400-class LifelongError for input that does not fit `CompletionInput`.
   */
  awardForCompletion(input: CompletionInput): Promise<AwardOutcome>;
  /**
   * The ledger account id of an owner for an asset and purpose, opened on first use: a person's
   * spendable points are `{ ownerType: 'person', ownerId, asset: 'POINT', purpose: 'wallet' }`.
   * Other plugins pay from and into these accounts instead of opening their own wallets.
   */
  account(key: AccountKey): Promise<string>;
  /**
   * One learning record (active or withdrawn), or null for an unknown id. No authorization: the
   * calling plugin decides who may see what it does with it (credentials: the owner, the issuing
   * institution).
   */
  record(recordId: string): Promise<LearningRecord | null>;
  /** A person's records, oldest first, a page at a time (`cursor` from the previous page). */
  records(
    personId: string,
    page?: { limit?: number; cursor?: string },
  ): Promise<{ items: LearningRecord[]; nextCursor: string | null }>;
}

export const creditBankService = createServiceRef<CreditBankService>({ id: 'credit-bank.awards' });
