import { isAllowed, isPlatformAdmin } from '../identity/authorize.js';
import type { AuthenticatedPrincipal } from '../identity/principal.js';
import type { LedgerActor, TransferActor } from './actor.js';
import type { AccountOwner, TransferInput } from './types.js';

/**
 * The ledger's authorization policy: who may debit which account. One function for the HTTP API
 * and for plugins' `ctx.ledger` alike, default deny. The table a region's auditor reads is in
 * docs/ledger.md ("Who may move credits"); this file is that table as code.
 *
 * Crediting an account needs no right (anyone may give); debiting it means acting for its owner.
 * Posting or voiding a pending transfer debits its debit account, so it needs the same right —
 * or being who reserved it.
 */

/** What the policy knows of an account: facts that never change once it is opened. */
export interface AccountFacts {
  id: string;
  asset: string;
  owner: AccountOwner;
  kind: 'standard' | 'issuance';
  /** No `debitsMustNotExceedCredits`: it may go negative (an issuance or a conversion account). */
  unbounded: boolean;
}

/** A committed pending transfer, as the policy needs it. */
export interface PendingFacts {
  id: string;
  debitAccountId: string;
  actor: TransferActor;
}

/** Questions about people, groups and institutions, answered by identity at the time of asking. */
export interface OwnerDirectory {
  /** Whether `guardianId` is a guardian of `personId` and `personId` is a minor now. */
  isGuardianOfMinor(guardianId: string, personId: string): Promise<boolean>;
  /** Whether the person holds one of the managing roles of the group's type. */
  managesGroup(personId: string, groupId: string): Promise<boolean>;
  /** Whether the institution is accredited now (not pending, not suspended). */
  isAccredited(institutionId: string): Promise<boolean>;
}

export interface PolicyInput {
  actor: LedgerActor;
  transfers: readonly TransferInput[];
  /** Facts of the accounts the transfers name (unknown ids are absent). */
  accounts: ReadonlyMap<string, AccountFacts>;
  /** Committed pending transfers the batch posts or voids (unknown ids are absent). */
  pendings: ReadonlyMap<string, PendingFacts>;
  /** The assets a plugin may mint (`definePlugin({ mints })`). */
  mints(pluginId: string): readonly string[];
  directory: OwnerDirectory;
}

/** Why one transfer of a batch is refused. */
export interface Denial {
  index: number;
  /** The field the refusal is about, relative to the transfer. */
  field: 'debitAccountId' | 'pendingId';
  rule: 'mayMint' | 'mayDebit' | 'mayResolvePending';
  message: string;
}

type Caller = AuthenticatedPrincipal;

const MINT_PERMISSION = 'ledger.transfers.mint';
const TRANSFER_PERMISSION = 'ledger.transfers.create';

/** A grant of `permission` whose scope is exactly this one (platform-wide grants do not count). */
function holdsIn(p: Caller, permission: string, scope: { type: 'region' | 'institution'; id: string }): boolean {
  return p.roles.some(
    (g) =>
      g.scope.type === scope.type &&
      g.scope.id === scope.id &&
      (g.permissions.includes('*') || g.permissions.includes(permission)),
  );
}

/** A post or void of a pending transfer: it debits the pending transfer's debit account. */
export function isResolution(t: TransferInput): boolean {
  return !!(t.flags?.postPending || t.flags?.voidPending);
}

function sameActor(actor: Exclude<LedgerActor, { kind: 'system' }>, creator: TransferActor): boolean {
  if (actor.kind === 'plugin') return creator.plugin === actor.pluginId;
  return creator.plugin === null && creator.type === actor.principal.kind && creator.id === actor.principal.id;
}

/**
 * Decides every transfer of a batch; returns the refusals (none: the batch may go ahead). The
 * directory's answers are memoised for the batch: a batch of thousands asks each question once.
 */
