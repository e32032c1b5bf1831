import { and, asc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database, Queryable, Transaction } from '../db/database.js';
import { outsideRequestScope } from '../db/request-transaction.js';
import type { FieldError } from '../errors/lifelong-error.js';
import type { AuthenticatedPrincipal } from '../identity/principal.js';
import { isUuid } from '../ids/uuid.js';
import * as accounts from './accounts.js';
import { type LedgerActor, SYSTEM_ACTOR, storedActor, type TransferActor } from './actor.js';
import { createBatcher } from './batcher.js';
import { requestHash } from './canonical.js';
import type { NewTransfer } from './decide.js';
import { execute, ShardDirectory } from './engine.js';
import { LedgerAccountForbidden, LedgerBatchInvalid, LedgerTransferForbidden } from './errors.js';
import { accountOpeningRefusal, authorizeTransfers, isResolution, type OwnerDirectory } from './policy.js';
import { AccountFactsCache, loadPendingFacts } from './policy-facts.js';
import { isRetryable, runInTransaction } from './retry.js';
import { ledgerPendingTransfers } from './schema.js';
import { Sealer } from './seal.js';
import { type AccountOwner, MAX_BATCH, type TransferInput, type TransferResult } from './types.js';
import { type VerifyReport, verifyLedger } from './verify.js';

/**
 * Runs inside the transaction that commits the transfers (the seam for the events outbox),
 * alongside the ledger's own writes: it must not read this batch's ledger rows.
 */
export type PostedHook = (tx: Transaction, transfers: readonly NewTransfer[]) => Promise<void> | void;

export interface LedgerOptions {
  /** The database; a function so the ledger can exist before the platform opens it. */
  db: () => Database;
  logger?: Logger;
  /**
   * Groups of the group-commit batcher that may lock and write at once (default 1); each may
   * have more groups committing behind it.
   */
  commitConcurrency?: number;
  /** What the authorization policy asks of identity and the plugin registry (policy.ts). */
  policy?: LedgerPolicyOptions;
}

export interface LedgerPolicyOptions {
  /** Identity's answers about people, groups and institutions, read through `q`. */
  directory(q: Queryable): OwnerDirectory;
  /** The assets a plugin declares it mints (`definePlugin({ mints })`). */
  mints(pluginId: string): readonly string[];
}

/** Without identity nothing but the system may debit anything: default deny. */
const NOBODY: OwnerDirectory = {
  isGuardianOfMinor: async () => false,
  managesGroup: async () => false,
  isAccredited: async () => false,
};

export interface Ledger {
  /**
   * Applies a batch inside the caller's transaction, so a plugin's own rows and its postings
   * commit or roll back together. On a deadlock or serialization failure the caller's
   * transaction is aborted: run it with `ledger.runInTransaction`, which retries it.
   *
   * `actor` (default: the system, i.e. trusted platform code) is checked against the ledger's
   * policy first; any refusal throws `LEDGER_TRANSFER_FORBIDDEN` (403) and applies nothing.
   */
  transfer(tx: Transaction, transfers: readonly TransferInput[], actor?: LedgerActor): Promise<TransferResult[]>;
  /**
   * Applies a batch in a transaction of its own, grouped with concurrent calls (group commit);
   * authorized like `transfer`.
   */
  submit(transfers: readonly TransferInput[], actor?: LedgerActor): Promise<TransferResult[]>;
  /** Throws `LEDGER_TRANSFER_FORBIDDEN` unless `actor` may make every transfer of the batch. */
  authorize(q: Queryable, actor: LedgerActor, transfers: readonly TransferInput[]): Promise<void>;
  /** Throws `LEDGER_ACCOUNT_FORBIDDEN` unless the caller may open this account over the API. */
  authorizeOpening(
    q: Queryable,
    principal: AuthenticatedPrincipal,
    owner: AccountOwner,
    flags: NonNullable<accounts.CreateAccountInput['flags']>,
  ): Promise<void>;
  /** `db.transaction(fn)`, retried on deadlocks, serialization failures and id races. */
  runInTransaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  createAccount(q: Queryable, input: accounts.CreateAccountInput): ReturnType<typeof accounts.createAccount>;
  getAccount(q: Queryable, id: string): ReturnType<typeof accounts.getAccount>;
  /** Closes an account (inside the caller's transaction); see `accounts.closeAccount`. */
  closeAccount(q: Queryable, id: string): ReturnType<typeof accounts.closeAccount>;
  getTransfer(q: Queryable, id: string): ReturnType<typeof accounts.getTransfer>;
  listAssets(q: Queryable): ReturnType<typeof accounts.listAssets>;
  /** Registers an asset unless it exists with the same scale (plugins' declared assets, at start). */
  registerAsset(q: Queryable, asset: accounts.AssetDeclaration): ReturnType<typeof accounts.registerAsset>;
  /** Registers a hook run in the committing transaction after each batch; returns its remover. */
  onPosted(hook: PostedHook): () => void;
  /** Voids pending transfers whose timeout has passed; returns how many. */
  expirePending(limit?: number): Promise<number>;
  /** Seals every transfer committed so far into the hash chain; returns how many. */
  sealNow(): Promise<number>;
  verify(): Promise<VerifyReport>;
  /** Starts the background sealer and expiry sweeper; returns a function that stops them. */
  startBackground(options?: { intervalMs?: number }): () => Promise<void>;
}

