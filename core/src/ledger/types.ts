import type { TransferActor } from './actor.js';

/** Largest amount and total: PostgreSQL bigint (2^63-1). */
export const MAX_AMOUNT = 9_223_372_036_854_775_807n;
/** Most transfers in one batch (one request, one transaction). */
export const MAX_BATCH = 8190;
/** Largest `metadata`, as UTF-8 JSON. */
export const MAX_METADATA_BYTES = 4096;
/** Longest timeout of a pending transfer: 30 days. */
export const MAX_TIMEOUT_SECONDS = 30 * 24 * 3600;

export const OWNER_TYPES = ['person', 'group', 'institution', 'region', 'platform', 'plugin'] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

export interface AccountOwner {
  type: OwnerType;
  /** Absent only for the platform itself. */
  id: string | null;
}

export interface TransferFlags {
  /** Reserve the amount (debits/credits pending) until posted, voided or expired. */
  pending?: boolean;
  /** Post the pending transfer `pendingId`, fully or partly (`amount`). */
  postPending?: boolean;
  /** Void the pending transfer `pendingId`. */
  voidPending?: boolean;
  /** Chain with the next transfer: the chain succeeds or fails as one. */
  linked?: boolean;
}

/** A transfer as a client asks for it. */
export interface TransferInput {
  /** Client-chosen UUID; the idempotency key. */
  id: string;
  /** Required except for post and void (taken from the pending transfer; if given must match). */
  debitAccountId?: string | undefined;
  creditAccountId?: string | undefined;
  /** Minor units. Post: optional (default the full pending amount). Void: optional (must match). */
  amount?: bigint | undefined;
  /** Reason code, 1..65535 (TigerBeetle-style). */
  code: number;
  flags?: TransferFlags | undefined;
  pendingId?: string | undefined;
  /** Pending transfers only: expire (void) after this many seconds; 0 or absent = never. */
  timeoutSeconds?: number | undefined;
  metadata?: unknown;
}

/** Outcome of one transfer. Stable: clients switch on these. */
export const TRANSFER_STATUSES = [
  'created',
  'exists',
  'existsWithDifferentFields',
  'linkedEventFailed',
  'linkedEventChainOpen',
  'flagsAreMutuallyExclusive',
  'invalidCode',
  'metadataTooLarge',
  'debitAccountIdRequired',
  'creditAccountIdRequired',
  'accountsMustBeDifferent',
  'accountNotFound',
  'accountsMustHaveTheSameAsset',
  'accountClosed',
  'amountMustNotBeZero',
  'amountTooLarge',
  'pendingIdRequired',
  'pendingIdMustNotBeSet',
  'pendingIdMustBeDifferent',
  'timeoutReservedForPendingTransfer',
  'timeoutTooLarge',
  'pendingTransferNotFound',
  'pendingTransferNotPending',
  'pendingTransferHasDifferentDebitAccountId',
  'pendingTransferHasDifferentCreditAccountId',
  'pendingTransferHasDifferentAmount',
  'exceedsPendingTransferAmount',
  'pendingTransferAlreadyPosted',
  'pendingTransferAlreadyVoided',
  'pendingTransferExpired',
  'overflowsDebits',
  'overflowsCredits',
  'exceedsCredits',
  'exceedsDebits',
] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

export interface TransferResult {
  id: string;
  status: TransferStatus;
}

export type TransferKind = 'posted' | 'pending' | 'post' | 'void';

/** A committed transfer as stored. */
export interface Transfer {
  id: string;
  seq: number;
  debitAccountId: string;
  creditAccountId: string;
  amount: bigint;
  asset: string;
  code: number;
  kind: TransferKind;
  linked: boolean;
  pendingId: string | null;
  timeoutSeconds: number;
  metadata: unknown;
  createdAt: Date;
  /** Who posted it. */
  actor: TransferActor;
  /** Pending transfers: `pending`, `posted`, `voided` or `expired`. */
  pendingState?: PendingState | undefined;
  expiresAt?: Date | null | undefined;
}

export type PendingState = 'pending' | 'posted' | 'voided' | 'expired';

export interface AccountFlags {
  debitsMustNotExceedCredits: boolean;
  creditsMustNotExceedDebits: boolean;
  closed: boolean;
}

export interface Account {
  id: string;
  asset: string;
  owner: AccountOwner;
  kind: 'standard' | 'issuance';
  flags: AccountFlags;
  debitsPending: bigint;
  debitsPosted: bigint;
  creditsPending: bigint;
  creditsPosted: bigint;
  /** Number of entries (summed over shards for a sharded account). */
  version: number;
  createdAt: Date;
  /** The plugin that opened it through `ctx.ledger`, or null (the platform, an API caller, or unrecorded). */
  openedBy: string | null;
  /** What it is for, as its opener named it, or null. */
  purpose: string | null;
}

export interface Entry {
  accountId: string;
  version: number;
  transferId: string;
  kind: TransferKind | 'expire';
  side: 'debit' | 'credit';
  pendingDelta: bigint;
  postedDelta: bigint;
  debitsPending: bigint;
  debitsPosted: bigint;
  creditsPending: bigint;
  creditsPosted: bigint;
  createdAt: Date;
}

export interface Asset {
  code: string;
  scale: number;
  issuanceAccountId: string;
}
