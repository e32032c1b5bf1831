import { type Static, Type } from '@sinclair/typebox';

/**
 * Platform settings: one TypeBox schema is the source of the type, the defaults, the validation
 * and the docs (docs/configuration.md). Values come from `lifelong.config.ts` (`settings`) and
 * are overridden by environment variables (see `SETTINGS_ENV`).
 */
export const Settings = Type.Object(
  {
    port: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'TCP port to listen on.' }),
    host: Type.String({ minLength: 1, default: '127.0.0.1', description: 'Interface to listen on.' }),
    databaseUrl: Type.Optional(
      Type.String({
        pattern: '^postgres(ql)?://',
        description: 'PostgreSQL connection URL. Unset: the embedded PGlite database is used.',
      }),
    ),
    dataDir: Type.String({
      minLength: 1,
      default: '.lifelong/data',
      description: 'PGlite data directory (embedded mode only); `memory://` keeps data in memory.',
    }),
    filesDir: Type.String({
      minLength: 1,
      default: '.lifelong/files',
      description:
        'Where uploaded files (evidence, course media) are kept, by content hash; `memory://` keeps them in memory. Several instances need one shared folder.',
    }),
    adminKey: Type.Optional(
      Type.String({
        minLength: 24,
        maxLength: 256,
        pattern: '^[\\x21-\\x7e]+$',
        description: 'On first start with an empty database, becomes the platform-admin API key.',
      }),
    ),
    logLevel: Type.Union(
      [
        Type.Literal('fatal'),
        Type.Literal('error'),
        Type.Literal('warn'),
        Type.Literal('info'),
        Type.Literal('debug'),
        Type.Literal('trace'),
        Type.Literal('silent'),
      ],
      { default: 'info', description: 'Minimum level of the JSON logs on stdout.' },
    ),
    migrateOnStart: Type.Boolean({
      default: true,
      description: 'Apply pending migrations when the platform starts (else run `lifelong migrate`).',
    }),
    shutdownTimeoutMs: Type.Integer({
      minimum: 0,
      maximum: 600_000,
      default: 10_000,
      description: 'How long a graceful shutdown waits for in-flight requests before closing them.',
    }),
    bodyLimitBytes: Type.Integer({
      minimum: 1024,
      maximum: 100 * 1024 * 1024,
      default: 1024 * 1024,
      description: 'Largest accepted request body.',
    }),
    rateLimitWritesPerMinute: Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      default: 1200,
      description:
        'Writes (POST, PUT, PATCH, DELETE) each principal may make per minute, per instance (token bucket); 0 disables.',
    }),
    rateLimitWritesBurst: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      default: 300,
      description: 'Writes a principal may make at once before the per-minute rate applies.',
    }),
    rateLimitSignInsPerMinute: Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      default: 300,
      description: 'Sign-in attempts per client address per minute, per instance (token bucket); 0 disables.',
    }),
    rateLimitSignInBurst: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      default: 100,
      description: 'Sign-in attempts a client address may make at once before the per-minute rate applies.',
    }),
    requestTimeoutMs: Type.Integer({
      minimum: 0,
      maximum: 3_600_000,
      default: 30_000,
      description: 'A request still unanswered after this long answers 503 and its transaction rolls back; 0 disables.',
    }),
    nationalIdHmacKey: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9+/]{43,}={0,2}$',
        description:
          'Base64 key (at least 32 bytes) for the keyed hash of national IDs. Required with DATABASE_URL; ' +
          'embedded mode generates one into .lifelong/secrets.json.',
      }),
    ),
    nationalIdEncryptionKeys: Type.Optional(
      Type.String({
        pattern: '^[a-z0-9-]{1,32}:[A-Za-z0-9+/]{43}=(,[a-z0-9-]{1,32}:[A-Za-z0-9+/]{43}=)*$',
        description:
          'AES-256 keys for national IDs as `id:BASE64[,id:BASE64...]`; the first encrypts, all decrypt ' +
          '(rotation). Required with DATABASE_URL.',
      }),
    ),
    passwordHashCost: Type.Integer({
      minimum: 10,
      maximum: 20,
      default: 15,
      description: 'scrypt cost as log2(N) for new password hashes.',
    }),
    sessionTtlSeconds: Type.Integer({
      minimum: 60,
      maximum: 7 * 86_400,
      default: 3600,
      description: 'Lifetime of a session token.',
    }),
    refreshTtlSeconds: Type.Integer({
      minimum: 300,
      maximum: 365 * 86_400,
      default: 30 * 86_400,
      description: 'Lifetime of a refresh token (each refresh rotates it).',
    }),
    minorAgeYears: Type.Integer({
      minimum: 1,
      maximum: 25,
      default: 18,
      description: 'People younger than this are minors, managed by guardians.',
    }),
    natsUrl: Type.Optional(
      Type.String({
        pattern: '^nats://',
        description: 'NATS JetStream URL for cross-instance event wake-ups; unset: PostgreSQL polling alone.',
      }),
    ),
    eventsPollIntervalMs: Type.Integer({
      minimum: 10,
      maximum: 60_000,
      default: 200,
      description: 'How often the event dispatcher polls the outbox.',
    }),
    eventsMaxAttempts: Type.Integer({
      minimum: 1,
      maximum: 100,
      default: 8,
      description: 'Delivery attempts before an event delivery is dead-lettered.',
    }),
    smtpUrl: Type.Optional(
      Type.String({
        pattern: '^smtps?://',
        description:
          'Mail server for verification and reset codes (smtp:// or smtps://, credentials in the URL); unset: email codes cannot be sent (503).',
      }),
    ),
    mailFrom: Type.String({
      minLength: 3,
      maxLength: 200,
      default: 'Lifelong <no-reply@localhost>',
      description: 'The From address of mail the platform sends.',
    }),
    trustProxy: Type.Boolean({
      default: false,
      description: 'Take the client address from X-Forwarded-For (only behind a trusted proxy).',
    }),
  },
  { additionalProperties: false },
);
export type Settings = Static<typeof Settings>;
export type SettingsInput = Partial<Settings>;

