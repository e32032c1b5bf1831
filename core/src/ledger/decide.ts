import {
  type Entry,
  MAX_AMOUNT,
  MAX_METADATA_BYTES,
  MAX_TIMEOUT_SECONDS,
  type PendingState,
  type Transfer,
  type TransferInput,
  type TransferKind,
  type TransferResult,
  type TransferStatus,
} from './types.js';

/** An account row as locked for the transaction; `decide` mutates these copies. */
export interface AccountState {
  id: string;
  asset: string;
  shardOf: string | null;
  debitsMustNotExceedCredits: boolean;
  creditsMustNotExceedDebits: boolean;
  closed: boolean;
  debitsPending: bigint;
  debitsPosted: bigint;
  creditsPending: bigint;
  creditsPosted: bigint;
  version: number;
}

export interface PendingRow {
  transferId: string;
  /** The accounts that hold the reservation (a shard, for a sharded account). */
  debitAccountId: string;
  creditAccountId: string;
  amount: bigint;
  expiresAt: Date | null;
  state: PendingState;
}

export interface DecideInput {
  /** Requests: a linked chain never crosses from one request into the next. */
  groups: readonly (readonly TransferInput[])[];
  /** `requestHash` of each transfer of `groups`, computed before the account locks were taken. */
  fingerprints: readonly (readonly string[])[];
  /** Locked accounts by id, shards included. */
  accounts: Map<string, AccountState>;
  /** The account that takes a posting addressed to `accountId`: itself, or one of its shards. */
  route: (accountId: string) => string;
  /** Transfers already committed (and, as `decide` runs, those created by this batch). */
  existing: Map<string, { requestHash: string; kind: TransferKind }>;
  pendings: Map<string, PendingRow>;
  /** Pending transfers to expire (the sweeper), applied before `groups`. */
  expire?: readonly string[];
  now: Date;
}

/** A transfer as decided: what will be stored, before the database numbers and stamps it. */
export type NewTransfer = Omit<Transfer, 'seq' | 'createdAt' | 'pendingState' | 'expiresAt' | 'actor'> & {
  requestHash: string;
  /** The request (index into `groups`) it came from: its actor is that request's. */
  group: number;
};

/** An entry as decided, before the database stamps its time. */
export type NewEntry = Omit<Entry, 'createdAt'>;

export interface NewPending {
  transferId: string;
  debitAccountId: string;
  creditAccountId: string;
  amount: bigint;
  timeoutSeconds: number;
}

export interface PendingResolution {
  transferId: string;
  state: Exclude<PendingState, 'pending'>;
  resolvedBy: string | null;
}

export interface Decision {
  results: TransferResult[][];
  transfers: NewTransfer[];
  entries: NewEntry[];
  newPendings: NewPending[];
  resolutions: PendingResolution[];
  /** Accounts whose totals changed. */
  dirty: Set<string>;
  expired: string[];
}

type Outcome = TransferStatus;

/**
 * The ledger's state machine, TigerBeetle-style, as a pure function over locked state: it
 * decides every transfer's outcome in order and collects the rows to write. Keeping it free of
 * I/O lets one transaction carry thousands of transfers with a handful of statements.
 */
