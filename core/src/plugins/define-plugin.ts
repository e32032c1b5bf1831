import type { Static, TObject } from '@sinclair/typebox';
import { resolveDistribution, type TableDistribution } from '../db/distribution.js';
import type { EventRef } from '../events/event-ref.js';
import type { DeliveredEvent } from '../events/subscriptions.js';
import type { RouteContract } from '../http/contract.js';
import type { RawReply, RequestSpec, ResponseSpecs, RouteDefinition, RouteReply } from '../http/route.js';
import type { AssetDeclaration } from '../ledger/accounts.js';
import type { NotificationRef } from '../notifications/notification-ref.js';
import type { PersonalDataHooks } from '../privacy/personal-data.js';
import type { PluginContext, PluginRequestContext } from './context.js';
import type { ServiceRef } from './refs.js';

export const PLUGIN_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** A plugin route: like a core route, but the handler gets the plugin's request context. */
export type PluginRoute<C extends TObject, Q extends RequestSpec, R extends ResponseSpecs> = Omit<
  RouteDefinition<Q, R>,
  'handler'
> & {
  handler: PluginRouteHandler<C, Q, R>;
};

/** What a plugin route's handler does with a validated request, given the plugin's request context. */
export type PluginRouteHandler<C extends TObject, Q extends RequestSpec, R extends ResponseSpecs> = (
  input: Parameters<RouteDefinition<Q, R>['handler']>[0],
  ctx: PluginRequestContext<C>,
) => RouteReply<NoInfer<R>> | RawReply | Promise<RouteReply<NoInfer<R>> | RawReply>;

/** What `register(p)` may declare. Calls after the register phase throw. */
export interface PluginRegistrar<C extends TObject> {
  /** A route under `/v1/<pluginId>`; authenticated unless `access: { public: true }`. */
  route<Q extends RequestSpec, R extends ResponseSpecs>(route: PluginRoute<C, Q, R>): void;
  /**
   * Binds a handler to one of the plugin's contracts (its `./client` entry exports the same
   * contracts, so clients call exactly what is served). The operationId is served under the
   * plugin's camelCase id: `exchange.redeem` of `credit-bank` is `creditBank.exchange.redeem`.
   */
  route<Q extends RequestSpec, R extends ResponseSpecs>(
    contract: RouteContract<string, Q, R>,
    handler: NoInfer<PluginRouteHandler<C, Q, R>>,
  ): void;
  /** Reacts to an event; the handler gets the event id (handlers must be idempotent). */
  on<T>(
    event: EventRef<T>,
    handler: (event: DeliveredEvent<T>, ctx: PluginContext<C>) => Promise<void>,
    options?: { name?: string },
  ): void;
  /** Provides a service to plugins that depend on this one. */
  provide<T>(ref: ServiceRef<T>, factory: (ctx: PluginContext<C>) => T): void;
  onStart(hook: (ctx: PluginContext<C>) => Promise<void> | void): void;
  onStop(hook: () => Promise<void> | void): void;
  /**
   * A job run every `intervalMs` (recomputations, expiry sweeps): in its own transaction as the
   * plugin's role, by one instance at a time (a PostgreSQL advisory lock); a failing run is logged
   * and rolled back, and the next tick tries again. Tests run it on demand (`t.runJob`).
   */
  every(name: string, options: JobOptions, run: (ctx: PluginContext<C>) => Promise<void>): void;
  /**
   * What the plugin holds about a person and how it erases it (docs/privacy.md): every plugin that
   * stores anything keyed by a person declares both, once. A person's data export holds each
   * plugin's `export`; an approved erasure runs every `erase` in one transaction with the core's.
   *
   * @example
   * p.personalData({
   *   export: async (personId, ctx) => ({ notes: await notesOf(ctx.db, personId) }),
   *   erase: async (personId, ctx) => ({ notes: await deleteNotesOf(ctx.db, personId) }),
   * });
   */
  personalData(hooks: PersonalDataHooks<PluginContext<C>>): void;
}

export interface JobOptions {
  intervalMs: number;
}

