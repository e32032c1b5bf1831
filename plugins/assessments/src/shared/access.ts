import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { BankNotFound } from '../errors.js';
import { type BankRow, banks } from './tables.js';

/** The bank's owner, or a holder of `assessments.author` in the bank's region. */
export function mayAuthor(ctx: Ctx, bank: BankRow): boolean {
  if (ctx.principal.kind === 'person' && ctx.principal.id === bank.ownerPersonId) return true;
  return ctx.can('author', { regionId: bank.regionId });
}

/**
 * The bank of the request's region the caller may author. Anyone else, like a bank of another
 * region, gets the same 404: a bank's existence is no one else's business.
 */
export async function authoredBank(ctx: Ctx, bankId: string, lock = false): Promise<BankRow> {
  const query = ctx.db
    .select()
    .from(banks)
    .where(and(eq(banks.id, bankId), eq(banks.regionId, ctx.regionId)));
  const [bank] = lock ? await query.for('update') : await query;
  if (!bank || !mayAuthor(ctx, bank)) {
    throw BankNotFound({ detail: `No item bank ${bankId} you may author in region "${ctx.regionId}".` });
  }
  return bank;
}
