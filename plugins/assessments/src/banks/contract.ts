import { defineContract } from '@lifelong/core/contract';
import { BankFull, BankNotFound, ItemNotFound, PeopleOnly } from '../errors.js';
import { ItemInput } from '../shared/items.js';
import {
  Bank,
  BankListQuery,
  BankPage,
  BankParams,
  CreateBankBody,
  ImportResult,
  Item,
  ItemListQuery,
  ItemPage,
  ItemParams,
  ItemsDocument,
  ItemsExport,
} from './schemas.js';

const authors = { authenticated: 'the bank’s owner, or assessments.author in its region' } as const;
const notYours = 'Anyone else, and banks of other regions, get 404 `ASSESSMENTS_BANK_NOT_FOUND` (no existence oracle).';

export const createBank = defineContract({
  operationId: 'banks.create',
  method: 'post',
  path: '/banks',
  summary: 'Create an item bank (the caller owns it)',
  description:
    "Any signed-in person creates banks of their own in the request's region; API keys get 403 " +
    '`ASSESSMENTS_PEOPLE_ONLY` (a bank needs a person to own it).',
  access: { authenticated: 'any signed-in person' },
  request: { body: CreateBankBody },
  responses: { 201: { description: 'The bank', schema: Bank } },
  errors: [PeopleOnly],
});

export const listBanks = defineContract({
  operationId: 'banks.list',
  method: 'get',
  path: '/banks',
  summary: 'The banks I may author, oldest first',
  description:
    "The caller's own banks in the request's region, or every bank of the region for holders of " +
    '`assessments.author` there; a page at a time (`?limit=&cursor=`).',
  access: { authenticated: 'any signed-in principal' },
  request: { query: BankListQuery },
  responses: { 200: { description: 'A page of banks', schema: BankPage } },
});

export const getBank = defineContract({
  operationId: 'banks.get',
  method: 'get',
  path: '/banks/{bankId}',
  summary: 'One item bank',
  description: `For its authors. ${notYours}`,
  access: authors,
  request: { params: BankParams },
  responses: { 200: { description: 'The bank', schema: Bank } },
  errors: [BankNotFound],
});

export const addItem = defineContract({
  operationId: 'banks.items.create',
  method: 'post',
  path: '/banks/{bankId}/items',
  summary: 'Add an item (single or multiple choice, numeric, short answer or ordering)',
  description:
    `For the bank's authors. ${notYours} Besides the schema, the key must fit the options (400 naming ` +
    'the field: `optionExists`, `uniqueOptionId`, `permutation`, `notBlank`). A bank holds at most the ' +
    "region's `maxItemsPerBank` items (409 `ASSESSMENTS_BANK_FULL`).",
  access: authors,
  request: { params: BankParams, body: ItemInput },
  responses: { 201: { description: 'The item, key included', schema: Item } },
  errors: [BankNotFound, BankFull],
});

export const listItems = defineContract({
  operationId: 'banks.items.list',
  method: 'get',
  path: '/banks/{bankId}/items',
  summary: 'The bank’s items, oldest first, keys included (authors only)',
  description: `For the bank's authors; \`skill\` and \`level\` filter by tag. ${notYours}`,
  access: authors,
  request: { params: BankParams, query: ItemListQuery },
  responses: { 200: { description: 'A page of items', schema: ItemPage } },
  errors: [BankNotFound],
});

export const getItem = defineContract({
  operationId: 'banks.items.get',
  method: 'get',
  path: '/banks/{bankId}/items/{itemId}',
  summary: 'One item, key included (authors only)',
  description: `For the bank's authors. ${notYours} An item of another bank is 404 \`ASSESSMENTS_ITEM_NOT_FOUND\`.`,
  access: authors,
  request: { params: ItemParams },
  responses: { 200: { description: 'The item', schema: Item } },
  errors: [BankNotFound, ItemNotFound],
});

export const exportItems = defineContract({
  operationId: 'banks.export',
  method: 'get',
  path: '/banks/{bankId}/export',
  summary: 'Export every item of the bank as an items document (keys included)',
  description:
    `For the bank's authors. ${notYours} The document (\`format: "lifelong.assessments.items"\`, ` +
    '`version: 1`) is what `banks.import` accepts; ids are not exported, an import makes new items.',
  access: authors,
  request: { params: BankParams },
  responses: { 200: { description: 'The items document', schema: ItemsExport } },
  errors: [BankNotFound],
});

export const importItems = defineContract({
  operationId: 'banks.import',
  method: 'post',
  path: '/banks/{bankId}/import',
  summary: 'Import an items document into the bank (all items or none)',
  description:
    `For the bank's authors. ${notYours} The document is checked whole before anything is written: ` +
    'a 400 names each bad field (`/body/items/3/key/correctOptionId`). At most 1000 items per document, ' +
    "and the bank's total stays within `maxItemsPerBank` (409 `ASSESSMENTS_BANK_FULL`).",
  access: authors,
  request: { params: BankParams, body: ItemsDocument },
  responses: { 201: { description: 'What was imported', schema: ImportResult } },
  errors: [BankNotFound, BankFull],
});