export interface PluginManifest<C extends TObject> {
  /** Lowercase words joined by hyphens; also the route prefix and (with `_`) the PostgreSQL schema. */
  id: string;
  /** The plugin package's version (semver). */
  version: string;
  description?: string;
  /** Semver ranges: the core it runs on and the plugins it needs. */
  requires?: { core?: string; plugins?: Readonly<Record<string, string>> };
  /** Per-region configuration, with defaults; validated for every region at boot and on change. */
  config?: C;
  /** The drizzle-kit migrations folder; its SQL must only touch the plugin's own schema. */
  migrations?: string | URL;
  /** Permissions this plugin checks, by local name (`course.publish` → `<id>.course.publish`). */
  permissions?: Readonly<Record<string, string>>;
  /**
   * Ledger assets the plugin needs beyond the core's (CREDIT, POINT, CNY), e.g. a credit bank's
   * `{ code: 'VOUCHER', scale: 0 }`: registered at start, before start hooks, unless present;
   * a present asset with another scale fails the start.
   */
  assets?: readonly AssetDeclaration[];
  /**
   * Assets whose units this plugin creates (debits their issuance account), e.g. a credit bank's
   * `['CREDIT', 'POINT']`; the ledger refuses the plugin's other mints. Shown in `GET /v1/plugins`,
   * so an operator sees which installed code can create credits.
   */
  mints?: readonly string[];
  /**
   * Where each of the plugin's tables goes on a distributed cluster (docs/scale.md): one
   * declaration per table of its schema, a plain object next to the table (`{ table, kind:
   * 'distributed', column, colocation }`, `{ table, kind: 'reference' }` or `{ table, kind:
   * 'local', reason }`). `pluginDistributionViolations` (from
   * `@lifelong/core/testing`) checks them against the migrated catalog.
   */
  distribution?: readonly TableDistribution[];
  /** Which roles get which of this plugin's permissions, by local name. */
  roles?: Readonly<Record<string, readonly string[]>>;
  /** The notifications this plugin sends (`ctx.notify`), with their text in every platform language. */
  notifications?: readonly NotificationRef[];
  register(p: PluginRegistrar<C>): void;
}

/** A defined plugin: the manifest, validated and frozen. */
export interface Plugin<C extends TObject = TObject> extends Readonly<PluginManifest<C>> {
  readonly $$type: '@lifelong/plugin';
  /** The PostgreSQL schema the plugin owns: its id with `_` for `-`. */
  readonly schemaName: string;
  toString(): string;
}

// biome-ignore lint/suspicious/noExplicitAny: a list of plugins holds every config shape.
export type AnyPlugin = Plugin<any>;

export type PluginConfig<P> = P extends Plugin<infer C> ? Static<C> : never;

/**
 * Declares a plugin. Shape errors (a bad id, a missing register function) throw at once; checks
 * that need the other plugins (dependencies, versions, config) run in the platform's preflight.
 *
 * @example
 * export default definePlugin({
 *   id: 'reading-club',
 *   version: '1.0.0',
 *   requires: { core: '^0.1.0' },
 *   config: Type.Object({ pointsPerBook: Type.Integer({ default: 10 }) }),
 *   register(p) {
 *     p.route({ method: 'get', path: '/clubs', summary: 'List clubs', access: { public: true },
 *       responses: { 200: { description: 'Clubs', schema: ClubList } },
 *       handler: async (_input, ctx) => ({ status: 200, body: await listClubs(ctx.db) }) });
 *   },
 * });
 */
export function definePlugin<C extends TObject = TObject>(manifest: PluginManifest<C>): Plugin<C> {
  if (typeof manifest.id !== 'string' || !PLUGIN_ID_PATTERN.test(manifest.id)) {
    throw new TypeError(
      `Plugin id "${String(manifest.id)}" is invalid: use lowercase words joined by hyphens, e.g. "credit-bank"`,
    );
  }
  if (typeof manifest.register !== 'function') {
    throw new TypeError(`Plugin "${manifest.id}" must have a register(p) function`);
  }
  const schemaName = manifest.id.replaceAll('-', '_');
  for (const declaration of manifest.distribution ?? []) {
    const d = resolveDistribution(declaration);
    if (d.schema !== schemaName) {
      throw new TypeError(
        `Plugin "${manifest.id}" declares the distribution of ${d.schema}.${d.table}: a plugin declares only tables of its schema "${schemaName}"`,
      );
    }
  }
  return Object.freeze({
    ...manifest,
    $$type: '@lifelong/plugin' as const,
    schemaName,
    toString: () => `plugin{${manifest.id}@${manifest.version}}`,
  });
}

/** The assets a plugin may mint: those it declares in `mints` and those it registers itself. */
export function mintableAssets(plugin: AnyPlugin): string[] {
  return [...new Set([...(plugin.mints ?? []), ...(plugin.assets ?? []).map((a) => a.code)])];
}
