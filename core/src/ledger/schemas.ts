// The ledger's HTTP schemas: what its routes validate and answer, and what the SDK's types are
// derived from. Types only from ./types.js, so this module (and the `@lifelong/core/schemas`
// entry) loads no database or server code.
import { type Static, Type } from '@sinclair/typebox';
import { UUID_PATTERN } from '../ids/uuid.js';
import { MAX_BATCH, MAX_TIMEOUT_SECONDS, OWNER_TYPES, TRANSFER_STATUSES } from './types.js';

const Id = Type.String({ pattern: UUID_PATTERN, description: 'UUID' });
const AmountString = Type.String({
  pattern: '^(0|[1-9][0-9]{0,18})$',
  description: 'Minor units as a decimal string (bigint).',
});
const AssetCode = Type.String({ pattern: '^[A-Z][A-Z0-9_]{0,15}$' });
const DateTime = Type.String({ format: 'date-time' });

// A UUID (person, group, institution) or a region or plugin id: the shapes an owner id can have.
const OWNER_ID_PATTERN =
  '^([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}|[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?)$';

export const AccountOwnerInput = Type.Object(
  {
    type: Type.Union(OWNER_TYPES.map((t) => Type.Literal(t))),
    id: Type.Optional(
      Type.Union([Type.String({ minLength: 1, maxLength: 200, pattern: OWNER_ID_PATTERN }), Type.Null()], {
        description:
          'Required unless the owner is the platform (then absent or null): the UUID of the person, group or ' +
          "institution, the region's id, or the plugin's id. An unknown owner is a 400 (rule `ownerExists`).",
      }),
    ),
  },
  { additionalProperties: false },
);

