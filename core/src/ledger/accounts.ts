import { and, asc, eq, gt, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/database.js';
import { perDatabase } from '../db/prepared.js';
import { uuidv7 } from '../ids/uuidv7.js';
import type { TransferActor } from './actor.js';
import { LedgerAccountHasPending, LedgerAccountNotFound, LedgerAssetNotFound } from './errors.js';
import { ledgerAccounts, ledgerAssets, ledgerEntries, ledgerPendingTransfers, ledgerTransfers } from './schema.js';
import type { Account, AccountOwner, Asset, Entry, OwnerType, PendingState, Transfer, TransferKind } from './types.js';

export interface CreateAccountInput {
  asset: string;
  /** Default: the platform itself. */
  owner?: { type: OwnerType; id?: string | null | undefined } | undefined;
  flags?: { debitsMustNotExceedCredits?: boolean; creditsMustNotExceedDebits?: boolean } | undefined;
  /** Default: a new UUIDv7. */
  id?: string;
  /**
   * What the account is for (`wallet`, `teaching-revenue`): shown to its owner in their account
   * list. Lower-case words joined by `-`, at most 48 characters.
   */
  purpose?: string | undefined;
  /** The plugin opening it; the plugin runtime sets this, a plugin cannot choose it. */
  openedBy?: string | undefined;
}

const PURPOSE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

type AccountRow = typeof ledgerAccounts.$inferSelect;

function toAccount(main: AccountRow, rows: AccountRow[]): Account {
  const sum = (pick: (r: AccountRow) => bigint) => rows.reduce((total, r) => total + pick(r), 0n);
  return {
    id: main.id,
    asset: main.asset,
    owner: { type: main.ownerType as OwnerType, id: main.ownerId },
    kind: main.kind as Account['kind'],
    flags: {
      debitsMustNotExceedCredits: main.debitsMustNotExceedCredits,
      creditsMustNotExceedDebits: main.creditsMustNotExceedDebits,
      closed: main.closed,
    },
    debitsPending: sum((r) => r.debitsPending),
    debitsPosted: sum((r) => r.debitsPosted),
    creditsPending: sum((r) => r.creditsPending),
    creditsPosted: sum((r) => r.creditsPosted),
    version: rows.reduce((n, r) => n + r.version, 0),
    createdAt: main.createdAt,
    openedBy: main.openedBy,
    purpose: main.purpose,
  };
}

export async function listAssets(q: Queryable): Promise<Asset[]> {
  return q
    .select({ code: ledgerAssets.code, scale: ledgerAssets.scale, issuanceAccountId: ledgerAssets.issuanceAccountId })
    .from(ledgerAssets)
    .orderBy(asc(ledgerAssets.code));
}

/** An asset a plugin declares (`definePlugin({ assets })`): a code and a scale, as in `ledger_assets`. */
export interface AssetDeclaration {
  /** Upper-case letters, digits and `_`, at most 16 characters, e.g. `VOUCHER`. */
  code: string;
  /** Decimal places of one unit: 0 for whole units, 2 for cents. */
  scale: number;
}

/**
 * Registers an asset (with its sharded issuance account) unless it exists; an existing asset with
 * another scale is refused, because amounts already stored would change meaning. Two instances
 * starting at once serialise on an advisory lock instead of failing on the primary key.
 */
export async function registerAsset(q: Queryable, asset: AssetDeclaration): Promise<Asset> {
  if (
    !/^[A-Z][A-Z0-9_]{0,15}$/.test(asset.code) ||
    !Number.isInteger(asset.scale) ||
    asset.scale < 0 ||
    asset.scale > 18
  ) {
    throw new Error(`Asset ${JSON.stringify(asset)} is invalid: a code like "VOUCHER" and an integer scale 0-18`);
  }
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`lifelong-asset:${asset.code}`}))`);
  const find = async () => (await listAssets(q)).find((a) => a.code === asset.code);
  const known = await find();
  if (known) {
    if (known.scale !== asset.scale) {
      throw new Error(`Asset "${asset.code}" is registered with scale ${known.scale}, not ${asset.scale}`);
    }
    return known;
  }
  await q.execute(sql`select "core"."ledger_register_asset"(${asset.code}, ${asset.scale}::smallint, 8)`);
  return (await find()) as Asset;
}

export async function createAccount(q: Queryable, input: CreateAccountInput): Promise<Account> {
  const [asset] = await q.select().from(ledgerAssets).where(eq(ledgerAssets.code, input.asset));
  if (!asset) throw LedgerAssetNotFound({ detail: `No asset "${input.asset}" is registered.` });
  if (input.purpose !== undefined && (!PURPOSE.test(input.purpose) || input.purpose.length > 48)) {
    throw new Error(`Account purpose ${JSON.stringify(input.purpose)} must be lower-case words joined by "-", ≤ 48`);
  }
  const owner = input.owner ?? { type: 'platform' as const };
  const [row] = await q
    .insert(ledgerAccounts)
    .values({
      id: input.id ?? uuidv7(),
      asset: input.asset,
      ownerType: owner.type,
      ownerId: owner.id ?? null,
      debitsMustNotExceedCredits: input.flags?.debitsMustNotExceedCredits ?? false,
      creditsMustNotExceedDebits: input.flags?.creditsMustNotExceedDebits ?? false,
      openedBy: input.openedBy ?? null,
      purpose: input.purpose ?? null,
    })
    .returning();
  const created = row as AccountRow;
  return toAccount(created, [created]);
}

/**
 * Closes an account: from now on every transfer that debits or credits it is refused with
 * `accountClosed`, and its history and balance stay readable. Refused (409) while it has pending
 * amounts, which could otherwise never be posted or voided. Locks the account's rows (and its
 * shards') first, so a transfer in flight either commits before the close or sees it. Closing a
 * closed account changes nothing.
 */
export async function closeAccount(tx: Queryable, id: string): Promise<Account> {
  const rows = await tx
    .select()
    .from(ledgerAccounts)
    .where(or(eq(ledgerAccounts.id, id), eq(ledgerAccounts.shardOf, id)))
    .orderBy(asc(ledgerAccounts.id))
    .for('update');
  const main = rows.find((r) => r.id === id);
  if (!main || main.shardOf) throw LedgerAccountNotFound({ detail: `No account ${id}.` });
  const pending = rows.reduce((total, r) => total + r.debitsPending + r.creditsPending, 0n);
  if (pending !== 0n) {
    throw LedgerAccountHasPending({ extensions: { accountId: id, pending: pending.toString() } });
  }
  if (!main.closed) {
    await tx
      .update(ledgerAccounts)
      .set({ closed: true })
      .where(or(eq(ledgerAccounts.id, id), eq(ledgerAccounts.shardOf, id)));
  }
  return toAccount(
    { ...main, closed: true },
    rows.map((r) => ({ ...r, closed: true })),
  );
}

// Balance reads are the ledger's hottest query.
const accountRows = perDatabase((q: Queryable) =>
  q
    .select()
    .from(ledgerAccounts)
    .where(or(eq(ledgerAccounts.id, sql.placeholder('id')), eq(ledgerAccounts.shardOf, sql.placeholder('id'))))
    .prepare('lifelong_ledger_account'),
);

/** An account with its totals; a sharded (hot) account's totals are summed over its shards. */
export async function getAccount(q: Queryable, id: string): Promise<Account | null> {
  const rows = await accountRows(q).execute({ id });
  const main = rows.find((r) => r.id === id);
  if (!main || main.shardOf) return main ? toAccount(main, [main]) : null;
  return toAccount(main, rows);
}

export interface EntryCursor {
  accountId: string;
  version: number;
}

/**
 * Entries of an account (and of its shards), in (shard, version) order, `limit + 1` rows;
 * `filter.where` narrows them further (a statement's period).
 */
export async function listEntryRows(
  q: Queryable,
  accountId: string,
  limit: number,
  after: EntryCursor | null,
  filter: { where?: SQL | undefined } = {},
): Promise<Entry[]> {
  const shardRows = await q
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.shardOf, accountId));
  // UUIDs order as their lower-case text does, so this is the page order of the rows.
  const ids = [accountId, ...shardRows.map((r) => r.id)].map((id) => id.toLowerCase()).sort();
  const from = after?.accountId.toLowerCase();
  // One part per account row, each a range of the (account_id, version) index: equality on the
  // row and a plain version bound. A row comparison `(account_id, version) > (...)` over several
  // rows (as `= any(...)`, or on a row other than the cursor's) makes PostgreSQL walk each row's
  // whole history instead: seconds for the entries of a busy sharded (issuance) account.
  const parts = ids
    .filter((id) => from === undefined || id >= from)
    .map((id) =>
      q
        .select()
        .from(ledgerEntries)
        .where(
          and(
            eq(ledgerEntries.accountId, id),
            after && id === from ? gt(ledgerEntries.version, after.version) : undefined,
            filter.where,
          ),
        )
        .orderBy(asc(ledgerEntries.version))
        .limit(limit + 1),
    );
  const [first, second, ...rest] = parts;
  if (!first) return [];
  const rows = second
    ? await unionAll(first, second, ...rest)
        .orderBy(asc(ledgerEntries.accountId), asc(ledgerEntries.version))
        .limit(limit + 1)
    : await first;
  return rows.map((r) => ({ ...r, kind: r.kind as Entry['kind'], side: r.side as Entry['side'] }));
}

export async function getTransfer(q: Queryable, id: string): Promise<Transfer | null> {
  const [row] = await q
    .select({
      transfer: ledgerTransfers,
      state: ledgerPendingTransfers.state,
      expiresAt: ledgerPendingTransfers.expiresAt,
    })
    .from(ledgerTransfers)
    .leftJoin(ledgerPendingTransfers, eq(ledgerPendingTransfers.transferId, ledgerTransfers.id))
    .where(eq(ledgerTransfers.id, id));
  if (!row) return null;
  const { requestHash: _hash, actorType, actorId, actorPlugin, requestId, ...transfer } = row.transfer;
  return {
    ...transfer,
    kind: transfer.kind as TransferKind,
    actor: { type: actorType as TransferActor['type'], id: actorId, plugin: actorPlugin, requestId },
    ...(row.state ? { pendingState: row.state as PendingState, expiresAt: row.expiresAt } : {}),
  };
}

/** Owners of the accounts, for access checks (shards answer for their account). */
export async function ownersOf(q: Queryable, ids: string[]): Promise<Map<string, AccountOwner>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: ledgerAccounts.id, type: ledgerAccounts.ownerType, ownerId: ledgerAccounts.ownerId })
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.id, ids));
  return new Map(rows.map((r) => [r.id, { type: r.type as OwnerType, id: r.ownerId }]));
}

/**
 * One page (`limit + 1` rows) of an owner's accounts, by id; shards are not accounts of their
 * own and are left out, and a sharded account's totals are summed over its shards.
 */
export async function listAccountsOf(
  q: Queryable,
  owner: AccountOwner,
  limit: number,
  afterId: string | null,
): Promise<Account[]> {
  const mains = await q
    .select()
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.ownerType, owner.type),
        owner.id === null ? isNull(ledgerAccounts.ownerId) : eq(ledgerAccounts.ownerId, owner.id),
        isNull(ledgerAccounts.shardOf),
        afterId ? gt(ledgerAccounts.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(ledgerAccounts.id))
    .limit(limit + 1);
  const sharded = mains.filter((m) => m.kind === 'issuance').map((m) => m.id);
  const shards =
    sharded.length === 0 ? [] : await q.select().from(ledgerAccounts).where(inArray(ledgerAccounts.shardOf, sharded));
  return mains.map((m) => toAccount(m, [m, ...shards.filter((s) => s.shardOf === m.id)]));
}
