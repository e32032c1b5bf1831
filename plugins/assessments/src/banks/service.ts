import { type FieldError, ValidationFailed } from '@lifelong/core';
import type { Ctx } from '../context.js';
import { personOf } from '../context.js';
import { BankFull, ItemNotFound } from '../errors.js';
import { authoredBank } from '../shared/access.js';
import type { ItemInput } from '../shared/items.js';
import { type CreateBankBody, ITEMS_FORMAT, type ItemListQuery, type ItemsDocument } from './schemas.js';
import {
  allItems,
  bankView,
  countItems,
  insertBank,
  insertItems,
  itemRow,
  itemView,
  listBanks as listBankRows,
  listItems as listItemRows,
} from './store.js';
import { itemErrors, withDefaults } from './validate.js';

// Banks' rules: people own the banks they create; the owner and the region's authors write items,
// read them with their keys, and move them between banks as items documents.

export async function createBank(ctx: Ctx, body: CreateBankBody) {
  const ownerPersonId = personOf(ctx);
  const row = await insertBank(ctx.db, {
    regionId: ctx.regionId,
    ownerPersonId,
    title: body.title,
    description: body.description ?? '',
    createdAt: ctx.now(),
  });
  return bankView(row);
}

export async function listBanks(ctx: Ctx, query: { limit?: number; cursor?: string }) {
  const all = ctx.can('author', { regionId: ctx.regionId });
  const ownerPersonId = ctx.principal.kind === 'person' ? ctx.principal.id : null;
  return listBankRows(ctx.db, { regionId: ctx.regionId, ownerPersonId, all }, query.limit ?? 50, query.cursor);
}

export async function getBank(ctx: Ctx, bankId: string) {
  return bankView(await authoredBank(ctx, bankId));
}

/** Adds items after checking every one (nothing is written when one is wrong) and the bank's cap. */
async function addItems(ctx: Ctx, bankId: string, contents: ItemInput[], at: (index: number) => string) {
  // The bank row is locked so that parallel additions cannot pass the cap together.
  const bank = await authoredBank(ctx, bankId, true);
  const errors: FieldError[] = contents.flatMap((item, i) => itemErrors(item, at(i)));
  if (errors.length > 0) throw ValidationFailed({ detail: errors[0]?.message, errors: errors.slice(0, 20) });
  const cap = ctx.config.maxItemsPerBank;
  const held = await countItems(ctx.db, bank.id);
  if (held + contents.length > cap) {
    throw BankFull({
      detail: `The bank holds ${held} of at most ${cap} items; ${contents.length} more do not fit.`,
      extensions: { maxItemsPerBank: cap, held },
    });
  }
  return insertItems(ctx.db, bank.id, contents.map(withDefaults), ctx.now());
}

export async function addItem(ctx: Ctx, bankId: string, item: ItemInput) {
  const [row] = await addItems(ctx, bankId, [item], () => '/body');
  if (!row) throw new Error('insert returned no row');
  return itemView(row);
}

export async function listItems(ctx: Ctx, bankId: string, query: ItemListQuery) {
  const bank = await authoredBank(ctx, bankId);
  return listItemRows(ctx.db, bank.id, query, query.limit ?? 50, query.cursor);
}

export async function getItem(ctx: Ctx, bankId: string, itemId: string) {
  const bank = await authoredBank(ctx, bankId);
  const row = await itemRow(ctx.db, bank.id, itemId);
  if (!row) throw ItemNotFound({ detail: `No item ${itemId} in bank ${bank.id}.` });
  return itemView(row);
}

export async function exportItems(ctx: Ctx, bankId: string) {
  const bank = await authoredBank(ctx, bankId);
  const rows = await allItems(ctx.db, bank.id);
  return { format: ITEMS_FORMAT, version: 1, items: rows.map((row) => row.content) } as const;
}

export async function importItems(ctx: Ctx, bankId: string, document: ItemsDocument) {
  const rows = await addItems(ctx, bankId, document.items, (i) => `/body/items/${i}`);
  return { imported: rows.length, itemIds: rows.map((row) => row.id) };
}