export async function authorizeTransfers(input: PolicyInput): Promise<Denial[]> {
  if (input.actor.kind === 'system') return [];
  // Bound after the check, so that the functions below see a caller or a plugin, never the system.
  const actor = input.actor;
  const { accounts, pendings } = input;
  const memo = new Map<string, Promise<boolean>>();
  const ask = (key: string, question: () => Promise<boolean>) => {
    let answer = memo.get(key);
    if (!answer) {
      answer = question();
      memo.set(key, answer);
    }
    return answer;
  };
  const directory: OwnerDirectory = {
    isGuardianOfMinor: (g, p) => ask(`guardian:${g}:${p}`, () => input.directory.isGuardianOfMinor(g, p)),
    managesGroup: (p, g) => ask(`manager:${p}:${g}`, () => input.directory.managesGroup(p, g)),
    isAccredited: (i) => ask(`accredited:${i}`, () => input.directory.isAccredited(i)),
  };

  async function callerMayMint(p: Caller): Promise<boolean> {
    if (isPlatformAdmin(p)) return true;
    // Region-wide and platform-wide issuers do not mint: credits come from an institution that
    // answers for them, accredited at the time of the award.
    if (p.kind === 'apiKey') {
      return !!p.institutionId && isAllowed(p, MINT_PERMISSION) && (await directory.isAccredited(p.institutionId));
    }
    for (const grant of p.roles) {
      if (grant.scope.type !== 'institution') continue;
      if (!grant.permissions.includes('*') && !grant.permissions.includes(MINT_PERMISSION)) continue;
      if (await directory.isAccredited(grant.scope.id)) return true;
    }
    return false;
  }

  /** Whether the caller acts for the account's owner. `viaPlugin`: a plugin's route acts for them. */
  async function callerActsFor(p: Caller, account: AccountFacts, viaPlugin: boolean): Promise<boolean> {
    const { owner } = account;
    const id = owner.id ?? '';
    switch (owner.type) {
      case 'person':
        return p.kind === 'person' && p.id === id;
      case 'group':
        return p.kind === 'person' && (await directory.managesGroup(p.id, id));
      case 'institution':
        if (p.kind === 'apiKey') return p.institutionId === id && (viaPlugin || isAllowed(p, TRANSFER_PERMISSION));
        // Staff: a grant scoped to the institution itself. Through a plugin's route any such
        // grant (the plugin checked its own permission); directly, the transfer permission.
        return viaPlugin
          ? p.roles.some((g) => g.scope.type === 'institution' && g.scope.id === id)
          : holdsIn(p, TRANSFER_PERMISSION, { type: 'institution', id });
      case 'region':
        if (isPlatformAdmin(p)) return true;
        return !account.unbounded && holdsIn(p, TRANSFER_PERMISSION, { type: 'region', id });
      case 'platform':
        return isPlatformAdmin(p);
      default:
        // A plugin's own accounts are its books: no caller debits them directly.
        return false;
    }
  }

  async function mayDebit(account: AccountFacts | undefined, t: TransferInput): Promise<Denial['rule'] | null> {
    if (actor.kind === 'plugin') {
      // Plugin code may name accounts that do not exist; the engine answers `accountNotFound`.
      if (!account) return null;
      if (account.kind === 'issuance') return input.mints(actor.pluginId).includes(account.asset) ? null : 'mayMint';
      if (account.owner.type === 'plugin') return account.owner.id === actor.pluginId ? null : 'mayDebit';
      // Conversion accounts (may go negative; only the platform or a plugin opens them) create
      // units like an issuance account does: only for an asset the plugin mints.
      if (account.unbounded && (account.owner.type === 'region' || account.owner.type === 'platform')) {
        return input.mints(actor.pluginId).includes(account.asset) ? null : 'mayMint';
      }
      if (actor.principal && (await callerActsFor(actor.principal, account, true))) return null;
      // A correction: units of an asset the plugin mints go back to that asset's issuance account.
      const credit = t.creditAccountId ? accounts.get(t.creditAccountId) : undefined;
      if (
        credit?.kind === 'issuance' &&
        credit.asset === account.asset &&
        input.mints(actor.pluginId).includes(credit.asset)
      )
        return null;
      return 'mayDebit';
    }
    const p = actor.principal;
    // Unknown accounts are refused like others' accounts (no existence oracle), except for the
    // platform admin, who may see every account anyway.
    if (!account) return isPlatformAdmin(p) ? null : 'mayDebit';
    if (account.kind === 'issuance') return (await callerMayMint(p)) ? null : 'mayMint';
    return (await callerActsFor(p, account, false)) ? null : 'mayDebit';
  }

  // Pending transfers reserved earlier in this very batch, by this actor.
  const reservedHere = new Set<string>();

  async function mayResolve(t: TransferInput): Promise<boolean> {
    const pendingId = t.pendingId as string;
    if (reservedHere.has(pendingId)) return true;
    const pending = pendings.get(pendingId);
    if (!pending) return actor.kind === 'plugin' || (actor.kind === 'principal' && isPlatformAdmin(actor.principal));
    if (sameActor(actor, pending.actor)) return true;
    const account = accounts.get(pending.debitAccountId);
    if ((await mayDebit(account, t)) === null) return true;
    // Guardians may release what is reserved on a minor's account, never spend it.
    const caller = actor.principal;
    return (
      !!t.flags?.voidPending &&
      caller?.kind === 'person' &&
      account?.owner.type === 'person' &&
      (await directory.isGuardianOfMinor(caller.id, account.owner.id ?? ''))
    );
  }

  const denials: Denial[] = [];
  for (const [index, t] of input.transfers.entries()) {
    if (t.flags?.pending) reservedHere.add(t.id);
    if (isResolution(t) && t.pendingId) {
      if (!(await mayResolve(t))) {
        denials.push({
          index,
          field: 'pendingId',
          rule: 'mayResolvePending',
          message: `You may not post or void pending transfer ${t.pendingId} (or there is no such pending transfer).`,
        });
      }
      continue;
    }
    // Without a debit account the engine answers `debitAccountIdRequired`.
    if (!t.debitAccountId || isResolution(t)) continue;
    const rule = await mayDebit(accounts.get(t.debitAccountId), t);
    if (rule === 'mayMint') {
      denials.push({
        index,
        field: 'debitAccountId',
        rule,
        message:
          actor.kind === 'plugin'
            ? `Plugin "${actor.pluginId}" does not declare minting ${accounts.get(t.debitAccountId)?.asset} (definePlugin({ mints })), which debiting an issuance or conversion account does.`
            : 'Minting needs "ledger.transfers.mint" on behalf of an institution that is accredited now.',
      });
    } else if (rule) {
      denials.push({
        index,
        field: 'debitAccountId',
        rule,
        message: `You may not debit account ${t.debitAccountId} (or there is no such account).`,
      });
    }
  }
  return denials;
}

