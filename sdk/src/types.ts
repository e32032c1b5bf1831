// Types only: every request/response shape comes from the server's own TypeBox schemas.
// Nothing here exists at runtime; `import type` keeps the built SDK free of @lifelong/core.
import type { Static } from '@sinclair/typebox';
import type {
  CreateGroupBody as CreateGroupBodySchema,
  GroupView as GroupViewSchema,
  InvitationBody as InvitationBodySchema,
  InvitationView as InvitationViewSchema,
  ListGroupsQuery as ListGroupsQuerySchema,
  MemberView as MemberViewSchema,
} from '../../core/src/groups/schemas.js';
import type { PageQuery as PageQuerySchema } from '../../core/src/http/pagination.js';
import type {
  PersonView as PersonViewSchema,
  RegisterPersonBody as RegisterPersonBodySchema,
  VerificationBody as VerificationBodySchema,
} from '../../core/src/identity/people-schemas.js';
import type { TRANSFER_STATUSES } from '../../core/src/ledger/types.js';

// ---- people ---------------------------------------------------------------------------------

export type RegisterPersonBody = Static<typeof RegisterPersonBodySchema>;
export type Person = Static<typeof PersonViewSchema>;
export type VerificationBody = Static<typeof VerificationBodySchema>;

// ---- sessions -------------------------------------------------------------------------------
// MIRRORS, CHECKED: the session schemas are module-private in core's session routes, and reading
// them through `typeof sessionRoutes` would drag hono, pino and drizzle types into the SDK's
// .d.ts. So they are written here and `session-types.check.ts` proves at compile time that they
// equal the types derived from the routes: a drift fails `npm run typecheck`.

/** `POST /v1/sessions` and `POST /v1/sessions/refresh`: a token pair. */
export interface IssuedSession {
  /** Send as `Authorization: Bearer <token>`. */
  token: string;
  expiresAt: string;
  /** Exchange at `POST /v1/sessions/refresh`; rotated on use. */
  refreshToken: string;
  refreshExpiresAt: string;
}
/** `POST /v1/sessions` body. */
export interface SignInBody {
  learnerNumber: string;
  password: string;
}
/** `GET /v1/me`. */
export interface Me {
  kind: 'person' | 'apiKey';
  id: string;
  name?: string;
  person?: Person;
  roles: { role: string; scope: { type: string; id?: string } }[];
}

// ---- groups ---------------------------------------------------------------------------------

export type CreateGroupBody = Static<typeof CreateGroupBodySchema>;
export type Group = Static<typeof GroupViewSchema>;
export type ListGroupsQuery = Static<typeof ListGroupsQuerySchema>;
export type Member = Static<typeof MemberViewSchema>;
export type InvitationBody = Static<typeof InvitationBodySchema>;
export type Invitation = Static<typeof InvitationViewSchema>;

// ---- pagination -----------------------------------------------------------------------------

export type PageQuery = Static<typeof PageQuerySchema>;
/** The body of every list route. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ---- ledger ---------------------------------------------------------------------------------
// LAST RESORT MIRRORS: the ledger route schemas (AccountView, EntryView, TransferBody,
// TransferView, the create-account body) are module-private in core/src/ledger/routes.ts and the
// routes are typed `RouteGroup`, so their types cannot be read from core. These mirror them by
// hand until core exports them (see docs/sdk.md); keep them in step with core/src/ledger/routes.ts.

export type OwnerType = 'person' | 'group' | 'institution' | 'region' | 'platform' | 'plugin';
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** MIRROR of the `POST /v1/ledger/accounts` body. */
export interface CreateAccountBody {
  asset: string;
  owner?: { type: OwnerType; id?: string | null };
  flags?: { debitsMustNotExceedCredits?: boolean; creditsMustNotExceedDebits?: boolean };
}

/** MIRROR of `AccountView`. Amounts are minor units as decimal strings. */
export interface Account {
  id: string;
  asset: string;
  owner: { type: string; id: string | null };
  kind: 'standard' | 'issuance';
  flags: { debitsMustNotExceedCredits: boolean; creditsMustNotExceedDebits: boolean; closed: boolean };
  debitsPending: string;
  debitsPosted: string;
  creditsPending: string;
  creditsPosted: string;
  balance: string;
  version: number;
  createdAt: string;
}

/** MIRROR of `EntryView`. */
export interface Entry {
  accountId: string;
  version: number;
  transferId: string;
  kind: string;
  side: 'debit' | 'credit';
  pendingDelta: string;
  postedDelta: string;
  debitsPending: string;
  debitsPosted: string;
  creditsPending: string;
  creditsPosted: string;
  createdAt: string;
}

/** MIRROR of `TransferBody`: `id` (a UUID you choose) is the transfer's idempotency key. */
export interface TransferRequest {
  id: string;
  debitAccountId?: string;
  creditAccountId?: string;
  amount?: string;
  code: number;
  flags?: { pending?: boolean; postPending?: boolean; voidPending?: boolean; linked?: boolean };
  pendingId?: string;
  timeoutSeconds?: number;
  metadata?: unknown;
}

/** MIRROR of the `POST /v1/ledger/transfers` answer item. */
export interface TransferResult {
  id: string;
  status: TransferStatus;
}

/** MIRROR of `TransferView`. */
export interface Transfer {
  id: string;
  seq: number;
  debitAccountId: string;
  creditAccountId: string;
  amount: string;
  asset: string;
  code: number;
  kind: string;
  linked: boolean;
  pendingId: string | null;
  timeoutSeconds: number;
  metadata: unknown;
  createdAt: string;
  pendingState?: string;
  expiresAt?: string | null;
}
