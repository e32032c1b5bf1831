import { sql } from 'drizzle-orm';
import { check, date, index, integer, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { coreSchema } from '../db/core-schema.js';
import type { TableDistribution } from '../db/distribution.js';
import { regions } from '../regions/schema.js';

export const PERSON_STATUSES = ['unverified', 'verified', 'rejected', 'revoked', 'merged', 'erased'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/**
 * Rows that are no longer a person: a merged duplicate (pointing at the survivor) or an erased
 * person (docs/privacy.md). Their numbers keep resolving for history and are never reused.
 */
export function isTombstone(status: PersonStatus): status is 'merged' | 'erased' {
  return status === 'merged' || status === 'erased';
}

/**
 * A person, registered once by real name. The national ID is never stored in the clear: an HMAC
 * for the one-person-one-number check and an AES-256-GCM ciphertext (with its key id, for
 * rotation) for authorised display; `nationalIdMasked` is what responses show.
 */
export const people = coreSchema.table(
  'people',
  {
    id: uuid('id').primaryKey(),
    learnerNumber: text('learner_number').notNull().unique(),
    /** Empty once the person is erased; the other personal columns become null then. */
    legalName: text('legal_name').notNull(),
    /** The name the person chose to be shown by (null until they choose one); the legal name is not shown. */
    displayName: text('display_name'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    nationalIdScheme: text('national_id_scheme').notNull(),
    nationalIdHmac: text('national_id_hmac').unique(),
    nationalIdCiphertext: text('national_id_ciphertext'),
    nationalIdKeyId: text('national_id_key_id'),
    nationalIdMasked: text('national_id_masked'),
    /**
     * Verification: unverified → verified | rejected, verified → revoked, rejected | revoked →
     * verified (verification-service.ts); merged people are tombstones pointing at `mergedInto`;
     * erased people are tombstones with their personal columns emptied (privacy/erasure.ts).
     */
    status: text('status', { enum: PERSON_STATUSES }).notNull().default('unverified'),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    mergedInto: uuid('merged_into'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    index('people_region_idx').on(t.regionId),
    // The registrars' queue: a region's people in one status, oldest first (people.list).
    index('people_region_status_idx').on(t.regionId, t.status, t.id),
    check(
      'people_status_known',
      sql`${t.status} in (${sql.raw(PERSON_STATUSES.map((status) => `'${status}'`).join(', '))})`,
    ),
    // Personal columns are empty exactly when erased, and present otherwise: no half-erased person.
    check(
      'people_erased_empty',
      sql`(${t.status} = 'erased') = (${t.legalName} = '' and ${t.dateOfBirth} is null and ${t.nationalIdHmac} is null and ${t.nationalIdCiphertext} is null and ${t.nationalIdMasked} is null and ${t.displayName} is null and ${t.erasedAt} is not null)`,
    ),
  ],
);

export const passwords = coreSchema.table('passwords', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id),
  hash: text('hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Opaque session tokens, stored as SHA-256; each refresh rotates both tokens. */
export const sessions = coreSchema.table(
  'sessions',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    tokenHash: text('token_hash').notNull().unique(),
    refreshHash: text('refresh_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    refreshExpiresAt: timestamp('refresh_expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('sessions_person_idx').on(t.personId)],
);

/**
 * Refresh tokens a session has rotated away from (SHA-256 only). One presented again means two
 * parties hold the session's tokens, and nobody can tell which is the thief, so the whole session
 * ends (OAuth 2.1 refresh token rotation). The session row is the token family.
 */
export const retiredRefreshTokens = coreSchema.table('retired_refresh_tokens', {
  refreshHash: text('refresh_hash').primaryKey(),
  sessionId: uuid('session_id')
    .notNull()
    .references(() => sessions.id),
  retiredAt: timestamp('retired_at', { withTimezone: true }).notNull(),
});

/** Guardians act for minors: a minor's learning, invitations and records are managed by them. */
export const guardianships = coreSchema.table(
  'guardianships',
  {
    minorId: uuid('minor_id')
      .notNull()
      .references(() => people.id),
    guardianId: uuid('guardian_id')
      .notNull()
      .references(() => people.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.minorId, t.guardianId] }), index('guardianships_guardian_idx').on(t.guardianId)],
);

export const institutions = coreSchema.table(
  'institutions',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', {
      enum: ['school', 'university', 'training-provider', 'company', 'publisher', 'government'],
    }).notNull(),
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    accreditation: text('accreditation', { enum: ['pending', 'accredited', 'suspended'] })
      .notNull()
      .default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('institutions_region_idx').on(t.regionId)],
);