/** Why an account may not be opened as asked: the field and the rule. */
export interface OpeningRefusal {
  path: '/body/owner' | '/body/flags';
  rule: 'mayOpenFor' | 'mayOpenUnbounded';
  message: string;
}

/**
 * Who may open which account through the HTTP API (plugins open accounts through `ctx.ledger`
 * as part of their own registration and are not asked). Only the platform admin opens accounts
 * that may go negative (conversion accounts) or that belong to the platform; others open bounded
 * accounts for themselves, their institution, a group they manage or their region.
 */
export async function accountOpeningRefusal(
  p: Caller,
  owner: AccountOwner,
  flags: { debitsMustNotExceedCredits?: boolean | undefined; creditsMustNotExceedDebits?: boolean | undefined },
  directory: Pick<OwnerDirectory, 'managesGroup'>,
): Promise<OpeningRefusal | null> {
  const forOwner = (message: string): OpeningRefusal => ({ path: '/body/owner', rule: 'mayOpenFor', message });
  if (owner.type === 'plugin') return forOwner("A plugin's accounts are opened by the plugin itself.");
  if (isPlatformAdmin(p)) return null;
  if (flags.debitsMustNotExceedCredits === false || flags.creditsMustNotExceedDebits) {
    return {
      path: '/body/flags',
      rule: 'mayOpenUnbounded',
      message:
        'Only the platform opens accounts that may go negative; omit the flags or set debitsMustNotExceedCredits.',
    };
  }
  const id = owner.id ?? '';
  const CREATE = 'ledger.accounts.create';
  switch (owner.type) {
    case 'person':
      return p.kind === 'person' && p.id === id
        ? null
        : forOwner("A person's accounts are opened by the person, the platform or a plugin, not by others.");
    case 'group':
      return p.kind === 'person' && (await directory.managesGroup(p.id, id))
        ? null
        : forOwner("A group's accounts are opened by its managers.");
    case 'institution':
      return (p.kind === 'apiKey' && p.institutionId === id) || holdsIn(p, CREATE, { type: 'institution', id })
        ? null
        : forOwner("An institution's accounts are opened by its own keys and staff.");
    case 'region':
      return holdsIn(p, CREATE, { type: 'region', id })
        ? null
        : forOwner("A region's accounts are opened by holders of ledger.accounts.create in that region.");
    default:
      return forOwner("The platform's accounts are opened by the platform admin.");
  }
}
