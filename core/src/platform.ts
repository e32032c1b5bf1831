import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Logger } from 'pino';
import { ConfigError, type ResolveSettingsOptions, resolveSettings } from './config/resolve-settings.js';
import type { Settings, SettingsInput } from './config/settings.js';
import { coreRouteGroups } from './core-routes.js';
import { coreMigrations, coreVersion } from './db/core-migrations.js';
import { type DatabaseHandle, openDatabase } from './db/database.js';
import { type AppliedMigration, migrate } from './db/migrator.js';
import { ServiceUnavailable } from './errors/core-errors.js';
import { createEventSystem, type EventSystem } from './events/event-system.js';
import { eventRoutes } from './events/routes.js';
import { diskFileStore } from './files/disk-file-store.js';
import type { FileStore } from './files/file-store.js';
import { memoryFileStore } from './files/memory-file-store.js';
import { healthRoutes } from './health/routes.js';
import type { AppEnv } from './http/app-env.js';
import { createHttpApp } from './http/create-app.js';
import { pruneIdempotencyKeys } from './http/idempotency.js';
import type { RouteGroup } from './http/route.js';
import { bootstrapAdminKey, resolveApiKey } from './identity/api-keys.js';
import { IdentityModule } from './identity/context.js';
import { CORE_EVENTS } from './identity/events.js';
import { cnResidentId } from './identity/national-id/cn-ric.js';
import { nationalIdKeyIssues } from './identity/national-id/keys.js';
import type { NationalIdScheme } from './identity/national-id/scheme.js';
import { CORE_NOTIFICATIONS } from './identity/notifications.js';
import { PermissionRegistry } from './identity/permission-registry.js';
import { pruneRetiredRefreshTokens, resolveSession } from './identity/sessions-service.js';
import type { IdentityVerifier } from './identity/verifier.js';
import { emitPostedTransfers, TransfersPosted } from './ledger/events.js';
import { identityOwnerDirectory } from './ledger/identity-owner-directory.js';
import { createLedger, type Ledger } from './ledger/ledger.js';
import { createLogger } from './logging/logger.js';
import { type MessageChannels, smtpChannel } from './messaging/channels.js';
import { NotificationRegistry } from './notifications/registry.js';
import { type AnyPlugin, mintableAssets } from './plugins/define-plugin.js';
import type { RegionSeed } from './plugins/region-seeds.js';
import { pluginRoutes } from './plugins/routes.js';
import { PluginRuntime } from './plugins/runtime.js';
import { PRIVACY_NOTIFICATIONS } from './privacy/notifications.js';

export interface PlatformOptions {
  /** An open database; the platform then leaves closing it to the caller. Default: from settings. */
  database?: DatabaseHandle;
  /** Settings, as in `lifelong.config.ts`; environment variables override them. */
  settings?: SettingsInput;
  /** The environment to read settings from (default `process.env`; `{}` ignores it). */
  env?: ResolveSettingsOptions['env'];
  /** Named in configuration errors, e.g. `lifelong.config.ts`. */
  settingsSource?: string;
  logger?: Logger;
  /** Extra route groups (the plugin runtime mounts plugins' routes through this seam). */
  routes?: readonly RouteGroup[];
  /** Plugins to load: checked by preflight, registered in dependency order. */
  plugins?: readonly AnyPlugin[];
  /** Regions to seed, with their plugins' enablement and config (default: `default`, everything enabled). */
  regions?: readonly RegionSeed[];
  /** Identity verifiers by region id (e.g. a government ID service); others use the registrar's decision. */
  identityVerifiers?: Readonly<Record<string, IdentityVerifier>>;
  /** National ID schemes besides the built-in CN-RIC. */
  nationalIdSchemes?: readonly NationalIdScheme[];
  /** The clock identity uses (session expiry, ages); tests pass a fixed one. */
  now?: () => Date;
  /** Where plugins keep uploaded files (default: on disk at `filesDir`, in memory for `memory://`). */
  files?: FileStore;
  /**
   * How one-time codes reach people: `email` (default: SMTP at `smtpUrl`, when set) and `sms` (a
   * provider the region contracts; none by default). A missing channel answers 503 for its codes.
   */
  messaging?: MessageChannels;
  /** Run plugins' jobs on their timers (default true; tests turn it off and run jobs by hand). */
  scheduleJobs?: boolean;
}

