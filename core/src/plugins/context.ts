import { AsyncLocalStorage } from 'node:async_hooks';
import type { Static, TObject } from '@sinclair/typebox';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import type { Actor } from '../audit/record.js';
import type { Queryable, Transaction } from '../db/database.js';
import type { LifelongError } from '../errors/lifelong-error.js';
import type { EmitOptions, EventItem } from '../events/emit.js';
import type { EventRef } from '../events/event-ref.js';
import type { PluginFiles } from '../files/plugin-files.js';
import type { AppEnv } from '../http/app-env.js';
import type { Target } from '../identity/authorize.js';
import type { Principal } from '../identity/principal.js';
import type { CreateAccountInput } from '../ledger/accounts.js';
import type { Account, Asset, TransferInput, TransferResult } from '../ledger/types.js';
import type { NotificationRef } from '../notifications/notification-ref.js';
import type { NotifyOptions } from '../notifications/notifier.js';
import type { Owners } from './conflict-of-interest.js';
import type { PluginIdentity } from './core-services.js';
import type { TransferOrThrowOptions } from './ledger-outcome.js';
import type { ServiceRef } from './refs.js';

/** The transaction a plugin's code is running in, and the role it runs as. */
export interface Scope {
  tx: Transaction;
  role: string | null;
  /** The request being served, if any: the ledger policy acts for its caller. */
  request?: { principal: Principal; requestId: string } | undefined;
}

/** Carries the current transaction through a plugin's code, so `ctx.db` is always the right one. */
export const pluginScope = new AsyncLocalStorage<Scope>();

/** What every plugin hook gets: its own data, the core's services, its dependencies' services. */
export interface PluginContext<C extends TObject = TObject> {
  readonly pluginId: string;
  /**
   * The current transaction, running as the plugin's PostgreSQL role: the plugin's own schema is
   * reachable, other plugins' and the core's tables are not. Everything a request handler or event
   * handler writes commits or rolls back together.
   */
  readonly db: Queryable;
  /** A savepoint inside the current transaction: `fn`'s writes roll back alone if it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  readonly logger: Logger;
  /** The plugin's configuration for a region, defaults applied. */
  configFor(regionId: string): Promise<Static<C>>;
  /** Core identity services, in the current transaction. */
  readonly identity: PluginIdentity;
  /**
   * The credit ledger, in the current transaction: postings commit or roll back with the plugin's
   * own rows. Transfers go through the ledger's policy (docs/ledger.md) with this plugin as the
   * actor, on behalf of the request's caller: the plugin debits its own accounts, mints only the
   * assets it declares (`definePlugin({ mints })`), and debits a person's, group's or
   * institution's account only for a caller who acts for that owner. A refusal throws
   * `LEDGER_TRANSFER_FORBIDDEN` (403) and applies nothing.
   */
  readonly ledger: PluginLedger;
  /**
   * Writes an event in the current transaction (delivered after it commits, never if it rolls
   * back). In a request, `regionId` defaults to the request's region.
   */
  emit<T>(event: EventRef<T>, payload: NoInfer<T>, options?: EmitOptions): Promise<string>;
  /**
   * Many events of one kind in the current transaction, in a few statements (bulk work such as
   * imports), in order; all or nothing. In a request, `regionId` defaults to the request's region.
   */
  emitMany<T>(event: EventRef<T>, items: readonly EventItem<NoInfer<T>>[]): Promise<string[]>;
  /**
   * Puts a notification (declared in `definePlugin({ notifications })`) in each person's inbox, in
   * the current transaction: a rolled-back change notifies nobody. Params are checked against the
   * notification's schema. In a request, `regionId` defaults to the request's region.
   *
   * @example
   * await ctx.notify(CertificateDecided, [certificate.personId], { title, decision }, { link: `/certificates/${id}` });
   */
  notify<P>(
    ref: NotificationRef<P>,
    personIds: readonly string[],
    params: NoInfer<P>,
    options?: NotifyOptions,
  ): Promise<string[]>;
  /** A service of a plugin this one requires, typed by its ref. */
  service<T>(ref: ServiceRef<T>): T;
  /** Content-addressed file storage shared by all plugins (evidence, media), held in this plugin's name. */
  readonly files: PluginFiles;
  /** Regions where this plugin is enabled now (for jobs that work region by region). */
  enabledRegions(): Promise<string[]>;
  /**
   * Secrets encrypted at rest with the platform's national-ID encryption keys (AES-256-GCM, key
   * rotation by key id), bound to this plugin and a purpose: a sealed value cannot be opened by
   * another plugin or for another purpose. For signing keys and the like, never for bulk data.
   */
  readonly secrets: PluginSecrets;
  now(): Date;
}

