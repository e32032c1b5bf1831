import type { Context } from 'hono';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { Unauthenticated, ValidationFailed } from '../errors/core-errors.js';
import type { FieldError } from '../errors/lifelong-error.js';
import type { AppEnv } from '../http/app-env.js';
import { decodeCursor, isUuidKey, toPage } from '../http/pagination.js';
import { actorOf } from '../http/request-context.js';
import { type RouteGroup, route } from '../http/route.js';
import { isPlatformAdmin } from '../identity/authorize.js';
import type { AuthenticatedPrincipal } from '../identity/principal.js';
import { UUID_PATTERN } from '../ids/uuid.js';
import type { LedgerAccessPolicy } from './access-policy.js';
import { type EntryCursor, listAccountsOf, listEntryRows, ownersOf } from './accounts.js';
import * as contract from './contract.js';
import {
  LedgerAccountNotFound,
  LedgerAccountsForbidden,
  LedgerTransferForbidden,
  LedgerTransferNotFound,
} from './errors.js';
import type { Ledger } from './ledger.js';
import { listedOwner, statementPeriod } from './requests.js';
import type { AccountView, EntryView, TransferView } from './schemas.js';
import { balanceDelta, statementOf } from './statements.js';
import type { Account, AccountOwner, Entry, Transfer, TransferInput } from './types.js';

function accountView(a: Account): AccountView {
  return {
    id: a.id,
    asset: a.asset,
    owner: a.owner,
    kind: a.kind,
    flags: a.flags,
    debitsPending: a.debitsPending.toString(),
    debitsPosted: a.debitsPosted.toString(),
    creditsPending: a.creditsPending.toString(),
    creditsPosted: a.creditsPosted.toString(),
    balance: (a.creditsPosted - a.debitsPosted).toString(),
    version: a.version,
    createdAt: a.createdAt.toISOString(),
    openedBy: a.openedBy,
    purpose: a.purpose,
  };
}

function entryView(e: Entry): EntryView {
  return {
    ...e,
    pendingDelta: e.pendingDelta.toString(),
    postedDelta: e.postedDelta.toString(),
    debitsPending: e.debitsPending.toString(),
    debitsPosted: e.debitsPosted.toString(),
    creditsPending: e.creditsPending.toString(),
    creditsPosted: e.creditsPosted.toString(),
    createdAt: e.createdAt.toISOString(),
  };
}

function transferView(t: Transfer): TransferView {
  const { expiresAt, ...rest } = t;
  return {
    ...rest,
    amount: t.amount.toString(),
    createdAt: t.createdAt.toISOString(),
    ...(expiresAt !== undefined ? { expiresAt: expiresAt?.toISOString() ?? null } : {}),
  };
}

export interface LedgerRouteDeps {
  db: () => Database;
  ledger: Ledger;
  access: LedgerAccessPolicy;
  /** Checks an account's owner exists (and may hold the asset) before it is opened. */
  owners?: (owner: AccountOwner, asset: string) => Promise<FieldError | null>;
}

function principalOf(c: Context<AppEnv>): AuthenticatedPrincipal {
  const principal = c.get('principal');
  if (principal.kind === 'anonymous') throw Unauthenticated({ headers: { 'WWW-Authenticate': 'Bearer' } });
  return principal;
}

const isEntryCursor = (key: unknown): key is EntryCursor =>
  typeof key === 'object' &&
  key !== null &&
  typeof (key as EntryCursor).accountId === 'string' &&
  new RegExp(UUID_PATTERN).test((key as EntryCursor).accountId) &&
  Number.isSafeInteger((key as EntryCursor).version);

