import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../db/database.js';
import { type EntryCursor, listEntryRows } from './accounts.js';
import { ledgerAccounts, ledgerEntries } from './schema.js';
import type { Entry } from './types.js';

/** The longest period one statement covers: a year and a day, so a calendar year always fits. */
export const MAX_STATEMENT_DAYS = 366;

/** What an entry did to the account's balance (`creditsPosted − debitsPosted`). */
export const balanceDelta = (e: Pick<Entry, 'side' | 'postedDelta'>): bigint =>
  e.side === 'credit' ? e.postedDelta : -e.postedDelta;

/** The account's row and its shards' rows: a sharded account's entries are spread over them. */
async function rowIdsOf(q: Queryable, accountId: string): Promise<string[]> {
  const shards = await q
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.shardOf, accountId));
  return [accountId, ...shards.map((s) => s.id)];
}

/**
 * The posted balance from every entry committed before `at`. Summed, not read from the totals of
 * the last entry before `at`: entries are numbered in lock order but stamped with their
 * transaction's start time, so a later version can carry an earlier time, and only the sum agrees
 * with the entries a statement lists.
 */
export async function balanceBefore(q: Queryable, rowIds: string[], at: Date): Promise<bigint> {
  const [row] = await q
    .select({
      balance: sql<string>`coalesce(sum(case when ${ledgerEntries.side} = 'credit' then ${ledgerEntries.postedDelta} else -${ledgerEntries.postedDelta} end), 0)::text`,
    })
    .from(ledgerEntries)
    .where(and(inArray(ledgerEntries.accountId, rowIds), lt(ledgerEntries.createdAt, at)));
  return BigInt(row?.balance ?? '0');
}

export interface StatementPage {
  opening: bigint;
  closing: bigint;
  /** `limit + 1` rows at most, in (row, version) order, like the entry list. */
  entries: Entry[];
}

/**
 * An account's statement for [from, to): the posted balance at `from` and at `to`, and one page
 * of the entries committed in between. Every page carries the whole period's balances, so
 * opening + Σ balance deltas of all pages = closing.
 */
export async function statementOf(
  q: Queryable,
  accountId: string,
  period: { from: Date; to: Date },
  limit: number,
  after: EntryCursor | null,
): Promise<StatementPage> {
  const rowIds = await rowIdsOf(q, accountId);
  const opening = await balanceBefore(q, rowIds, period.from);
  const closing = await balanceBefore(q, rowIds, period.to);
  const entries = await listEntryRows(q, accountId, limit, after, {
    where: and(gte(ledgerEntries.createdAt, period.from), lt(ledgerEntries.createdAt, period.to)),
  });
  return { opening, closing, entries };
}
