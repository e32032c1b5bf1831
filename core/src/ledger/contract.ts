import { defineContract } from '../http/contract.js';
import { Page, PageQuery } from '../http/page-schemas.js';
import { LedgerAccountsForbidden } from './errors.js';
import {
  AccountListQuery,
  AccountParams,
  AccountView,
  AssetList,
  CreateAccountBody,
  EntryView,
  StatementQuery,
  StatementView,
  TransferBatchBody,
  TransferBatchView,
  TransferParams,
  TransferView,
} from './schemas.js';

export const listAssets = defineContract({
  operationId: 'ledger.assets.list',
  method: 'get',
  path: '/v1/ledger/assets',
  summary: 'List the assets and their issuance (mint) accounts',
  description:
    'Every registered asset with its scale and the issuance account that minting debits. Knowing ' +
    'the id grants nothing: who may debit it is the ledger policy (docs/ledger.md).',
  access: { authenticated: 'any signed-in caller' },
  responses: { 200: { description: 'The assets, by code', schema: AssetList } },
});

export const openAccount = defineContract({
  operationId: 'ledger.accounts.open',
  method: 'post',
  path: '/v1/ledger/accounts',
  summary: 'Create an account',
  description:
    'Opens an account for yourself, your institution, a group you manage or (holding ' +
    '`ledger.accounts.create` there) your region. It cannot go negative ' +
    '(`debitsMustNotExceedCredits` is set) unless the platform admin opens it; platform and ' +
    'plugin accounts are opened by the platform and by plugins. See docs/ledger.md.',
  access: { permission: 'ledger.accounts.create' },
  request: {
    body: CreateAccountBody,
  },
  responses: {
    201: { description: 'The account', schema: AccountView },
    400: { description: 'Unknown asset, both balance flags, or invalid body (problem+json)' },
    403: { description: 'The caller may not open an account for this owner, or one that may go negative' },
  },
});

export const listAccounts = defineContract({
  operationId: 'ledger.accounts.list',
  method: 'get',
  path: '/v1/ledger/accounts',
  summary: "List an owner's accounts, across plugins",
  description:
    'Every account the owner holds, whichever plugin opened it, with its asset, totals, balance, ' +
    "opener (`openedBy`) and purpose, by id. Without `ownerType`/`ownerId` the caller's own: a " +
    "person's, or an institution API key's institution's. Another owner's needs the right to read " +
    "that owner's accounts (a guardian for a minor, a group's members, `ledger.accounts.read` " +
    'where the owner is: docs/ledger.md); otherwise 403, whether or not the owner exists. ' +
    'Paginated with `?limit=&cursor=`.',
  access: { authenticated: "the owner, or whoever may read the owner's accounts (docs/ledger.md)" },
  request: { query: AccountListQuery },
  responses: {
    200: { description: 'A page of accounts', schema: Page(AccountView) },
    400: { description: 'An owner id without its type, a type without its id, or no owner to default to' },
    403: { description: "The caller may not read this owner's accounts" },
  },
  errors: [LedgerAccountsForbidden],
});

export const getAccount = defineContract({
  operationId: 'ledger.accounts.get',
  method: 'get',
  path: '/v1/ledger/accounts/{accountId}',
  summary: 'Read an account and its totals',
  description: 'Visible to the owner, and to holders of `ledger.accounts.read` (see the access policy).',
  access: {
    authenticated: 'the owner of the account, or a holder of ledger.accounts.read where it is owned (docs/ledger.md)',
  },
  request: { params: AccountParams },
  responses: {
    200: { description: 'The account', schema: AccountView },
    404: { description: 'No such account, or not visible to the caller' },
  },
});

