import { paginate } from './pagination.js';
import type { CallOptions, Requester, SessionStore } from './transport.js';
import type {
  Account,
  CreateAccountBody,
  CreateGroupBody,
  Entry,
  Group,
  GuardianBody,
  GuardianReassignmentBody,
  Guardians,
  InstalledPlugin,
  Invitation,
  InvitationBody,
  IssuedSession,
  ListGroupsQuery,
  Me,
  Member,
  Page,
  Person,
  RegionPluginState,
  RegionPluginUpdate,
  RegisterPersonBody,
  RevocationBody,
  SignInBody,
  Transfer,
  TransferRequest,
  TransferResults,
  VerificationBody,
} from './types.js';

const seg = encodeURIComponent;

export function peopleModule(request: Requester) {
  return {
    /** `POST /v1/people`: register a person (region from the client's `region`). */
    register: (body: RegisterPersonBody, options?: CallOptions) =>
      request<Person>({ method: 'POST', path: '/v1/people', body, retry: 'create' }, options),
    /** `GET /v1/people/{learnerNumber}`. */
    get: (learnerNumber: string, options?: CallOptions) =>
      request<Person>({ method: 'GET', path: `/v1/people/${seg(learnerNumber)}` }, options),
    /** `POST /v1/people/{learnerNumber}/verification`: a registrar's decision (needs `people.verify`). */
    verify: (learnerNumber: string, body: VerificationBody, options?: CallOptions) =>
      request<Person>({ method: 'POST', path: `/v1/people/${seg(learnerNumber)}/verification`, body }, options),
    /** `POST /v1/people/{learnerNumber}/verification/revocation`: verified → revoked, with a reason (`people.verify`). */
    revokeVerification: (learnerNumber: string, body: RevocationBody, options?: CallOptions) =>
      request<Person>(
        { method: 'POST', path: `/v1/people/${seg(learnerNumber)}/verification/revocation`, body },
        options,
      ),
    /** `POST /v1/people/{learnerNumber}/guardians`: a guardian adds a co-guardian, or a registrar links one on evidence. */
    addGuardian: async (learnerNumber: string, body: GuardianBody, options?: CallOptions) => {
      await request<void>({ method: 'POST', path: `/v1/people/${seg(learnerNumber)}/guardians`, body }, options);
    },
    /** `PUT /v1/people/{learnerNumber}/guardians`: a registrar sets a minor's guardians on evidence (disputes). */
    setGuardians: (learnerNumber: string, body: GuardianReassignmentBody, options?: CallOptions) =>
      request<Guardians>({ method: 'PUT', path: `/v1/people/${seg(learnerNumber)}/guardians`, body }, options),
  };
}

export function sessionsModule(request: Requester, store: SessionStore | undefined) {
  return {
    /** `POST /v1/sessions`; the session is kept by the client (unless it uses a fixed token or API key). */
    signIn: async (body: SignInBody, options?: CallOptions) => {
      const session = await request<IssuedSession>(
        { method: 'POST', path: '/v1/sessions', body, anonymous: true },
        options,
      );
      store?.set(session);
      return session;
    },
    /** `POST /v1/sessions/refresh` with the stored (or given) refresh token. */
    refresh: async (refreshToken?: string, options?: CallOptions) => {
      const token = refreshToken ?? store?.get()?.refreshToken;
      if (!token) throw new TypeError('No refresh token: sign in first or pass one.');
      const session = await request<IssuedSession>(
        { method: 'POST', path: '/v1/sessions/refresh', body: { refreshToken: token }, anonymous: true },
        options,
      );
      store?.set(session);
      return session;
    },
    /** `DELETE /v1/sessions/current`. */
    signOut: async (options?: CallOptions) => {
      await request<void>({ method: 'DELETE', path: '/v1/sessions/current' }, options);
      store?.set(undefined);
    },
    /** `DELETE /v1/sessions`: every session of the signed-in person. */
    signOutEverywhere: async (options?: CallOptions) => {
      await request<void>({ method: 'DELETE', path: '/v1/sessions' }, options);
      store?.set(undefined);
    },
    /** `GET /v1/me`. */
    me: (options?: CallOptions) => request<Me>({ method: 'GET', path: '/v1/me' }, options),
    /** The session the client holds, if any. */
    current: () => store?.get(),
  };
}