/** Environment variables and the setting each one sets. Environment wins over the config file. */
export const SETTINGS_ENV = {
  PORT: 'port',
  HOST: 'host',
  DATABASE_URL: 'databaseUrl',
  LIFELONG_DATA_DIR: 'dataDir',
  LIFELONG_FILES_DIR: 'filesDir',
  LIFELONG_ADMIN_KEY: 'adminKey',
  LOG_LEVEL: 'logLevel',
  LIFELONG_MIGRATE_ON_START: 'migrateOnStart',
  LIFELONG_SHUTDOWN_TIMEOUT_MS: 'shutdownTimeoutMs',
  LIFELONG_BODY_LIMIT_BYTES: 'bodyLimitBytes',
  LIFELONG_RATE_LIMIT_WRITES_PER_MINUTE: 'rateLimitWritesPerMinute',
  LIFELONG_RATE_LIMIT_WRITES_BURST: 'rateLimitWritesBurst',
  LIFELONG_RATE_LIMIT_SIGN_INS_PER_MINUTE: 'rateLimitSignInsPerMinute',
  LIFELONG_RATE_LIMIT_SIGN_IN_BURST: 'rateLimitSignInBurst',
  LIFELONG_REQUEST_TIMEOUT_MS: 'requestTimeoutMs',
  LIFELONG_NATIONAL_ID_HMAC_KEY: 'nationalIdHmacKey',
  LIFELONG_NATIONAL_ID_ENCRYPTION_KEYS: 'nationalIdEncryptionKeys',
  LIFELONG_PASSWORD_HASH_COST: 'passwordHashCost',
  LIFELONG_SESSION_TTL_SECONDS: 'sessionTtlSeconds',
  LIFELONG_REFRESH_TTL_SECONDS: 'refreshTtlSeconds',
  LIFELONG_MINOR_AGE_YEARS: 'minorAgeYears',
  LIFELONG_TRUST_PROXY: 'trustProxy',
  LIFELONG_SMTP_URL: 'smtpUrl',
  LIFELONG_MAIL_FROM: 'mailFrom',
  LIFELONG_NATS_URL: 'natsUrl',
  LIFELONG_EVENTS_POLL_INTERVAL_MS: 'eventsPollIntervalMs',
  LIFELONG_EVENTS_MAX_ATTEMPTS: 'eventsMaxAttempts',
} as const satisfies Record<string, keyof Settings>;