export interface StartOptions {
  /** Listen on the configured host and port (default true); false serves only `app.request()`. */
  listen?: boolean;
}

export interface StartResult {
  /** The URL the platform listens on, when listening. */
  url?: string;
  /** Migrations applied by this start. */
  migrations: AppliedMigration[];
  /** A platform-admin key generated on first start, to show the operator once. */
  generatedAdminKey?: string;
}

export interface Platform {
  readonly app: Hono<AppEnv>;
  readonly settings: Settings;
  readonly logger: Logger;
  /** The outbox and dispatcher (tests call `events.drain()` to deliver what is due). */
  readonly events: EventSystem;
  /** The open database; throws before `start()`. */
  readonly database: DatabaseHandle;
  /** The credit ledger service (for plugins: `ledger.transfer(tx, ...)` inside their transactions). */
  readonly ledger: Ledger;
  /** Uploaded files, by content hash. */
  readonly files: FileStore;
  /** Plugins' scheduled jobs; `run` runs one now (false when another instance is running it). */
  readonly jobs: { run(pluginId: string, name: string): Promise<boolean> };
  start(options?: StartOptions): Promise<StartResult>;
  /** Graceful: stops accepting, drains in-flight requests (up to `shutdownTimeoutMs`), closes the database. */
  stop(): Promise<void>;
}

/**
 * Assembles the platform: settings (validated; throws `ConfigError`), logger and HTTP app. No I/O
 * happens until `start()`, which opens the database, migrates (if `migrateOnStart`), bootstraps
 * the admin key and listens.
 *
 * @example
 * const platform = createPlatform({ settings: { port: 8080 } });
 * const { url } = await platform.start();
 * process.once('SIGTERM', () => platform.stop());
 */