function isJson(value: unknown): boolean {
  try {
    return JSON.stringify(value) !== undefined;
  } catch {
    return false;
  }
}

/** Structural checks that make a whole batch unprocessable (HTTP validates these by schema). */
export function assertBatch(transfers: readonly TransferInput[]): void {
  const errors: FieldError[] = [];
  if (transfers.length === 0 || transfers.length > MAX_BATCH) {
    errors.push({ path: '/transfers', rule: 'size', message: `A batch holds 1 to ${MAX_BATCH} transfers` });
  }
  transfers.forEach((t, i) => {
    if (!isUuid(t.id)) errors.push({ path: `/transfers/${i}/id`, rule: 'uuid', message: 'Expected a UUID' });
    if (t.amount !== undefined && typeof t.amount !== 'bigint') {
      errors.push({ path: `/transfers/${i}/amount`, rule: 'bigint', message: 'Expected a bigint' });
    }
    if (t.metadata !== undefined && !isJson(t.metadata)) {
      errors.push({ path: `/transfers/${i}/metadata`, rule: 'json', message: 'Expected a JSON value' });
    }
  });
  if (errors.length > 0) throw LedgerBatchInvalid({ errors: errors.slice(0, 20) });
}

/**
 * A request with its transfers' idempotency fingerprints, computed when it arrives: a group
 * holds its accounts' locks from its lock to its commit, and every group waits for that, so
 * work that needs no lock is done before.
 */
interface Submitted {
  transfers: readonly TransferInput[];
  fingerprints: readonly string[];
  actor: TransferActor;
}

const submitted = (transfers: readonly TransferInput[], actor: LedgerActor): Submitted => ({
  transfers,
  fingerprints: transfers.map(requestHash),
  actor: storedActor(actor),
});

