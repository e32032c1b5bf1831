// Types only: every request/response shape comes from the server's own TypeBox schemas, read from
// `@lifelong/core/schemas` (an entry with nothing but schemas). `import type` keeps the built SDK
// free of @lifelong/core; the build inlines these types into the SDK's .d.ts.
import type {
  AccountOwnerInput as AccountOwnerInputSchema,
  AccountView as AccountViewSchema,
  CreateAccountBody as CreateAccountBodySchema,
  CreateGroupBody as CreateGroupBodySchema,
  EntryView as EntryViewSchema,
  GroupView as GroupViewSchema,
  GuardianBody as GuardianBodySchema,
  GuardianReassignmentBody as GuardianReassignmentBodySchema,
  GuardiansView as GuardiansViewSchema,
  InvitationBody as InvitationBodySchema,
  InvitationView as InvitationViewSchema,
  IssuedSession as IssuedSessionSchema,
  ListGroupsQuery as ListGroupsQuerySchema,
  MemberView as MemberViewSchema,
  MeView as MeViewSchema,
  PageQuery as PageQuerySchema,
  PersonView as PersonViewSchema,
  PluginView as PluginViewSchema,
  RegionPluginBody as RegionPluginBodySchema,
  RegionPluginView as RegionPluginViewSchema,
  RegisterPersonBody as RegisterPersonBodySchema,
  RevocationBody as RevocationBodySchema,
  SignInBody as SignInBodySchema,
  TransferBatchView as TransferBatchViewSchema,
  TransferBody as TransferBodySchema,
  TransferResultView as TransferResultViewSchema,
  TransferView as TransferViewSchema,
  VerificationBody as VerificationBodySchema,
} from '@lifelong/core/schemas';
import type { Static } from '@sinclair/typebox';

// ---- people ---------------------------------------------------------------------------------

export type RegisterPersonBody = Static<typeof RegisterPersonBodySchema>;
export type Person = Static<typeof PersonViewSchema>;
export type VerificationBody = Static<typeof VerificationBodySchema>;
export type RevocationBody = Static<typeof RevocationBodySchema>;
export type GuardianBody = Static<typeof GuardianBodySchema>;
export type GuardianReassignmentBody = Static<typeof GuardianReassignmentBodySchema>;
export type Guardians = Static<typeof GuardiansViewSchema>;

// ---- sessions -------------------------------------------------------------------------------

/** `POST /v1/sessions` and `POST /v1/sessions/refresh`: a token pair. */
export type IssuedSession = Static<typeof IssuedSessionSchema>;
/** `POST /v1/sessions` body. */
export type SignInBody = Static<typeof SignInBodySchema>;
/** `GET /v1/me`. */
export type Me = Static<typeof MeViewSchema>;

// ---- groups ---------------------------------------------------------------------------------

export type CreateGroupBody = Static<typeof CreateGroupBodySchema>;
export type Group = Static<typeof GroupViewSchema>;
export type ListGroupsQuery = Static<typeof ListGroupsQuerySchema>;
export type Member = Static<typeof MemberViewSchema>;
export type InvitationBody = Static<typeof InvitationBodySchema>;
export type Invitation = Static<typeof InvitationViewSchema>;

// ---- pagination -----------------------------------------------------------------------------

export type PageQuery = Static<typeof PageQuerySchema>;
/** The body of every list route (core's `Page(item)`, which is generic, so not a `Static<>`). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// ---- ledger ---------------------------------------------------------------------------------

export type OwnerType = Static<typeof AccountOwnerInputSchema>['type'];
/** `POST /v1/ledger/accounts` body. */
export type CreateAccountBody = Static<typeof CreateAccountBodySchema>;
/** An account and its totals. Amounts are minor units as decimal strings. */
export type Account = Static<typeof AccountViewSchema>;
export type Entry = Static<typeof EntryViewSchema>;
/** One transfer of a batch: `id` (a UUID you choose) is the transfer's idempotency key. */
export type TransferRequest = Static<typeof TransferBodySchema>;
export type TransferResult = Static<typeof TransferResultViewSchema>;
export type TransferStatus = TransferResult['status'];
/** The answer to `POST /v1/ledger/transfers`: one result per transfer, in order. */
export type TransferResults = Static<typeof TransferBatchViewSchema>;
export type Transfer = Static<typeof TransferViewSchema>;

// ---- plugin administration ------------------------------------------------------------------

/** An installed plugin (`GET /v1/plugins`). */
export type InstalledPlugin = Static<typeof PluginViewSchema>;
/** A plugin's state in a region, its config with defaults applied. */
export type RegionPluginState = Static<typeof RegionPluginViewSchema>;
/** `PUT /v1/regions/{regionId}/plugins/{pluginId}` body. */
export type RegionPluginUpdate = Static<typeof RegionPluginBodySchema>;