export function createPlatform(options: PlatformOptions = {}): Platform {
  const settings = resolveSettings({ file: options.settings, fileName: options.settingsSource, env: options.env });
  // Every check of the configuration happens here, before start() touches the database: a bad
  // setting must never leave a migrated database and an open connection behind.
  const keyIssues = nationalIdKeyIssues(settings);
  if (keyIssues.length > 0) throw new ConfigError(keyIssues);
  const logger = options.logger ?? createLogger({ level: settings.logLevel });
  let database: DatabaseHandle | undefined = options.database;
  const ownsDatabase = !options.database;
  let server: ReturnType<typeof createAdaptorServer> | undefined;
  let stopping = false;
  let stopped: Promise<void> | undefined;

  const requireDatabase = (): DatabaseHandle => {
    if (!database)
      throw ServiceUnavailable({ detail: 'The platform has not started.', headers: { 'Retry-After': '1' } });
    return database;
  };

  const permissions = new PermissionRegistry();
  const events = createEventSystem({
    db: () => requireDatabase().db,
    logger: logger.child({ module: 'events' }),
    events: [...CORE_EVENTS, TransfersPosted],
    ...(settings.natsUrl ? { nats: { url: settings.natsUrl } } : {}),
    pollIntervalMs: settings.eventsPollIntervalMs,
    maxAttempts: settings.eventsMaxAttempts,
  });
  const ledger = createLedger({
    db: () => requireDatabase().db,
    logger,
    policy: {
      directory: (q) => identityOwnerDirectory(() => identity.context(), q),
      mints: (pluginId) => {
        const plugin = runtime.plugins.find((p) => p.id === pluginId);
        return plugin ? mintableAssets(plugin) : [];
      },
    },
  });
  const files =
    options.files ?? (settings.filesDir.startsWith('memory://') ? memoryFileStore() : diskFileStore(settings.filesDir));
  emitPostedTransfers(ledger, events);
  const notifications = new NotificationRegistry();
  for (const ref of [...CORE_NOTIFICATIONS, ...PRIVACY_NOTIFICATIONS]) notifications.add('core', ref);
  for (const plugin of options.plugins ?? []) {
    for (const ref of plugin.notifications ?? []) notifications.add(plugin.id, ref);
  }
  // Preflight runs here, before anything starts: a bad plugin set never half-boots.
  const runtime = new PluginRuntime({
    notifications,
    plugins: options.plugins ?? [],
    regions: options.regions ?? [],
    coreVersion: coreVersion(),
    permissions,
    events,
    ledger,
    logger,
    files,
    ...(options.now ? { now: options.now } : {}),
  });
  for (const subscription of runtime.subscriptions()) events.subscribe(subscription);
  const channels: MessageChannels = {
    ...(options.messaging?.email
      ? { email: options.messaging.email }
      : settings.smtpUrl
        ? { email: smtpChannel(settings.smtpUrl, settings.mailFrom) }
        : {}),
    ...(options.messaging?.sms ? { sms: options.messaging.sms } : {}),
  };
  const identity = new IdentityModule({
    notifications,
    channels,
    settings,
    logger,
    permissions,
    events,
    ...(options.nationalIdSchemes ? { nationalIdSchemes: options.nationalIdSchemes } : {}),
    ...(options.identityVerifiers ? { verifiers: options.identityVerifiers } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  // The ledger's sealer and expiry sweeper run from start() to stop().
  let stopLedger: (() => Promise<void>) | undefined;
  let stopJobs: (() => Promise<void>) | undefined;

  const app = createHttpApp({
    logger,
    bodyLimitBytes: settings.bodyLimitBytes,
    requestTimeoutMs: settings.requestTimeoutMs,
    idempotency: { db: () => requireDatabase().db },
    files,
    ...(settings.siteDir ? { site: { dir: settings.siteDir } } : {}),
    rateLimits: {
      writes: { perMinute: settings.rateLimitWritesPerMinute, burst: settings.rateLimitWritesBurst },
      signIns: { perMinute: settings.rateLimitSignInsPerMinute, burst: settings.rateLimitSignInBurst },
      trustProxy: settings.trustProxy,
    },
    info: {
      title: 'Lifelong API',
      version: coreVersion(),
      description: 'The Lifelong platform: identity and groups, the credit ledger, plugins and regions.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    groups: [
      healthRoutes({ database: () => requireDatabase().ping(), stopping: () => stopping }),
      ...coreRouteGroups({
        db: () => requireDatabase().db,
        identity: () => identity.context(),
        logger,
        settings,
        ledger,
        notifications,
        personalData: runtime.personalData(),
        nationalIdSchemes: [
          ...new Set([cnResidentId.id, ...(options.nationalIdSchemes ?? []).map((scheme) => scheme.id)]),
        ],
      }),
      {
        prefix: '',
        tag: 'Plugins',
        description: 'Installed plugins, and their enablement and configuration per region.',
        routes: pluginRoutes(
          () => requireDatabase().db,
          () => runtime.plugins,
        ),
      },
      {
        prefix: '',
        tag: 'Events',
        description: 'Event delivery: dead letters and retries.',
        routes: eventRoutes(() => requireDatabase().db, { onRequeue: () => events.wake() }),
      },
      ...runtime.routeGroups(),
      ...(options.routes ?? []),
    ],
    // Session tokens carry their own prefix; anything else may be an API key (operators choose
    // LIFELONG_ADMIN_KEY freely).
    resolveToken: (token) =>
      token.startsWith('lls_')
        ? resolveSession(identity.context(), token)
        : resolveApiKey(requireDatabase().db, permissions, token),
  });

  async function listen(): Promise<string> {
    const nodeServer = createAdaptorServer({ fetch: app.fetch });
    server = nodeServer;
    await new Promise<void>((resolve, reject) => {
      nodeServer.once('error', reject);
      nodeServer.listen(settings.port, settings.host, () => {
        nodeServer.off('error', reject);
        resolve();
      });
    });
    const { port } = nodeServer.address() as AddressInfo;
    const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
    return `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  }

  async function closeServer(): Promise<void> {
    const current = server;
    if (!current?.listening) return;
    const closed = new Promise<void>((resolve) => current.close(() => resolve()));
    // Keep-alive sockets would hold close() open until they time out: close each one as soon as
    // it is idle (its in-flight request answered), and every socket once the timeout is up.
    const closeIdle = () => {
      if ('closeIdleConnections' in current) current.closeIdleConnections();
    };
    closeIdle();
    const sweep = setInterval(closeIdle, 25);
    const force = setTimeout(() => {
      logger.warn({ timeoutMs: settings.shutdownTimeoutMs }, 'shutdown timeout: closing open connections');
      if ('closeAllConnections' in current) current.closeAllConnections();
    }, settings.shutdownTimeoutMs);
    await closed;
    clearInterval(sweep);
    clearTimeout(force);
  }

  return {
    app,
    settings,
    logger,
    events,
    get database() {
      return requireDatabase();
    },
    ledger,
    files,
    jobs: { run: (pluginId, name) => runtime.runJob(pluginId, name) },

    async start({ listen: shouldListen = true } = {}) {
      database ??= await openDatabase({ url: settings.databaseUrl, dataDir: settings.dataDir });
      try {
        return await startOn(database, shouldListen);
      } catch (error) {
        // Not started means nothing left behind: stop what did start and close the database this
        // platform opened, so nothing runs on in the background or holds the process open.
        await halt();
        throw error;
      }
    },

    stop() {
      stopped ??= (async () => {
        stopping = true;
        await closeServer();
        await halt();
        logger.info('platform stopped');
      })();
      return stopped;
    },
  };

  async function startOn(database: DatabaseHandle, shouldListen: boolean): Promise<StartResult> {
    const migrations = settings.migrateOnStart
      ? await migrate(database.db, [coreMigrations(), ...runtime.migrationSources()])
      : [];
    if (migrations.length > 0) logger.info({ migrations }, 'applied migrations');
    await identity.start(database.db);
    await runtime.start(database.db, () => identity.context());
    await events.start();
    const bootstrap = await bootstrapAdminKey(database.db, settings.adminKey);
    if (bootstrap.created) logger.info('created the bootstrap platform-admin API key');
    stopLedger = ledger.startBackground();
    if (options.scheduleJobs !== false) {
      const stopPluginJobs = runtime.scheduleJobs();
      // Idempotency keys are remembered for a day, retired refresh tokens while their session
      // lives; forgetting them is housekeeping, not a job any plugin owns.
      const prune = setInterval(() => {
        pruneIdempotencyKeys(requireDatabase().db).catch((error) =>
          logger.warn({ err: error }, 'pruning idempotency keys failed'),
        );
        pruneRetiredRefreshTokens(requireDatabase().db, new Date()).catch((error) =>
          logger.warn({ err: error }, 'pruning retired refresh tokens failed'),
        );
      }, 10 * 60_000);
      prune.unref();
      stopJobs = async () => {
        clearInterval(prune);
        await stopPluginJobs();
      };
    }
    const url = shouldListen ? await listen() : undefined;
    logger.info({ url, database: database.description }, 'platform started');
    return {
      migrations,
      ...(url ? { url } : {}),
      ...(bootstrap.generatedKey ? { generatedAdminKey: bootstrap.generatedKey } : {}),
    };
  }

  /** Stops whatever has started (each part is a no-op when it has not) and closes an owned database. */
  async function halt(): Promise<void> {
    // No request can emit any more; running handlers finish before plugins stop.
    await stopJobs?.();
    stopJobs = undefined;
    await events.stop();
    await runtime.stop();
    await stopLedger?.();
    stopLedger = undefined;
    if (ownsDatabase && database) {
      const owned = database;
      database = undefined;
      await owned.close();
    }
  }
}