/** `POST /v1/ledger/accounts`. */
export const CreateAccountBody = Type.Object(
  {
    asset: AssetCode,
    owner: Type.Optional(AccountOwnerInput),
    flags: Type.Optional(
      Type.Object(
        {
          debitsMustNotExceedCredits: Type.Optional(Type.Boolean()),
          creditsMustNotExceedDebits: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type CreateAccountBody = Static<typeof CreateAccountBody>;

export const AccountView = Type.Object({
  id: Id,
  asset: AssetCode,
  owner: Type.Object({ type: Type.String(), id: Type.Union([Type.String(), Type.Null()]) }),
  kind: Type.Union([Type.Literal('standard'), Type.Literal('issuance')]),
  flags: Type.Object({
    debitsMustNotExceedCredits: Type.Boolean(),
    creditsMustNotExceedDebits: Type.Boolean(),
    closed: Type.Boolean(),
  }),
  debitsPending: AmountString,
  debitsPosted: AmountString,
  creditsPending: AmountString,
  creditsPosted: AmountString,
  balance: Type.String({ description: 'creditsPosted − debitsPosted (may be negative).' }),
  version: Type.Integer(),
  createdAt: DateTime,
  openedBy: Type.Union([Type.String(), Type.Null()], {
    description:
      'The plugin that opened the account (e.g. `credit-bank`); null when the platform or an API caller did.',
  }),
  purpose: Type.Union([Type.String(), Type.Null()], {
    description: 'What the account is for, as its opener named it (`wallet`, `teaching-revenue`, ...), or null.',
  }),
});
export type AccountView = Static<typeof AccountView>;

/**
 * `GET /v1/ledger/accounts`: whose accounts. Both absent: the caller's own (a person's, or an API
 * key's institution's). `ownerId` is required with any `ownerType` but `platform`.
 */
export const AccountListQuery = Type.Object(
  {
    ownerType: Type.Optional(
      Type.Union(
        OWNER_TYPES.map((t) => Type.Literal(t)),
        {
          description:
            "Whose accounts. Omitted (with ownerId): the caller's own, which callers other than people and institution API keys do not have (400, rule `ownerOfCaller`); required with ownerId (rule `ownerComplete`).",
        },
      ),
    ),
    ownerId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        pattern: OWNER_ID_PATTERN,
        description:
          "The owner's id, as in `owner.id`: required with every ownerType but `platform` (400, rule `ownerComplete`), absent with it (rule `mustBeAbsent`).",
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Page size.' })),
    cursor: Type.Optional(
      Type.String({ maxLength: 512, pattern: '^[A-Za-z0-9_-]+$', description: 'From the previous page.' }),
    ),
  },
  { additionalProperties: false },
);
export type AccountListQuery = Static<typeof AccountListQuery>;

/** `GET /v1/ledger/accounts/{accountId}/statement`: the period [from, to) and a page of it. */
export const StatementQuery = Type.Object(
  {
    from: Type.String({ format: 'date-time', maxLength: 40, description: 'Start of the period (included).' }),
    to: Type.Optional(
      Type.String({
        format: 'date-time',
        maxLength: 40,
        description:
          'End of the period (excluded); default now. After `from` (400, rule `afterFrom`) and at most 366 days after it (rule `maxPeriod`). Both dates lie in the years 1–9999 (rule `range`).',
      }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Page size.' })),
    cursor: Type.Optional(
      Type.String({ maxLength: 512, pattern: '^[A-Za-z0-9_-]+$', description: 'From the previous page.' }),
    ),
  },
  { additionalProperties: false },
);
export type StatementQuery = Static<typeof StatementQuery>;

export const EntryView = Type.Object({
  accountId: Id,
  version: Type.Integer(),
  transferId: Id,
  kind: Type.String(),
  side: Type.Union([Type.Literal('debit'), Type.Literal('credit')]),
  pendingDelta: Type.String(),
  postedDelta: Type.String(),
  debitsPending: AmountString,
  debitsPosted: AmountString,
  creditsPending: AmountString,
  creditsPosted: AmountString,
  createdAt: DateTime,
});
export type EntryView = Static<typeof EntryView>;

/** An entry of a statement: the entry and what it did to the balance. */
export const StatementEntryView = Type.Object({
  ...EntryView.properties,
  balanceDelta: Type.String({ description: 'What the entry did to the posted balance (negative for a debit).' }),
});
export type StatementEntryView = Static<typeof StatementEntryView>;

/**
 * A page of an account's statement. Every page carries the whole period's opening and closing
 * balances: opening + the balance deltas of all its pages' entries = closing.
 */
export const StatementView = Type.Object({
  accountId: Id,
  asset: AssetCode,
  from: DateTime,
  to: DateTime,
  openingBalance: Type.String({ description: 'The posted balance at `from`.' }),
  closingBalance: Type.String({ description: 'The posted balance at `to`.' }),
  items: Type.Array(StatementEntryView),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});
export type StatementView = Static<typeof StatementView>;

/** One transfer of a batch; `id` (chosen by the caller) is its idempotency key. */
export const TransferBody = Type.Object(
  {
    id: Id,
    debitAccountId: Type.Optional(Id),
    creditAccountId: Type.Optional(Id),
    amount: Type.Optional(AmountString),
    code: Type.Integer({ minimum: 1, maximum: 65535, description: 'Reason code.' }),
    flags: Type.Optional(
      Type.Object(
        {
          pending: Type.Optional(Type.Boolean()),
          postPending: Type.Optional(Type.Boolean()),
          voidPending: Type.Optional(Type.Boolean()),
          linked: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
    pendingId: Type.Optional(Id),
    timeoutSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_TIMEOUT_SECONDS })),
    metadata: Type.Optional(Type.Unknown({ description: 'JSON, at most 4 KiB.' })),
  },
  { additionalProperties: false },
);
export type TransferBody = Static<typeof TransferBody>;

/** `POST /v1/ledger/transfers`. */
export const TransferBatchBody = Type.Object(
  { transfers: Type.Array(TransferBody, { minItems: 1, maxItems: MAX_BATCH }) },
  { additionalProperties: false },
);
export type TransferBatchBody = Static<typeof TransferBatchBody>;

export const TransferResultView = Type.Object({
  id: Id,
  status: Type.Union(TRANSFER_STATUSES.map((s) => Type.Literal(s))),
});
export type TransferResultView = Static<typeof TransferResultView>;

/** The answer to `POST /v1/ledger/transfers`: one result per transfer, in order. */
export const TransferBatchView = Type.Object({ results: Type.Array(TransferResultView) });
export type TransferBatchView = Static<typeof TransferBatchView>;

export const TransferView = Type.Object({
  id: Id,
  seq: Type.Integer(),
  debitAccountId: Id,
  creditAccountId: Id,
  amount: AmountString,
  asset: AssetCode,
  code: Type.Integer(),
  kind: Type.String(),
  linked: Type.Boolean(),
  pendingId: Type.Union([Id, Type.Null()]),
  timeoutSeconds: Type.Integer(),
  metadata: Type.Unknown(),
  createdAt: DateTime,
  actor: Type.Object(
    {
      type: Type.Union([
        Type.Literal('person'),
        Type.Literal('apiKey'),
        Type.Literal('plugin'),
        Type.Literal('system'),
      ]),
      id: Type.Union([Type.String(), Type.Null()], { description: "The person's, API key's or plugin's id." }),
      plugin: Type.Union([Type.String(), Type.Null()], { description: 'The plugin whose code posted it.' }),
      requestId: Type.Union([Type.String(), Type.Null()]),
    },
    { description: 'Who posted the transfer (on whose authority), and in which request.' },
  ),
  pendingState: Type.Optional(Type.String()),
  expiresAt: Type.Optional(Type.Union([DateTime, Type.Null()])),
});
export type TransferView = Static<typeof TransferView>;

export const AccountParams = Type.Object({ accountId: Id });
export const TransferParams = Type.Object({ transferId: Id });

/** `GET /v1/ledger/assets`: the registered assets and the issuance (mint) account of each. */
export const AssetList = Type.Object({
  items: Type.Array(
    Type.Object({
      code: AssetCode,
      scale: Type.Integer({ minimum: 0, maximum: 18, description: 'Decimal places: CREDIT 1 stores 0.5 as 5.' }),
      issuanceAccountId: Type.String({
        pattern: UUID_PATTERN,
        description: 'Debiting it creates units (minting): see the ledger policy for who may.',
      }),
    }),
  ),
});
export type AssetList = Static<typeof AssetList>;