/** A plugin's sealed secrets (`ctx.secrets`). */
export interface PluginSecrets {
  seal(purpose: string, plaintext: string): { ciphertext: string; keyId: string };
  open(purpose: string, sealed: { ciphertext: string; keyId: string }): string;
}

/** The ledger as plugins use it. */
export interface PluginLedger {
  transfer(transfers: readonly TransferInput[]): Promise<TransferResult[]>;
  /**
   * `transfer`, throwing unless every transfer was applied (`created`, or `exists`: an idempotent
   * replay), so the request rolls back whole. A refusal becomes `options.insufficientFunds` /
   * `options.refused` (a plugin's own codes) or core `LEDGER_INSUFFICIENT_FUNDS` /
   * `LEDGER_TRANSFER_REFUSED` (409), naming the transfer that broke the batch.
   *
   * @example
   * await ctx.ledger.transferOrThrow([payment], { what: 'Course payment', insufficientFunds: () => NotEnough() });
   */
  transferOrThrow(transfers: readonly TransferInput[], options?: TransferOrThrowOptions): Promise<TransferResult[]>;
  /** Opens an account; the ledger records this plugin as its opener (`openedBy`). */
  createAccount(input: Omit<CreateAccountInput, 'openedBy'>): Promise<Account>;
  getAccount(id: string): Promise<Account | null>;
  /** Closes an account: later transfers touching it are refused with `accountClosed`. */
  closeAccount(id: string): Promise<Account>;
  /** Registered assets with their issuance (mint) accounts. */
  assets(): Promise<Asset[]>;
}

/** What a route handler gets: the plugin context plus who is asking, where, and the region's config. */
export interface PluginRequestContext<C extends TObject = TObject> extends PluginContext<C> {
  readonly principal: Principal;
  readonly actor: Actor;
  readonly requestId: string;
  /** The region of the request (`Lifelong-Region` header). */
  readonly regionId: string;
  /** The plugin's configuration in this region, defaults applied. */
  readonly config: Static<C>;
  /** True when the principal holds the permission (a local name of this plugin, or a core one) for `target`. */
  can(permission: string, target?: Target): boolean;
  /** Throws 403 unless `can(permission, target)`. */
  require(permission: string, target?: Target): void;
  /**
   * The signed-in person's id. API keys act for institutions and services, never as a learner or
   * teacher: for them this throws `error()` when given (a plugin's own code) or `PERSON_REQUIRED` (403).
   */
  requirePerson(error?: () => LifelongError): string;
  /**
   * Throws 403 `CONFLICT_OF_INTEREST` when the caller would deal with their own: a person who owns
   * the thing, is a guardian or ward of an owner, or holds a role in an owning institution; an API
   * key of an owning institution. The one self-dealing rule every center uses (docs/plugins.md).
   *
   * @example
   * await ctx.refuseConflictOfInterest({ action: 'rate this course', personIds: [course.teacherPersonId] });
   */
  refuseConflictOfInterest(subject: Owners & { action: string }): Promise<void>;
  /** The raw request, for headers and the like. */
  readonly c: Context<AppEnv>;
}
