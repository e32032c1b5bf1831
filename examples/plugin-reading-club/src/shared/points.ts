import { defineEvent, type PluginRequestContext } from '@lifelong/core';
import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import { pointAccounts } from '../schema.js';

/** Emitted when a member logs the sitting that finished a book (ids only, no personal data). */
export const BookFinished = defineEvent(
  'reading-club.book.finished',
  Type.Object({
    logId: Type.String(),
    clubId: Type.String(),
    personId: Type.String(),
    points: Type.String({ description: 'Points awarded, as a decimal string.' }),
  }),
);

/** Ledger transfer code for points awarded by reading clubs. */
export const POINTS_FOR_A_BOOK = 4100;

type Ctx = PluginRequestContext;

/** The person's POINT account, opened (and remembered in the plugin's own table) on first use. */
export async function pointAccountOf(ctx: Ctx, personId: string): Promise<string> {
  const [known] = await ctx.db.select().from(pointAccounts).where(eq(pointAccounts.personId, personId));
  if (known) return known.accountId;
  const account = await ctx.ledger.createAccount({ asset: 'POINT', owner: { type: 'person', id: personId } });
  await ctx.db.insert(pointAccounts).values({ personId, accountId: account.id });
  return account.id;
}

/**
 * Awards the region's `pointsPerBook` for a finished book, in the request's transaction: the log
 * entry, the posting and the event commit together or not at all. The log id is the transfer id,
 * so the same log can never be paid twice.
 */
export async function awardBook(ctx: Ctx, log: { id: string; clubId: string; personId: string }, points: number) {
  if (points <= 0) return;
  const point = (await ctx.ledger.assets()).find((asset) => asset.code === 'POINT');
  if (!point) throw new Error('The POINT asset is not registered');
  const [result] = await ctx.ledger.transfer([
    {
      id: log.id,
      debitAccountId: point.issuanceAccountId,
      creditAccountId: await pointAccountOf(ctx, log.personId),
      amount: BigInt(points),
      code: POINTS_FOR_A_BOOK,
      metadata: { clubId: log.clubId },
    },
  ]);
  if (result?.status !== 'created' && result?.status !== 'exists') {
    throw new Error(`Awarding points failed: ${result?.status}`);
  }
  await ctx.emit(
    BookFinished,
    { logId: log.id, clubId: log.clubId, personId: log.personId, points: String(points) },
    { key: log.personId },
  );
}

/** The person's POINT account (null before the first finished book) and its balance. */
export async function pointBalance(ctx: Ctx, personId: string): Promise<{ accountId: string | null; points: bigint }> {
  const [known] = await ctx.db.select().from(pointAccounts).where(eq(pointAccounts.personId, personId));
  const account = known ? await ctx.ledger.getAccount(known.accountId) : null;
  return { accountId: known?.accountId ?? null, points: account ? account.creditsPosted - account.debitsPosted : 0n };
}