export function groupsModule(request: Requester) {
  return {
    create: (body: CreateGroupBody, options?: CallOptions) =>
      request<Group>({ method: 'POST', path: '/v1/groups', body, retry: 'create' }, options),
    get: (groupId: string, options?: CallOptions) =>
      request<Group>({ method: 'GET', path: `/v1/groups/${seg(groupId)}` }, options),
    /** The caller's groups (or `member`'s), oldest first. */
    list: (filter: Omit<ListGroupsQuery, 'limit' | 'cursor'> = {}, options?: CallOptions) =>
      paginate<Group>(
        (query, o) => request<Page<Group>>({ method: 'GET', path: '/v1/groups', query: { ...filter, ...query } }, o),
        options,
      ),
    members: (groupId: string, options?: CallOptions) =>
      paginate<Member>(
        (query, o) => request<Page<Member>>({ method: 'GET', path: `/v1/groups/${seg(groupId)}/members`, query }, o),
        options,
      ),
    invite: (groupId: string, body: InvitationBody, options?: CallOptions) =>
      request<Invitation>(
        { method: 'POST', path: `/v1/groups/${seg(groupId)}/invitations`, body, retry: 'create' },
        options,
      ),
    /** The caller's pending invitations. */
    invitations: (options?: CallOptions) =>
      paginate<Invitation>(
        (query, o) => request<Page<Invitation>>({ method: 'GET', path: '/v1/invitations', query }, o),
        options,
      ),
    accept: (invitationId: string, options?: CallOptions) =>
      request<Invitation>({ method: 'POST', path: `/v1/invitations/${seg(invitationId)}/accept` }, options),
    decline: (invitationId: string, options?: CallOptions) =>
      request<Invitation>({ method: 'POST', path: `/v1/invitations/${seg(invitationId)}/decline` }, options),
    /** Leave a group (or remove `learnerNumber` from it, with the right role). */
    leave: (groupId: string, learnerNumber: string, options?: CallOptions) =>
      request<void>({ method: 'DELETE', path: `/v1/groups/${seg(groupId)}/members/${seg(learnerNumber)}` }, options),
  };
}

export function ledgerModule(request: Requester) {
  return {
    createAccount: (body: CreateAccountBody, options?: CallOptions) =>
      request<Account>({ method: 'POST', path: '/v1/ledger/accounts', body, retry: 'create' }, options),
    getAccount: (accountId: string, options?: CallOptions) =>
      request<Account>({ method: 'GET', path: `/v1/ledger/accounts/${seg(accountId)}` }, options),
    entries: (accountId: string, options?: CallOptions) =>
      paginate<Entry>(
        (query, o) =>
          request<Page<Entry>>({ method: 'GET', path: `/v1/ledger/accounts/${seg(accountId)}/entries`, query }, o),
        options,
      ),
    /**
     * `POST /v1/ledger/transfers`: a batch, one result per transfer. Each transfer's `id` is its
     * idempotency key: re-posting the same id yields `exists`, never a second transfer.
     */
    transfers: (transfers: TransferRequest[], options?: CallOptions) =>
      request<TransferResults>(
        { method: 'POST', path: '/v1/ledger/transfers', body: { transfers }, retry: 'create' },
        options,
      ),
    getTransfer: (transferId: string, options?: CallOptions) =>
      request<Transfer>({ method: 'GET', path: `/v1/ledger/transfers/${seg(transferId)}` }, options),
  };
}

/** Plugin administration: what is installed, and each plugin's state per region. */
export function pluginAdminModule(request: Requester) {
  return {
    /** `GET /v1/plugins`: every installed plugin, with the regions that enabled it. Public. */
    list: async (options?: CallOptions) =>
      (await request<{ items: InstalledPlugin[] }>({ method: 'GET', path: '/v1/plugins' }, options)).items,
    /** `GET /v1/regions/{regionId}/plugins/{pluginId}` (needs `plugins.manage` in the region). */
    get: (regionId: string, pluginId: string, options?: CallOptions) =>
      request<RegionPluginState>(
        { method: 'GET', path: `/v1/regions/${seg(regionId)}/plugins/${seg(pluginId)}` },
        options,
      ),
    /**
     * `PUT /v1/regions/{regionId}/plugins/{pluginId}`: enable, disable or configure (needs
     * `plugins.manage`). Without `config` the stored config is kept. Not retried: it is not a create.
     */
    set: (regionId: string, pluginId: string, body: RegionPluginUpdate, options?: CallOptions) =>
      request<RegionPluginState>(
        { method: 'PUT', path: `/v1/regions/${seg(regionId)}/plugins/${seg(pluginId)}`, body },
        options,
      ),
  };
}