export function decide(input: DecideInput): Decision {
  const { accounts, existing, pendings, now } = input;
  const d: Decision = {
    results: [],
    transfers: [],
    entries: [],
    newPendings: [],
    resolutions: [],
    dirty: new Set(),
    expired: [],
  };
  let undo: (() => void)[] = [];

  const touch = (account: AccountState) => {
    const before = { ...account };
    undo.push(() => Object.assign(account, before));
    d.dirty.add(account.id);
  };

  const entry = (
    account: AccountState,
    transferId: string,
    kind: NewEntry['kind'],
    side: NewEntry['side'],
    pendingDelta: bigint,
    postedDelta: bigint,
  ) => {
    touch(account);
    if (side === 'debit') {
      account.debitsPending += pendingDelta;
      account.debitsPosted += postedDelta;
    } else {
      account.creditsPending += pendingDelta;
      account.creditsPosted += postedDelta;
    }
    account.version += 1;
    d.entries.push({
      accountId: account.id,
      version: account.version,
      transferId,
      kind,
      side,
      pendingDelta,
      postedDelta,
      debitsPending: account.debitsPending,
      debitsPosted: account.debitsPosted,
      creditsPending: account.creditsPending,
      creditsPosted: account.creditsPosted,
    });
  };

  const resolve = (pending: PendingRow, state: PendingResolution['state'], resolvedBy: string | null) => {
    const before = pending.state;
    undo.push(() => {
      pending.state = before;
    });
    pending.state = state;
    d.resolutions.push({ transferId: pending.transferId, state, resolvedBy });
  };

  for (const id of input.expire ?? []) {
    const pending = pendings.get(id);
    if (pending?.state !== 'pending') continue;
    const debit = accounts.get(pending.debitAccountId);
    const credit = accounts.get(pending.creditAccountId);
    if (!debit || !credit) continue;
    entry(debit, id, 'expire', 'debit', -pending.amount, 0n);
    entry(credit, id, 'expire', 'credit', -pending.amount, 0n);
    resolve(pending, 'expired', null);
    d.expired.push(id);
  }
  undo = [];

  const logicalOf = (accountId: string) => accounts.get(accountId)?.shardOf ?? accountId;

  function apply(t: TransferInput, hash: string): Outcome {
    const known = existing.get(t.id);
    if (known) return known.requestHash === hash ? 'exists' : 'existsWithDifferentFields';

    const flags = t.flags ?? {};
    const phases = Number(!!flags.pending) + Number(!!flags.postPending) + Number(!!flags.voidPending);
    if (phases > 1) return 'flagsAreMutuallyExclusive';
    if (!Number.isInteger(t.code) || t.code < 1 || t.code > 65535) return 'invalidCode';
    if (t.metadata !== undefined && t.metadata !== null) {
      if (Buffer.byteLength(JSON.stringify(t.metadata) ?? '') > MAX_METADATA_BYTES) return 'metadataTooLarge';
    }
    const timeout = t.timeoutSeconds ?? 0;
    if (t.amount !== undefined && t.amount > MAX_AMOUNT) return 'amountTooLarge';
    if (t.amount !== undefined && t.amount <= 0n) return 'amountMustNotBeZero';

    if (flags.postPending || flags.voidPending) {
      if (!t.pendingId) return 'pendingIdRequired';
      if (t.pendingId === t.id) return 'pendingIdMustBeDifferent';
      if (timeout !== 0) return 'timeoutReservedForPendingTransfer';
      const pending = pendings.get(t.pendingId);
      if (!pending) return existing.has(t.pendingId) ? 'pendingTransferNotPending' : 'pendingTransferNotFound';
      const debit = accounts.get(pending.debitAccountId);
      const credit = accounts.get(pending.creditAccountId);
      if (!debit || !credit) return 'accountNotFound';
      if (t.debitAccountId !== undefined && t.debitAccountId !== logicalOf(debit.id)) {
        return 'pendingTransferHasDifferentDebitAccountId';
      }
      if (t.creditAccountId !== undefined && t.creditAccountId !== logicalOf(credit.id)) {
        return 'pendingTransferHasDifferentCreditAccountId';
      }
      if (pending.state === 'posted') return 'pendingTransferAlreadyPosted';
      if (pending.state === 'voided') return 'pendingTransferAlreadyVoided';
      if (pending.state === 'expired') return 'pendingTransferExpired';
      if (pending.expiresAt && pending.expiresAt.getTime() <= now.getTime()) return 'pendingTransferExpired';
      const amount = t.amount ?? pending.amount;
      if (flags.voidPending && amount !== pending.amount) return 'pendingTransferHasDifferentAmount';
      if (amount > pending.amount) return 'exceedsPendingTransferAmount';
      const posted = flags.postPending ? amount : 0n;
      if (debit.debitsPosted + posted > MAX_AMOUNT) return 'overflowsDebits';
      if (credit.creditsPosted + posted > MAX_AMOUNT) return 'overflowsCredits';

      const kind: TransferKind = flags.postPending ? 'post' : 'void';
      entry(debit, t.id, kind, 'debit', -pending.amount, posted);
      entry(credit, t.id, kind, 'credit', -pending.amount, posted);
      resolve(pending, flags.postPending ? 'posted' : 'voided', t.id);
      record(t, hash, kind, logicalOf(debit.id), logicalOf(credit.id), amount, debit.asset);
      return 'created';
    }

    if (t.pendingId !== undefined) return 'pendingIdMustNotBeSet';
    if (timeout !== 0 && !flags.pending) return 'timeoutReservedForPendingTransfer';
    if (!Number.isInteger(timeout) || timeout < 0 || timeout > MAX_TIMEOUT_SECONDS) return 'timeoutTooLarge';
    if (!t.debitAccountId) return 'debitAccountIdRequired';
    if (!t.creditAccountId) return 'creditAccountIdRequired';
    if (t.debitAccountId === t.creditAccountId) return 'accountsMustBeDifferent';
    const debit = accounts.get(input.route(t.debitAccountId));
    const credit = accounts.get(input.route(t.creditAccountId));
    if (!debit || !credit) return 'accountNotFound';
    // A shard is reached only through its account: addressed directly, it does not exist.
    if (debit.shardOf !== null && debit.shardOf !== t.debitAccountId) return 'accountNotFound';
    if (credit.shardOf !== null && credit.shardOf !== t.creditAccountId) return 'accountNotFound';
    if (debit.asset !== credit.asset) return 'accountsMustHaveTheSameAsset';
    if (debit.closed || credit.closed) return 'accountClosed';
    if (t.amount === undefined) return 'amountMustNotBeZero';
    const amount = t.amount;
    if (flags.pending) {
      if (debit.debitsPending + amount > MAX_AMOUNT) return 'overflowsDebits';
      if (credit.creditsPending + amount > MAX_AMOUNT) return 'overflowsCredits';
    } else {
      if (debit.debitsPosted + amount > MAX_AMOUNT) return 'overflowsDebits';
      if (credit.creditsPosted + amount > MAX_AMOUNT) return 'overflowsCredits';
    }
    if (debit.debitsMustNotExceedCredits && debit.debitsPending + debit.debitsPosted + amount > debit.creditsPosted) {
      return 'exceedsCredits';
    }
    if (
      credit.creditsMustNotExceedDebits &&
      credit.creditsPending + credit.creditsPosted + amount > credit.debitsPosted
    ) {
      return 'exceedsDebits';
    }

    if (flags.pending) {
      entry(debit, t.id, 'pending', 'debit', amount, 0n);
      entry(credit, t.id, 'pending', 'credit', amount, 0n);
      const row: PendingRow = {
        transferId: t.id,
        debitAccountId: debit.id,
        creditAccountId: credit.id,
        amount,
        expiresAt: timeout > 0 ? new Date(now.getTime() + timeout * 1000) : null,
        state: 'pending',
      };
      pendings.set(t.id, row);
      undo.push(() => pendings.delete(t.id));
      d.newPendings.push({
        transferId: t.id,
        debitAccountId: debit.id,
        creditAccountId: credit.id,
        amount,
        timeoutSeconds: timeout,
      });
      record(t, hash, 'pending', t.debitAccountId, t.creditAccountId, amount, debit.asset);
    } else {
      entry(debit, t.id, 'posted', 'debit', 0n, amount);
      entry(credit, t.id, 'posted', 'credit', 0n, amount);
      record(t, hash, 'posted', t.debitAccountId, t.creditAccountId, amount, debit.asset);
    }
    return 'created';
  }

  function record(
    t: TransferInput,
    hash: string,
    kind: TransferKind,
    debitAccountId: string,
    creditAccountId: string,
    amount: bigint,
    asset: string,
  ) {
    existing.set(t.id, { requestHash: hash, kind });
    undo.push(() => existing.delete(t.id));
    d.transfers.push({
      id: t.id,
      debitAccountId,
      creditAccountId,
      amount,
      asset,
      code: t.code,
      kind,
      linked: !!t.flags?.linked,
      pendingId: t.pendingId ?? null,
      timeoutSeconds: t.timeoutSeconds ?? 0,
      metadata: t.metadata ?? null,
      requestHash: hash,
      group: currentGroup,
    });
  }

  let currentGroup = 0;
  for (const [g, group] of input.groups.entries()) {
    currentGroup = g;
    const fingerprints = input.fingerprints[g] ?? [];
    const results: TransferResult[] = group.map((t) => ({ id: t.id, status: 'linkedEventFailed' }));
    let i = 0;
    while (i < group.length) {
      // A chain: transfers flagged `linked` up to and including the first one that is not.
      let end = i;
      while (end < group.length - 1 && group[end]?.flags?.linked) end++;
      const open = !!group[end]?.flags?.linked;
      const marks = { transfers: d.transfers.length, entries: d.entries.length, news: d.newPendings.length };
      const resolutionsMark = d.resolutions.length;
      undo = [];
      let failed = open;
      for (let k = i; k <= end && !failed; k++) {
        const t = group[k] as TransferInput;
        const status = apply(t, fingerprints[k] as string);
        (results[k] as TransferResult).status = status;
        if (status !== 'created' && status !== 'exists') failed = true;
      }
      if (open) (results[end] as TransferResult).status = 'linkedEventChainOpen';
      if (failed && end > i) {
        for (let k = i; k <= end; k++) {
          const r = results[k] as TransferResult;
          if (r.status === 'created' || r.status === 'exists') r.status = 'linkedEventFailed';
        }
      }
      if (failed) {
        for (const step of undo.reverse()) step();
        d.transfers.length = marks.transfers;
        d.entries.length = marks.entries;
        d.newPendings.length = marks.news;
        d.resolutions.length = resolutionsMark;
      }
      i = end + 1;
    }
    d.results.push(results);
  }
  return d;
}
