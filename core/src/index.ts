// The public API of @lifelong/core. Anything not exported here is internal and may change.
export { defineConfig, type LifelongConfig } from './config/define-config.js';
export { loadConfigFile } from './config/load-config-file.js';
export { ConfigError, resolveSettings, type SettingIssue } from './config/resolve-settings.js';
export { SETTINGS_ENV, Settings, type SettingsInput } from './config/settings.js';
export { coreMigrations, coreVersion } from './db/core-migrations.js';
export {
  type Database,
  type DatabaseHandle,
  type DatabaseOptions,
  openDatabase,
  type Queryable,
  resultRows,
  type Transaction,
} from './db/database.js';
export type {
  CoordinatorLocalTable,
  DistributedTable,
  ReferenceTable,
  TableDistribution,
  TableRef,
} from './db/distribution.js';
export {
  type DistributionCheckOptions,
  type DistributionRule,
  type DistributionViolation,
  distributionViolations,
} from './db/distribution-check.js';
export {
  type AppliedMigration,
  type Migration,
  MigrationError,
  type MigrationErrorCode,
  type MigrationSource,
  migrate,
  readMigrations,
} from './db/migrator.js';
export { requestTransaction } from './db/request-transaction.js';
export { isTransientConflict, withRetry } from './db/retry-transaction.js';
export * from './errors/index.js';
export * from './events/index.js';
export { diskFileStore } from './files/disk-file-store.js';
export {
  type ByteRange,
  type FileSource,
  type FileStore,
  HEAD_BYTES,
  type OpenedFile,
  type StagedFile,
  type StageOptions,
  type StoredFile,
  sha256Hex,
} from './files/file-store.js';
export { memoryFileStore } from './files/memory-file-store.js';
export type { PluginFiles } from './files/plugin-files.js';
export {
  contentDisposition,
  FILE_CONTENT_SECURITY_POLICY,
  parseRange,
  type ServedFile,
  serveFile,
} from './files/serve-file.js';
export { sniffContentType } from './files/sniff.js';
export type { AppEnv, AppVariables } from './http/app-env.js';
export { afterIdCursor } from './http/id-cursor.js';
export {
  decodeCursor,
  encodeCursor,
  isCursorTimestamp,
  isUuidKey,
  Page,
  PageQuery,
  toPage,
} from './http/pagination.js';
export { PROBLEM_CONTENT_TYPE, Problem, problemType } from './http/problem.js';
export {
  type Access,
  type AnyRoute,
  defineRoute,
  type HttpMethod,
  type RawReply,
  type RequestSpec,
  type ResponseSpec,
  type ResponseSpecs,
  type RouteDefinition,
  type RouteGroup,
  type RouteInput,
  type RouteReply,
  type StagedUpload,
  type Upload,
  type UploadSpec,
} from './http/route.js';
export {
  DEFAULT_CONTENT_SECURITY_POLICY,
  type PagePolicyOptions,
  pageSecurityPolicy,
} from './http/security-headers.js';
export { fieldErrors } from './http/validation.js';
export type { Target } from './identity/authorize.js';
export type { NationalIdScheme } from './identity/national-id/scheme.js';
export type { AuthenticatedPrincipal, Principal, RoleGrant, Scope } from './identity/principal.js';
export {
  type IdentityVerifier,
  registrarVerifier,
  type VerificationOutcome,
  type VerificationRequest,
} from './identity/verifier.js';
export { uuidv7 } from './ids/uuidv7.js';
export type { LedgerAccessPolicy } from './ledger/access-policy.js';
export type { AssetDeclaration, CreateAccountInput } from './ledger/accounts.js';
export { type LedgerActor, SYSTEM_ACTOR, type TransferActor } from './ledger/actor.js';
export type { NewTransfer as PostedTransfer } from './ledger/decide.js';
export {
  LedgerAccountForbidden,
  LedgerAccountNotFound,
  LedgerAssetNotFound,
  LedgerBatchInvalid,
  LedgerBusy,
  LedgerTransferForbidden,
  LedgerTransferNotFound,
} from './ledger/errors.js';
export { TransfersPosted } from './ledger/events.js';
export {
  createLedger,
  type Ledger,
  type LedgerOptions,
  type LedgerPolicyOptions,
  type PostedHook,
} from './ledger/ledger.js';
export type { AccountFacts, Denial, OwnerDirectory } from './ledger/policy.js';
export { isRetryable, runInTransaction } from './ledger/retry.js';
export { type LedgerRouteDeps, ledgerRoutes } from './ledger/routes.js';
export * from './ledger/types.js';
export { type VerifyReport, verifyLedger } from './ledger/verify.js';
export { createLogger, type Logger, type LoggerOptions } from './logging/logger.js';
export {
  defineNotification,
  NOTIFICATION_LOCALES,
  type NotificationLocale,
  type NotificationRef,
  type NotificationText,
  pickLocale,
} from './notifications/notification-ref.js';
export type { NotifyOptions } from './notifications/notifier.js';
export {
  createPlatform,
  type Platform,
  type PlatformOptions,
  type StartOptions,
  type StartResult,
} from './platform.js';
export type { ConflictOfInterest, Owners } from './plugins/conflict-of-interest.js';
export type { PluginContext, PluginLedger, PluginRequestContext, PluginSecrets } from './plugins/context.js';
export type {
  GroupMember,
  GroupSummary,
  InstitutionSummary,
  PersonName,
  PersonSummary,
  PluginIdentity,
} from './plugins/core-services.js';
export {
  type AnyPlugin,
  definePlugin,
  type JobOptions,
  PLUGIN_ID_PATTERN,
  type Plugin,
  type PluginConfig,
  type PluginManifest,
  type PluginRegistrar,
  type PluginRoute,
} from './plugins/define-plugin.js';
export {
  ConflictOfInterestError,
  LedgerInsufficientFunds,
  LedgerTransferRefused,
  PersonRequired,
} from './plugins/errors.js';
export { type FailedTransfer, failedTransfer, type TransferOrThrowOptions } from './plugins/ledger-outcome.js';
export { PluginPreflightError, type PreflightCode, type PreflightIssue } from './plugins/preflight.js';
export { createServiceRef, type ServiceRef } from './plugins/refs.js';
export type { PluginSeed, RegionSeed } from './plugins/region-seeds.js';
export type { PersonalDataHooks, PersonalDataSection } from './privacy/personal-data.js';
export {
  HUMAN_TEXT_FORMAT,
  HumanText,
  type HumanTextIssue,
  type HumanTextRule,
  humanTextIssue,
  normalizeHumanText,
} from './text/human-text.js';