/** `/v1/ledger`: accounts, entries, transfer batches. */
export function ledgerRoutes({ db, ledger, access, owners }: LedgerRouteDeps): RouteGroup {
  // Reads check ownership in the handler: the owner is only known once the account is loaded.
  async function readableAccount(c: Context<AppEnv>, id: string): Promise<Account> {
    const principal = principalOf(c);
    const account = await ledger.getAccount(db(), id);
    if (!account || !(await access.canReadOwner(principal, account.owner))) {
      throw LedgerAccountNotFound({ detail: `No account ${id} you may see.` });
    }
    return account;
  }

  return {
    prefix: '',
    tag: 'Ledger',
    description: 'Double-entry credit ledger: accounts, entries and transfer batches.',
    routes: [
      route(contract.listAssets, async () => ({ status: 200, body: { items: await ledger.listAssets(db()) } })),
      route(contract.openAccount, async ({ body }, c) => {
        const flags = body.flags ?? {};
        if (body.owner && body.owner.type !== 'platform' && !body.owner.id) {
          throw ValidationFailed({
            errors: [
              { path: '/body/owner/id', rule: 'required', message: 'Required unless the owner is the platform' },
            ],
          });
        }
        if (flags.debitsMustNotExceedCredits && flags.creditsMustNotExceedDebits) {
          throw ValidationFailed({
            errors: [{ path: '/body/flags', rule: 'exclusive', message: 'At most one balance flag may be set' }],
          });
        }
        const owner: AccountOwner = body.owner
          ? { type: body.owner.type, id: body.owner.id ?? null }
          : { type: 'platform', id: null };
        const principal = principalOf(c);
        await ledger.authorizeOpening(db(), principal, owner, flags);
        if (owners) {
          const problem = await owners(owner, body.asset);
          if (problem) throw ValidationFailed({ errors: [problem] });
        }
        // Bounded unless the platform admin asked otherwise (the policy refused anyone else).
        const bounded = flags.debitsMustNotExceedCredits ?? !isPlatformAdmin(principal);
        // A request transaction, so that an Idempotency-Key's claim commits with the account.
        const account = await requestTransaction(db(), (tx) =>
          ledger.createAccount(tx, {
            asset: body.asset,
            owner,
            flags: { ...flags, debitsMustNotExceedCredits: bounded && !flags.creditsMustNotExceedDebits },
          }),
        );
        return { status: 201, body: accountView(account) };
      }),
      route(contract.listAccounts, async ({ query }, c) => {
        const principal = principalOf(c);
        const owner = listedOwner(principal, query);
        if (!(await access.canReadOwner(principal, owner))) {
          throw LedgerAccountsForbidden({ detail: `You may not see the accounts of ${owner.type} ${owner.id ?? ''}.` });
        }
        const limit = query.limit ?? 50;
        const after = query.cursor ? decodeCursor(query.cursor, isUuidKey).id : null;
        const rows = await listAccountsOf(db(), owner, limit, after);
        return { status: 200, body: toPage(rows, limit, (a) => ({ id: a.id }), accountView) };
      }),
      route(contract.getAccount, async ({ params }, c) => ({
        status: 200,
        body: accountView(await readableAccount(c, params.accountId)),
      })),
      route(contract.closeAccount, async ({ params }, c) => {
        const account = await requestTransaction(db(), async (tx) => {
          const before = await ledger.getAccount(tx, params.accountId);
          const closed = await ledger.closeAccount(tx, params.accountId);
          if (before && !before.flags.closed) {
            await recordAudit(tx, actorOf(c), {
              action: 'ledger.account.closed',
              subjectType: 'ledger-account',
              subjectId: closed.id,
              details: {
                asset: closed.asset,
                owner: closed.owner,
                balance: (closed.creditsPosted - closed.debitsPosted).toString(),
              },
            });
          }
          return closed;
        });
        return { status: 200, body: accountView(account) };
      }),
      route(contract.listEntries, async ({ params, query }, c) => {
        await readableAccount(c, params.accountId);
        const limit = query.limit ?? 50;
        const after = query.cursor ? decodeCursor(query.cursor, isEntryCursor) : null;
        const rows = await listEntryRows(db(), params.accountId, limit, after);
        return {
          status: 200,
          body: toPage(rows, limit, (e) => ({ accountId: e.accountId, version: e.version }), entryView),
        };
      }),
      route(contract.getStatement, async ({ params, query }, c) => {
        const account = await readableAccount(c, params.accountId);
        const period = statementPeriod(query, new Date());
        const limit = query.limit ?? 50;
        const after = query.cursor ? decodeCursor(query.cursor, isEntryCursor) : null;
        // One snapshot, so both balances and the entries agree even while transfers commit.
        const statement = await db().transaction((tx) => statementOf(tx, account.id, period, limit, after), {
          isolationLevel: 'repeatable read',
          accessMode: 'read only',
        });
        const page = toPage(
          statement.entries,
          limit,
          (e) => ({ accountId: e.accountId, version: e.version }),
          (e) => ({ ...entryView(e), balanceDelta: balanceDelta(e).toString() }),
        );
        return {
          status: 200,
          body: {
            accountId: account.id,
            asset: account.asset,
            from: period.from.toISOString(),
            to: period.to.toISOString(),
            openingBalance: statement.opening.toString(),
            closingBalance: statement.closing.toString(),
            ...page,
          },
        };
      }),
      route(contract.createTransfers, async ({ body }, c) => {
        const principal = principalOf(c);
        const transfers: TransferInput[] = body.transfers.map((t) => ({
          ...t,
          amount: t.amount === undefined ? undefined : BigInt(t.amount),
        }));
        try {
          const actor = { kind: 'principal', principal, requestId: c.get('requestId') } as const;
          return { status: 200, body: { results: await ledger.submit(transfers, actor) } };
        } catch (error) {
          // The ledger names transfers by index in the batch; over HTTP they sit in the body.
          if (LedgerTransferForbidden.is(error) && error.errors) {
            throw LedgerTransferForbidden({
              detail: error.detail,
              errors: error.errors.map((e) => ({ ...e, path: `/body${e.path}` })),
            });
          }
          throw error;
        }
      }),
      route(contract.getTransfer, async ({ params }, c) => {
        const principal = principalOf(c);
        const transfer = await ledger.getTransfer(db(), params.transferId);
        if (!transfer) throw LedgerTransferNotFound();
        const owners = await ownersOf(db(), [transfer.debitAccountId, transfer.creditAccountId]);
        let visible = false;
        for (const owner of owners.values()) {
          if (await access.canReadOwner(principal, owner as AccountOwner)) visible = true;
        }
        if (!visible) throw LedgerTransferNotFound();
        return { status: 200, body: transferView(transfer) };
      }),
    ],
  };
}
