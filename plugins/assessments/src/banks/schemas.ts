import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Description, Id, Tag, Timestamp, Title } from '../shared/common-schemas.js';
import { ItemInput } from '../shared/items.js';

export const CreateBankBody = Type.Object(
  { title: Title, description: Type.Optional(Description) },
  { additionalProperties: false },
);
export type CreateBankBody = Static<typeof CreateBankBody>;

export const Bank = Type.Object({
  id: Id,
  regionId: Type.String(),
  ownerPersonId: Id,
  title: Type.String(),
  description: Type.String(),
  createdAt: Timestamp,
});
export type Bank = Static<typeof Bank>;
export const BankPage = Page(Bank);
export const BankListQuery = PageQuery;
export { BankParams } from '../shared/bank-params.js';
export const ItemParams = Type.Object({ bankId: Id, itemId: Id });

/** An item as its authors see it: the item as written, answer key included. */
export const Item = Type.Object({ id: Id, bankId: Id, createdAt: Timestamp, item: ItemInput });
export type Item = Static<typeof Item>;
export const ItemPage = Page(Item);
export const ItemListQuery = Type.Object(
  {
    ...PageQuery.properties,
    skill: Type.Optional(Tag),
    level: Type.Optional(Tag),
  },
  { additionalProperties: false },
);
export type ItemListQuery = Static<typeof ItemListQuery>;

export const ITEMS_FORMAT = 'lifelong.assessments.items';

/** The exchange format of items: a bank's export, another bank's import (docs/plugins/assessments.md). */
export const ItemsDocument = Type.Object(
  {
    format: Type.Literal(ITEMS_FORMAT),
    version: Type.Literal(1),
    items: Type.Array(ItemInput, { maxItems: 1000 }),
  },
  { additionalProperties: false },
);
export type ItemsDocument = Static<typeof ItemsDocument>;

/** An export has no size cap of its own (the bank's is the region's `maxItemsPerBank`). */
export const ItemsExport = Type.Object({
  format: Type.Literal(ITEMS_FORMAT),
  version: Type.Literal(1),
  items: Type.Array(ItemInput),
});

export const ImportResult = Type.Object({ imported: Type.Integer(), itemIds: Type.Array(Id) });