/** A role a person holds within a scope (platform, region, institution or group). */
export const roleGrants = coreSchema.table(
  'role_grants',
  {
    id: uuid('id').primaryKey(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').notNull(),
    scopeType: text('scope_type', { enum: ['platform', 'region', 'institution', 'group'] }).notNull(),
    scopeId: text('scope_id'),
    grantedBy: text('granted_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('role_grants_person_idx').on(t.personId),
    uniqueIndex('role_grants_active_unique')
      .on(t.personId, t.role, t.scopeType, sql`coalesce(${t.scopeId}, '')`)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * API keys for institutions, services and operators. Only a SHA-256 of the key is stored: keys
 * are 256-bit random strings, so a fast hash is as safe as a slow one and keeps lookups cheap.
 */
export const apiKeys = coreSchema.table('api_keys', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  /** The first characters of the key, to tell keys apart in listings without revealing them. */
  keyPrefix: text('key_prefix').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  role: text('role').notNull(),
  scopeType: text('scope_type').notNull().default('platform'),
  scopeId: text('scope_id'),
  institutionId: uuid('institution_id').references(() => institutions.id),
  createdBy: text('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});

/** Failed sign-ins per account and per client address, for exponential back-off. */
export const signInThrottles = coreSchema.table(
  'sign_in_throttles',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
  },
  (t) => [check('sign_in_throttles_failures_positive', sql`${t.failures} > 0`)],
);

/**
 * A person's email address and mobile number, one of each (`kind`). Values are encrypted like
 * national IDs (AES-256-GCM, the kind bound as associated data) and shown only masked. A change is
 * `pending` until its one-time code comes back; the verified value stays in use until then.
 */
export const contacts = coreSchema.table(
  'contacts',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    kind: text('kind', { enum: ['email', 'phone'] }).notNull(),
    ciphertext: text('ciphertext'),
    keyId: text('key_id'),
    masked: text('masked'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    pendingCiphertext: text('pending_ciphertext'),
    pendingKeyId: text('pending_key_id'),
    pendingMasked: text('pending_masked'),
    /** HMAC of the one-time code, never the code. */
    codeHash: text('code_hash'),
    codeExpiresAt: timestamp('code_expires_at', { withTimezone: true }),
    codeSentAt: timestamp('code_sent_at', { withTimezone: true }),
    codeAttempts: integer('code_attempts').notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] })],
);

/** One-time password reset codes sent to a verified contact: single use, expiring, few attempts. */
export const passwordResets = coreSchema.table(
  'password_resets',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    id: uuid('id').notNull(),
    channel: text('channel', { enum: ['email', 'phone'] }).notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.id] })],
);

/**
 * A person's TOTP second factor (RFC 6238). The shared secret is encrypted like national IDs
 * (AES-256-GCM, bound to the person as associated data). `pending` until a first code confirms
 * it; `lastStep` is the last time step accepted, so a code works once.
 */
export const twoFactorSecrets = coreSchema.table('two_factor_secrets', {
  personId: uuid('person_id')
    .primaryKey()
    .references(() => people.id),
  ciphertext: text('ciphertext').notNull(),
  keyId: text('key_id').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastStep: integer('last_step'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Single-use recovery codes for a lost authenticator, kept as a keyed hash only. */
export const recoveryCodes = coreSchema.table(
  'recovery_codes',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.codeHash] })],
);

/**
 * Placement on a distributed cluster (docs/scale.md): a person's rows on the person's shard;
 * institutions are a catalogue; API keys and sign-in back-off stay on the coordinator.
 */
export const identityDistribution: readonly TableDistribution[] = [
  { table: people, kind: 'distributed', column: 'id', colocation: 'person' },
  { table: passwords, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: sessions, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: retiredRefreshTokens, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: guardianships, kind: 'distributed', column: 'minor_id', colocation: 'person' },
  { table: roleGrants, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: institutions, kind: 'reference' },
  {
    table: apiKeys,
    kind: 'local',
    reason: 'thousands of keys, looked up alone by hash on each call, never joined with learner data',
  },
  { table: signInThrottles, kind: 'local', reason: 'recent failures only, pruned; looked up alone by key' },
  { table: contacts, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: passwordResets, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: twoFactorSecrets, kind: 'distributed', column: 'person_id', colocation: 'person' },
  { table: recoveryCodes, kind: 'distributed', column: 'person_id', colocation: 'person' },
];
