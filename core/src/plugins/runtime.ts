import type { TObject } from '@sinclair/typebox';
import { sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { Logger } from 'pino';
import { type Database, type Queryable, resultRows, type Transaction } from '../db/database.js';
import type { MigrationSource } from '../db/migrator.js';
import { requestTransaction } from '../db/request-transaction.js';
import { NotFound } from '../errors/core-errors.js';
import type { LifelongError } from '../errors/lifelong-error.js';
import type { EventItem } from '../events/emit.js';
import type { EventRef } from '../events/event-ref.js';
import type { EventSystem } from '../events/event-system.js';
import type { DeliveredEvent, Subscription } from '../events/subscriptions.js';
import type { FileStore } from '../files/file-store.js';
import { pluginFiles } from '../files/plugin-files.js';
import type { AppEnv } from '../http/app-env.js';
import type { RouteContract } from '../http/contract.js';
import { camelId } from '../http/contract-client.js';
import { actorOf, requestRegion } from '../http/request-context.js';
import type { AnyRoute, RouteGroup } from '../http/route.js';
import { isAllowed, requirePermission, type Target } from '../identity/authorize.js';
import type { IdentityContext } from '../identity/context.js';
import type { PermissionRegistry } from '../identity/permission-registry.js';
import type { LedgerActor } from '../ledger/actor.js';
import type { Ledger } from '../ledger/ledger.js';
import type { NotificationRef } from '../notifications/notification-ref.js';
import { type NotifyOptions, notify } from '../notifications/notifier.js';
import type { NotificationRegistry } from '../notifications/registry.js';
import type { PersonalDataHooks, PersonalDataHub, PersonalDataSection } from '../privacy/personal-data.js';
import { apiKeyConflict, conflictProblem, type Owners } from './conflict-of-interest.js';
import { type PluginContext, type PluginRequestContext, pluginScope, type Scope } from './context.js';
import { type PluginIdentity, pluginIdentity } from './core-services.js';
import type { AnyPlugin, PluginRegistrar, PluginRoute } from './define-plugin.js';
import { PersonRequired } from './errors.js';
import { grantPluginRoles, pluginRole, setRole, withRole } from './isolation.js';
import { throwUnlessApplied } from './ledger-outcome.js';
import { dependencyOrder, PluginPreflightError, preflight } from './preflight.js';
import type { ServiceRef } from './refs.js';
import { DEFAULT_REGION_SEED, type RegionSeed } from './region-seeds.js';
import { effectiveConfig, enabledRegions, regionPluginState } from './region-state.js';
import { seedRegions, validateStoredConfigs } from './seed.js';

// biome-ignore lint/suspicious/noExplicitAny: registrations hold every plugin's shapes.
type Any = any;

interface Registration {
  plugin: AnyPlugin;
  routes: PluginRoute<Any, Any, Any>[];
  subscriptions: {
    event: EventRef<Any>;
    handler: (e: DeliveredEvent<Any>, ctx: PluginContext<Any>) => Promise<void>;
    name: string;
  }[];
  services: Map<string, (ctx: PluginContext<Any>) => unknown>;
  startHooks: ((ctx: PluginContext<Any>) => Promise<void> | void)[];
  stopHooks: (() => Promise<void> | void)[];
  jobs: Map<string, { intervalMs: number; run: (ctx: PluginContext<Any>) => Promise<void> }>;
  personalData?: PersonalDataHooks<PluginContext<Any>>;
}

export interface PluginRuntimeOptions {
  plugins: readonly AnyPlugin[];
  regions?: readonly RegionSeed[];
  coreVersion: string;
  permissions: PermissionRegistry;
  /** The outbox plugins emit into (`ctx.emit`) and the dispatcher their handlers subscribe to. */
  events?: EventSystem;
  /** The credit ledger plugins post to (`ctx.ledger`). */
  ledger?: Ledger;
  logger: Logger;
  now?: () => Date;
  /** The file store plugins share (`ctx.files`). */
  files?: FileStore;
  /** Notification kinds, core's and plugins' (`ctx.notify`). */
  notifications?: NotificationRegistry;
}

/**
 * Loads plugins in a fixed order: preflight (all checks, before anything runs), register in
 * dependency order (declarations only; frozen afterwards), then, at start: migrations, roles,
 * region seeds and start hooks; at stop: stop hooks in reverse.
 */
export class PluginRuntime {
  readonly plugins: readonly AnyPlugin[];
  readonly regions: readonly RegionSeed[];
  private readonly registrations = new Map<string, Registration>();
  private readonly services = new Map<string, { pluginId: string; instance: unknown }>();
  private db: Database | undefined;
  private identity: (() => IdentityContext) | undefined;
  private started: Registration[] = [];

  constructor(readonly options: PluginRuntimeOptions) {
    this.regions = options.regions && options.regions.length > 0 ? options.regions : [DEFAULT_REGION_SEED];
    const issues = preflight(options.plugins, { coreVersion: options.coreVersion, regions: this.regions });
    if (issues.length > 0) throw new PluginPreflightError(issues);
    this.plugins = dependencyOrder(options.plugins).order;
    for (const plugin of this.plugins) this.register(plugin);
  }

  private register(plugin: AnyPlugin): void {
    const registration: Registration = {
      plugin,
      routes: [],
      subscriptions: [],
      services: new Map(),
      startHooks: [],
      stopHooks: [],
      jobs: new Map(),
    };
    let open = true;
    const guard = (what: string) => {
      if (!open) throw new Error(`Plugin "${plugin.id}": ${what} may only be declared inside register()`);
    };
    const registrar: PluginRegistrar<Any> = {
      route: (route: PluginRoute<Any, Any, Any> | RouteContract, handler?: PluginRoute<Any, Any, Any>['handler']) => {
        guard('routes');
        registration.routes.push(handler ? { ...route, handler } : (route as PluginRoute<Any, Any, Any>));
      },
      on: (event, handler, options) => {
        guard('event handlers');
        // Subscriber ids are stable delivery state: by default the event's name, numbered if repeated.
        const base = options?.name ?? event.name;
        const taken = registration.subscriptions.filter((s) => s.name === base || s.name.startsWith(`${base}-`)).length;
        registration.subscriptions.push({ event, handler, name: taken === 0 ? base : `${base}-${taken + 1}` });
      },
      provide: (ref, factory) => {
        guard('services');
        if (ref.pluginId !== plugin.id) {
          throw new Error(
            `Plugin "${plugin.id}" cannot provide ${ref}: service ids start with the providing plugin's id`,
          );
        }
        registration.services.set(ref.id, factory);
      },
      onStart: (hook) => {
        guard('start hooks');
        registration.startHooks.push(hook);
      },
      onStop: (hook) => {
        guard('stop hooks');
        registration.stopHooks.push(hook);
      },
      every: (name, options, run) => {
        guard('jobs');
        if (!/^[a-z][a-z0-9-]*$/.test(name))
          throw new Error(`Plugin "${plugin.id}": job name "${name}" is not kebab-case`);
        if (registration.jobs.has(name)) throw new Error(`Plugin "${plugin.id}": job "${name}" is declared twice`);
        if (!Number.isInteger(options.intervalMs) || options.intervalMs < 1000) {
          throw new Error(`Plugin "${plugin.id}": job "${name}" needs an intervalMs of at least 1000`);
        }
        registration.jobs.set(name, { intervalMs: options.intervalMs, run });
      },
      personalData: (hooks) => {
        guard('personal-data hooks');
        if (registration.personalData) throw new Error(`Plugin "${plugin.id}": personalData is declared twice`);
        registration.personalData = hooks;
      },
    };
    plugin.register(registrar);
    open = false;
    for (const [local, description] of Object.entries(plugin.permissions ?? {})) {
      this.options.permissions.declare(`${plugin.id}.${local}`, description);
    }
    for (const [role, locals] of Object.entries(plugin.roles ?? {})) {
      this.options.permissions.grant(
        role,
        locals.map((local) => `${plugin.id}.${local}`),
      );
    }
    this.registrations.set(plugin.id, registration);
  }

  /** Each plugin's migrations, dependencies first, tracked as package `plugin:<id>`. */
  migrationSources(): MigrationSource[] {
    return this.plugins
      .filter((p) => p.migrations)
      .map((p) => ({ package: `plugin:${p.id}`, folder: p.migrations as string | URL }));
  }

  /**
   * Event subscriptions for the events module. Each handler runs in a transaction as its plugin's
   * role; events of a region where the plugin is disabled are skipped (which counts as handled).
   */
  subscriptions(): Subscription[] {
    return [...this.registrations.values()].flatMap((registration) =>
      registration.subscriptions.map((s) => ({
        subscriber: `${registration.plugin.id}:${s.name}`,
        event: s.event,
        filter: async (event: DeliveredEvent) =>
          !event.regionId || (await regionPluginState(this.database(), event.regionId, registration.plugin.id)).enabled,
        handler: (event: DeliveredEvent) =>
          this.inPluginTransaction(registration.plugin, (ctx) => s.handler(event, ctx)),
      })),
    );
  }

  /**
   * Mounted route groups: one per plugin, at `/v1/<id>`, answering 404 where the plugin is disabled
   * (to callers who pass the route's access check: `before` runs after it).
   */
  routeGroups(): RouteGroup[] {
    return [...this.registrations.values()]
      .filter((r) => r.routes.length > 0)
      .map((registration) => {
        const { plugin } = registration;
        return {
          prefix: `/v1/${plugin.id}`,
          tag: plugin.id,
          version: plugin.version,
          description: `${plugin.description ?? `The ${plugin.id} plugin.`} (v${plugin.version})`,
          before: async (c: Context<AppEnv>) => {
            const regionId = requestRegion(c);
            const state = await regionPluginState(this.database(), regionId, plugin.id);
            if (!state.enabled)
              throw NotFound({ detail: `Plugin "${plugin.id}" is not enabled in region "${regionId}".` });
            c.set('pluginConfig', effectiveConfig(plugin.config, state.config));
          },
          beforeErrors: { 404: `The plugin is not enabled in the request's region (\`NOT_FOUND\`).` },
          routes: registration.routes.map((route) => this.adaptRoute(plugin, route)),
        };
      });
  }

  private adaptRoute(plugin: AnyPlugin, route: PluginRoute<Any, Any, Any>): AnyRoute {
    const access =
      'permission' in route.access
        ? { ...route.access, permission: this.qualify(plugin, route.access.permission) }
        : route.access;
    return {
      ...route,
      access,
      // Contracts name operations within the plugin; the platform's document names them uniquely.
      operationId: route.operationId ? `${camelId(plugin.id)}.${route.operationId}` : undefined,
      // The Idempotency-Key is the HTTP shell's (http/idempotency.ts): its claim joins the
      // transaction below, which `requestTransaction` opens.
      handler: (input: unknown, c: Context<AppEnv>) =>
        this.inPluginTransaction(
          plugin,
          async (base) => route.handler(input as Any, this.requestContext(plugin, base, c)),
          {
            principal: c.get('principal'),
            requestId: c.get('requestId'),
          },
        ),
    } as AnyRoute;
  }

  private qualify(plugin: AnyPlugin, permission: string): string {
    return plugin.permissions && permission in plugin.permissions ? `${plugin.id}.${permission}` : permission;
  }

  private requestContext<C extends TObject>(
    plugin: AnyPlugin,
    base: PluginContext<C>,
    c: Context<AppEnv>,
  ): PluginRequestContext<C> {
    const principal = c.get('principal');
    const can = (permission: string, target?: Target) => isAllowed(principal, this.qualify(plugin, permission), target);
    const regionId = requestRegion(c);
    return Object.assign(Object.create(base) as PluginContext<C>, {
      emit: (event: EventRef<unknown>, payload: unknown, options?: { key?: string; regionId?: string }) =>
        base.emit(event, payload, { regionId, ...options }),
      emitMany: (event: EventRef<unknown>, items: readonly EventItem<unknown>[]) =>
        base.emitMany(
          event,
          items.map((item) => ({ regionId, ...item })),
        ),
      notify: (ref: NotificationRef, personIds: readonly string[], params: unknown, options?: NotifyOptions) =>
        base.notify(ref, personIds, params as Record<string, unknown>, { regionId, ...options }),
      principal,
      actor: actorOf(c),
      requestId: c.get('requestId'),
      regionId,
      config: c.get('pluginConfig') as PluginRequestContext<C>['config'],
      can,
      require: (permission: string, target?: Target) =>
        requirePermission(principal, this.qualify(plugin, permission), target),
      requirePerson: (error?: () => LifelongError) => {
        if (principal.kind === 'person') return principal.id;
        throw error ? error() : PersonRequired();
      },
      refuseConflictOfInterest: async ({ action, ...owners }: Owners & { action: string }) => {
        const conflict =
          principal.kind === 'person'
            ? await base.identity.conflictOfInterest(principal.id, owners)
            : apiKeyConflict(principal, owners);
        if (conflict) throw conflictProblem(action, conflict);
      },
      c,
    }) as PluginRequestContext<C>;
  }

  /**
   * Runs `fn` in a new transaction as the plugin's role, with `ctx.db` bound to it. The
   * transaction is a request transaction: on a deadlock or serialization failure `fn` runs again
   * from the start in a fresh one (its effects went with the failed attempt), and in a request it
   * keeps the request's deadline and carries its Idempotency-Key claim (inserted before the role
   * switch, as the platform's role).
   */
  private inPluginTransaction<T>(
    plugin: AnyPlugin,
    fn: (ctx: PluginContext<Any>) => Promise<T>,
    request?: Scope['request'],
  ): Promise<T> {
    const role = pluginRole(plugin.id);
    return requestTransaction(this.database(), async (tx) => {
      await setRole(tx, role);
      return pluginScope.run({ tx, role, request }, () => fn(this.context(plugin)));
    });
  }

  private currentScope(plugin: AnyPlugin): Scope {
    const scope = pluginScope.getStore();
    if (!scope)
      throw new Error(`Plugin "${plugin.id}": ctx.db is only available inside a handler, hook or service call`);
    return scope;
  }

  /** The context object of a plugin; its `db` always resolves to the transaction in scope. */
  private context(plugin: AnyPlugin): PluginContext<Any> {
    const runtime = this;
    const asCore = <T>(fn: (db: Queryable) => Promise<T>): Promise<T> => {
      const scope = pluginScope.getStore();
      if (!scope) return fn(runtime.database());
      return withRole(scope.tx, null, scope.role, () => pluginScope.run({ ...scope, role: null }, () => fn(scope.tx)));
    };
    const identity: PluginIdentity = pluginIdentity(
      () => runtime.requireIdentity(),
      asCore,
      () => pluginScope.getStore()?.request?.principal,
    );
    const transfer = (transfers: Parameters<PluginContext['ledger']['transfer']>[0]) => {
      const request = pluginScope.getStore()?.request;
      const actor: LedgerActor = {
        kind: 'plugin',
        pluginId: plugin.id,
        principal: request && request.principal.kind !== 'anonymous' ? request.principal : undefined,
        requestId: request?.requestId,
      };
      return asCore((db) => runtime.requireLedger().transfer(db as Transaction, transfers, actor));
    };
    return {
      pluginId: plugin.id,
      get db() {
        return runtime.currentScope(plugin).tx;
      },
      transaction: (fn) => runtime.currentScope(plugin).tx.transaction(fn),
      logger: this.options.logger.child({ plugin: plugin.id }),
      configFor: async (regionId) =>
        effectiveConfig(
          plugin.config,
          (await asCore((db) => regionPluginState(db, regionId, plugin.id))).config,
        ) as Any,
      identity,
      ledger: {
        transfer,
        async transferOrThrow(transfers, options) {
          const results = await transfer(transfers);
          throwUnlessApplied(results, options);
          return results;
        },
        // The opener is recorded from the plugin's identity, never from what the plugin passes.
        createAccount: (input) =>
          asCore((db) => runtime.requireLedger().createAccount(db, { ...input, openedBy: plugin.id })),
        getAccount: (id) => asCore((db) => runtime.requireLedger().getAccount(db, id)),
        closeAccount: (id) => asCore((db) => runtime.requireLedger().closeAccount(db, id)),
        assets: () => asCore((db) => runtime.requireLedger().listAssets(db)),
      },
      emit: (event, payload, options) => {
        const events = runtime.options.events;
        if (!events) throw new Error('This platform has no event system');
        return asCore((db) => events.emit(db, event, payload, options));
      },
      emitMany: (event, items) => {
        const events = runtime.options.events;
        if (!events) throw new Error('This platform has no event system');
        return asCore((db) => events.emitMany(db, event, items));
      },
      notify: (ref, personIds, params, options) => {
        const registry = runtime.options.notifications;
        if (!registry) throw new Error('This platform has no notifications');
        return asCore((db) => notify(db, registry, plugin.id, ref, personIds, params, options));
      },
      service: <T>(ref: ServiceRef<T>) => runtime.serviceFor(plugin, ref),
      get files() {
        if (!runtime.options.files) throw new Error('This platform has no file store');
        return pluginFiles(runtime.options.files, plugin.id);
      },
      enabledRegions: () => asCore((db) => enabledRegions(db, plugin.id)),
      secrets: {
        seal: (purpose, plaintext) =>
          runtime.requireIdentity().protector.seal(`plugin:${plugin.id}:${purpose}`, plaintext),
        open: (purpose, sealed) => runtime.requireIdentity().protector.open(`plugin:${plugin.id}:${purpose}`, sealed),
      },
      now: () => (this.options.now ?? (() => new Date()))(),
    };
  }

  /** A dependency's service; each call runs as the providing plugin's role in the caller's transaction. */
  private serviceFor<T>(caller: AnyPlugin, ref: ServiceRef<T>): T {
    if (!(ref.pluginId in (caller.requires?.plugins ?? {}))) {
      throw new Error(`Plugin "${caller.id}" uses ${ref} but does not require plugin "${ref.pluginId}"`);
    }
    const provided = this.services.get(ref.id);
    if (!provided) throw new Error(`${ref} is not provided (is "${ref.pluginId}" started?)`);
    const providerRole = pluginRole(provided.pluginId);
    return new Proxy(provided.instance as object, {
      get(target, key) {
        const value = Reflect.get(target, key);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const scope = pluginScope.getStore();
          if (!scope) return value.apply(target, args);
          return withRole(scope.tx, providerRole, scope.role, () =>
            pluginScope.run({ ...scope, role: providerRole }, () => value.apply(target, args)),
          );
        };
      },
    }) as T;
  }

  private database(): Database {
    if (!this.db) throw new Error('The plugin runtime has not started');
    return this.db;
  }

  private requireLedger(): Ledger {
    if (!this.options.ledger) throw new Error('This platform has no ledger');
    return this.options.ledger;
  }

  private requireIdentity(): IdentityContext {
    if (!this.identity) throw new Error('The plugin runtime has not started');
    return this.identity();
  }

  /**
   * After migrations: grants each plugin its role, seeds regions from the config, checks stored
   * configs, instantiates services and runs start hooks in dependency order. A failing hook stops
   * the plugins started before it (in reverse) and rethrows: no half-started platform.
   */
  async start(db: Database, identity: () => IdentityContext): Promise<void> {
    this.db = db;
    this.identity = identity;
    await grantPluginRoles(db, this.plugins);
    for (const notice of await seedRegions(db, this.regions, this.plugins)) {
      this.options.logger.warn(
        notice,
        `Plugin "${notice.pluginId}" starts disabled in region "${notice.regionId}": it requires ${notice.disabledRequirements.join(', ')}, disabled there. Enable them, then it, with PATCH /v1/regions/${notice.regionId}/plugins/{id}.`,
      );
    }
    const issues = await validateStoredConfigs(db, this.plugins);
    if (issues.length > 0) throw new PluginPreflightError(issues);
    for (const plugin of this.plugins) {
      const registration = this.registrations.get(plugin.id) as Registration;
      const ctx = this.context(plugin);
      for (const [id, factory] of registration.services)
        this.services.set(id, { pluginId: plugin.id, instance: factory(ctx) });
      try {
        for (const asset of plugin.assets ?? []) {
          await db.transaction((tx) => this.requireLedger().registerAsset(tx, asset));
        }
        for (const hook of registration.startHooks) await this.inPluginTransaction(plugin, async (c) => hook(c));
      } catch (error) {
        this.options.logger.error({ plugin: plugin.id, err: error }, 'plugin failed to start');
        await this.stop();
        throw new Error(`Plugin "${plugin.id}" failed to start: ${(error as Error).message}`, { cause: error });
      }
      this.started.push(registration);
    }
  }

  /**
   * Runs a plugin's job once, now. Returns false when another instance holds the job's lock (it is
   * running there) and the run was skipped. Errors propagate (the scheduler logs them).
   */
  async runJob(pluginId: string, name: string): Promise<boolean> {
    const registration = this.registrations.get(pluginId);
    const job = registration?.jobs.get(name);
    if (!registration || !job) throw new Error(`No job "${name}" in plugin "${pluginId}"`);
    return this.inPluginTransaction(registration.plugin, async (ctx) => {
      const [row] = resultRows<{ locked: boolean }>(
        await ctx.db.execute(
          sql`select pg_try_advisory_xact_lock(hashtext(${`lifelong-job:${pluginId}:${name}`})) as locked`,
        ),
      );
      if (!row?.locked) return false;
      await job.run(ctx);
      return true;
    });
  }

  /**
   * Runs the plugins' personal-data hooks inside the caller's transaction (the core's privacy
   * routes), each as its plugin's role, in dependency order. Every installed plugin takes part,
   * enabled in the person's region or not: data stays where a plugin was once enabled.
   */
  personalData(): PersonalDataHub {
    const each = async <T>(
      tx: Transaction,
      request: Scope['request'],
      run: (hooks: PersonalDataHooks<PluginContext<Any>>, ctx: PluginContext<Any>) => Promise<T>,
    ) => {
      const results = new Map<AnyPlugin, T | undefined>();
      for (const plugin of this.plugins) {
        const hooks = this.registrations.get(plugin.id)?.personalData;
        if (!hooks) {
          results.set(plugin, undefined);
          continue;
        }
        const role = pluginRole(plugin.id);
        results.set(
          plugin,
          await withRole(tx, role, null, () =>
            pluginScope.run({ tx, role, request }, () => run(hooks, this.context(plugin))),
          ),
        );
      }
      return results;
    };
    return {
      export: async (tx, personId, request) => {
        const sections: Record<string, PersonalDataSection> = {};
        for (const [plugin, data] of await each(tx, request, (hooks, ctx) => hooks.export(personId, ctx))) {
          sections[plugin.id] = data
            ? { version: plugin.version, data }
            : { version: plugin.version, data: null, note: 'This plugin declares no personal data.' };
        }
        return sections;
      },
      erase: async (tx, personId, request) => {
        const outcome: Record<string, Record<string, number>> = {};
        for (const [plugin, counts] of await each(tx, request, (hooks, ctx) => hooks.erase(personId, ctx))) {
          if (counts) outcome[plugin.id] = counts;
        }
        return outcome;
      },
    };
  }

  /** Every declared job, as `{ pluginId, name, intervalMs }`. */
  jobs(): { pluginId: string; name: string; intervalMs: number }[] {
    return [...this.registrations.values()].flatMap((r) =>
      [...r.jobs].map(([name, job]) => ({ pluginId: r.plugin.id, name, intervalMs: job.intervalMs })),
    );
  }

  /** Starts the job timers; the returned function stops them and waits for running jobs. */
  scheduleJobs(): () => Promise<void> {
    const running = new Set<Promise<unknown>>();
    const timers = this.jobs().map(({ pluginId, name, intervalMs }) => {
      let busy = false;
      const timer = setInterval(() => {
        if (busy) return;
        busy = true;
        const run = this.runJob(pluginId, name)
          .catch((error) => this.options.logger.error({ plugin: pluginId, job: name, err: error }, 'job failed'))
          .finally(() => {
            busy = false;
            running.delete(run);
          });
        running.add(run);
      }, intervalMs);
      timer.unref();
      return timer;
    });
    return async () => {
      for (const timer of timers) clearInterval(timer);
      await Promise.allSettled([...running]);
    };
  }

  /** Stop hooks in reverse start order; one failing hook does not keep the others from running. */
  async stop(): Promise<void> {
    const started = this.started.reverse();
    this.started = [];
    for (const registration of started) {
      for (const hook of registration.stopHooks) {
        try {
          await hook();
        } catch (error) {
          this.options.logger.error({ plugin: registration.plugin.id, err: error }, 'plugin failed to stop cleanly');
        }
      }
    }
  }
}