export const closeAccount = defineContract({
  operationId: 'ledger.accounts.close',
  method: 'post',
  path: '/v1/ledger/accounts/{accountId}/close',
  summary: 'Close an account',
  description:
    'Later transfers that debit or credit the account are refused with `accountClosed`; its ' +
    'history and balance stay readable. Refused (409) while it has pending amounts. Closing ' +
    'a closed account answers 200 and changes nothing. Audited.',
  // Platform-wide: closing any account is the operator's act, not an institution's.
  access: { permission: 'ledger.accounts.close', scope: 'platform' },
  request: { params: AccountParams },
  responses: {
    200: { description: 'The closed account', schema: AccountView },
    404: { description: 'No such account' },
    409: { description: 'The account has pending transfers' },
  },
});

export const listEntries = defineContract({
  operationId: 'ledger.accounts.entries.list',
  method: 'get',
  path: '/v1/ledger/accounts/{accountId}/entries',
  summary: "List an account's entries",
  description:
    'Every posting and pending change to the account, oldest first, with the running totals after each: ' +
    'for whoever may read the account (the owner, or `ledger.accounts.read` where it is owned). ' +
    'Paginated with `?limit=&cursor=`; an account the caller may not see is a 404, like an unknown one.',
  access: {
    authenticated: 'the owner of the account, or a holder of ledger.accounts.read where it is owned (docs/ledger.md)',
  },
  request: { params: AccountParams, query: PageQuery },
  responses: { 200: { description: 'A page of entries', schema: Page(EntryView) } },
});

export const getStatement = defineContract({
  operationId: 'ledger.accounts.statement',
  method: 'get',
  path: '/v1/ledger/accounts/{accountId}/statement',
  summary: "An account's statement for a period",
  description:
    'The posted balance at `from` (opening) and at `to` (closing, default now) and the entries ' +
    'committed in [from, to), each with what it did to the balance: opening + Σ balanceDelta = ' +
    'closing, summed over every page. At most 366 days per statement (400, rule `maxPeriod`). ' +
    'For whoever may read the account (as for its entries); otherwise 404, like an unknown one. ' +
    'Paginated with `?limit=&cursor=`; every page carries both balances.',
  access: {
    authenticated: 'the owner of the account, or a holder of ledger.accounts.read where it is owned (docs/ledger.md)',
  },
  request: { params: AccountParams, query: StatementQuery },
  responses: {
    200: { description: 'A page of the statement', schema: StatementView },
    400: { description: '`to` not after `from`, a period over 366 days, or a bad cursor' },
    404: { description: 'No such account, or not visible to the caller' },
  },
});

export const createTransfers = defineContract({
  operationId: 'ledger.transfers.create',
  method: 'post',
  path: '/v1/ledger/transfers',
  summary: 'Create a batch of transfers',
  description:
    'Each transfer gets its own result code; failed transfers change nothing. Every transfer ' +
    'must pass the ledger policy (docs/ledger.md, "Who may move credits"): debiting an account ' +
    'means acting for its owner, and minting (debiting an issuance account) needs ' +
    '`ledger.transfers.mint` on behalf of an institution accredited now. One refused transfer ' +
    'refuses the whole batch (403 `LEDGER_TRANSFER_FORBIDDEN`, naming each refused transfer) ' +
    'and nothing is applied. Each transfer records its actor.',
  access: { permission: 'ledger.transfers.create' },
  request: {
    body: TransferBatchBody,
  },
  responses: {
    200: {
      description: 'One result per transfer, in order',
      schema: TransferBatchView,
    },
    403: { description: 'A transfer debits an account the caller may not debit; nothing applied' },
  },
});

export const getTransfer = defineContract({
  operationId: 'ledger.transfers.get',
  method: 'get',
  path: '/v1/ledger/transfers/{transferId}',
  summary: 'Read a transfer',
  description: 'Visible to whoever may read its debit or credit account.',
  access: {
    authenticated: 'the owner of the account, or a holder of ledger.accounts.read where it is owned (docs/ledger.md)',
  },
  request: { params: TransferParams },
  responses: {
    200: { description: 'The transfer', schema: TransferView },
    404: { description: 'No such transfer, or not visible to the caller' },
  },
});