export function createLedger({ db, logger, commitConcurrency = 1, policy }: LedgerOptions): Ledger {
  const shards = new ShardDirectory();
  const facts = new AccountFactsCache();

  // Before any lock: what the policy reads (owners, who reserved a pending transfer) never
  // changes once written, and identity's answers are "now" either way.
  async function authorize(q: Queryable, actor: LedgerActor, transfers: readonly TransferInput[]) {
    if (actor.kind === 'system') return;
    const accountIds = new Set<string>();
    const pendingIds: string[] = [];
    for (const t of transfers) {
      if (isUuid(t.debitAccountId)) accountIds.add(t.debitAccountId);
      if (isUuid(t.creditAccountId)) accountIds.add(t.creditAccountId);
      if (isResolution(t) && isUuid(t.pendingId)) pendingIds.push(t.pendingId);
    }
    const pendings = await loadPendingFacts(q, pendingIds);
    for (const p of pendings.values()) accountIds.add(p.debitAccountId);
    const denials = await authorizeTransfers({
      actor,
      transfers,
      accounts: await facts.load(q, accountIds),
      pendings,
      mints: (pluginId) => policy?.mints(pluginId) ?? [],
      directory: policy?.directory(q) ?? NOBODY,
    });
    if (denials.length > 0) {
      throw LedgerTransferForbidden({
        detail: denials[0]?.message,
        errors: denials
          .slice(0, 20)
          .map((d) => ({ path: `/transfers/${d.index}/${d.field}`, rule: d.rule, message: d.message })),
      });
    }
  }
  const hooks = new Set<PostedHook>();
  let sealer: Sealer | undefined;

  /** `written` is called once the batch's statements are done and only the commit is left. */
  async function run(tx: Transaction, requests: readonly Submitted[], written?: () => void) {
    const groups = requests.map((r) => r.transfers);
    const fingerprints = requests.map((r) => r.fingerprints);
    const actors = requests.map((r) => r.actor);
    const decision = await execute(tx, shards, { groups, fingerprints, actors }, async ({ transfers }) => {
      if (transfers.length > 0) for (const hook of hooks) await hook(tx, transfers);
    });
    written?.();
    return decision.results;
  }

  const retrying = <T>(fn: (tx: Transaction) => Promise<T>) => runInTransaction(db(), fn);

  const batcher = createBatcher<Submitted, TransferResult[]>({
    sizeOf: (request) => request.transfers.length,
    maxSize: MAX_BATCH,
    concurrency: commitConcurrency,
    // Outside any request's deadline: a group holds several requests' transfers, and one request
    // timing out must not roll back the others (a timed-out one may commit; transfer ids make
    // the client's retry safe).
    flush: (requests, release) => outsideRequestScope(() => flushGroup(requests, release)),
  });

  async function flushGroup(requests: Submitted[], release: () => void): Promise<TransferResult[][]> {
    try {
      const started = performance.now();
      // The next group may lock and write while this one waits for its commit (a WAL flush).
      // Overlapping only the commit keeps groups from queueing on each other's account locks,
      // which made two fully concurrent groups cost more CPU per request than one.
      const out = await retrying((tx) => run(tx, requests, release));
      logger?.debug({ requests: requests.length, ms: performance.now() - started }, 'ledger group commit');
      return out;
    } catch (error) {
      // One request's failure must not fail the others it was grouped with: run them alone.
      if (requests.length === 1 || isRetryable(error)) throw error;
      logger?.warn({ err: error, requests: requests.length }, 'ledger group commit failed; retrying requests alone');
      return Promise.all(requests.map((r) => retrying(async (tx) => (await run(tx, [r]))[0] ?? [])));
    }
  }

  const ledger: Ledger = {
    async transfer(tx, transfers, actor = SYSTEM_ACTOR) {
      assertBatch(transfers);
      await authorize(tx, actor, transfers);
      return (await run(tx, [submitted(transfers, actor)]))[0] ?? [];
    },
    async submit(transfers, actor = SYSTEM_ACTOR) {
      assertBatch(transfers);
      await authorize(db(), actor, transfers);
      return batcher.submit(submitted(transfers, actor));
    },
    authorize,
    async authorizeOpening(q, principal, owner, flags) {
      const refusal = await accountOpeningRefusal(principal, owner, flags, policy?.directory(q) ?? NOBODY);
      if (refusal) throw LedgerAccountForbidden({ detail: refusal.message, errors: [refusal] });
    },
    runInTransaction: retrying,
    createAccount: accounts.createAccount,
    getAccount: accounts.getAccount,
    closeAccount: accounts.closeAccount,
    getTransfer: accounts.getTransfer,
    listAssets: accounts.listAssets,
    registerAsset: accounts.registerAsset,
    onPosted(hook) {
      hooks.add(hook);
      return () => hooks.delete(hook);
    },
    async expirePending(limit = 1000) {
      const due = await db()
        .select({ id: ledgerPendingTransfers.transferId })
        .from(ledgerPendingTransfers)
        .where(
          and(
            eq(ledgerPendingTransfers.state, 'pending'),
            isNotNull(ledgerPendingTransfers.expiresAt),
            lte(ledgerPendingTransfers.expiresAt, sql`now()`),
          ),
        )
        .orderBy(asc(ledgerPendingTransfers.expiresAt))
        .limit(limit);
      if (due.length === 0) return 0;
      const decision = await retrying((tx) =>
        execute(tx, shards, { groups: [], fingerprints: [], actors: [], expire: due.map((d) => d.id) }),
      );
      return decision.expired.length;
    },
    sealNow() {
      sealer ??= new Sealer(db());
      return sealer.sealNow();
    },
    verify: () => verifyLedger(db()),
    startBackground({ intervalMs = 1000 } = {}) {
      const background = new Sealer(db());
      let stopped = false;
      let current: Promise<unknown> = Promise.resolve();
      const tick = async () => {
        try {
          await background.tick();
          await ledger.expirePending();
        } catch (error) {
          if (!stopped) logger?.warn({ err: error }, 'ledger background work failed; will retry');
        }
      };
      const timer = setInterval(() => {
        current = current.then(tick);
      }, intervalMs);
      timer.unref();
      return async () => {
        stopped = true;
        clearInterval(timer);
        await current;
        await batcher.drain();
      };
    },
  };
  return ledger;
}
