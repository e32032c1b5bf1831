import { hash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import { auditLog } from '../audit/schema.js';
import type { Database, Queryable } from '../db/database.js';
import { perDatabase } from '../db/prepared.js';
import { requestTransaction } from '../db/request-transaction.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { isPlatformAdmin, requirePermission } from './authorize.js';
import { ApiKeyNotFound, GrantRefused, LastPlatformAdminKey, UnknownInstitution } from './errors.js';
import type { PermissionRegistry } from './permission-registry.js';
import type { Principal } from './principal.js';
import { REGION_GRANTABLE_ROLES, type Role } from './roles.js';
import { apiKeys, institutions } from './schema.js';
import { toScope } from './sessions-service.js';

const KEY_PREFIX = 'llk_';

/** A new API key: `llk_` + 256 random bits, base64url. Shown once; only its hash is stored. */
export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  // One-shot (no Hash object): this runs on every request authenticated by a key.
  return hash('sha256', key, 'hex');
}

// One round trip per request: the institution's accreditation comes with the key.
const keyLookup = perDatabase((db: Database) =>
  db
    .select({ key: apiKeys, accreditation: institutions.accreditation })
    .from(apiKeys)
    .leftJoin(institutions, eq(institutions.id, apiKeys.institutionId))
    .where(and(eq(apiKeys.keyHash, sql.placeholder('hash')), isNull(apiKeys.revokedAt)))
    .limit(1)
    .prepare('lifelong_api_key_lookup'),
);

/**
 * How long a resolved API key is reused without asking the database again. A key revoked (or an
 * institution's accreditation changed) on this instance takes effect at once; on other instances
 * of the platform within this time (docs/operations.md).
 */
export const API_KEY_CACHE_MS = 5_000;
const API_KEY_CACHE_ENTRIES = 10_000;

type KeyLookupRow = Awaited<ReturnType<ReturnType<typeof keyLookup>['execute']>>[number];
interface CachedKey {
  found: KeyLookupRow | undefined;
  until: number;
}

// Per database handle: test platforms share a process but not their keys.
const keyCache = perDatabase((_db: Database) => new Map<string, CachedKey>());

/** Forgets every cached API key of this database: after a revocation or an accreditation change. */
export function forgetCachedApiKeys(db: Database): void {
  keyCache(db).clear();
}

async function lookupKey(db: Database, hash: string): Promise<KeyLookupRow | undefined> {
  const cache = keyCache(db);
  const now = Date.now();
  const cached = cache.get(hash);
  if (cached && cached.until > now) return cached.found;
  const [found] = await keyLookup(db).execute({ hash });
  // Unknown keys are cached too, so a flood of bad keys does not become a flood of queries.
  if (cache.size >= API_KEY_CACHE_ENTRIES) cache.clear();
  cache.set(hash, { found, until: now + API_KEY_CACHE_MS });
  return found;
}

/** The principal an API key stands for, or null when it is unknown or revoked. */
export async function resolveApiKey(
  db: Database,
  registry: PermissionRegistry,
  key: string,
): Promise<Principal | null> {
  const found = await lookupKey(db, hashApiKey(key));
  if (!found) return null;
  const row = found.key;
  // Last use is informational: written at most once a minute per key, off the request's path.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    row.lastUsedAt = new Date();
    db.update(apiKeys)
      .set({ lastUsedAt: row.lastUsedAt })
      .where(
        and(
          eq(apiKeys.id, row.id),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, sql`now() - interval '1 minute'`)),
        ),
      )
      .then(
        () => {},
        () => {},
      );
  }
  let permissions = registry.permissionsOf(row.role);
  if (row.institutionId && found.accreditation !== 'accredited') {
    // Only an accredited institution may mint credits; a pending or suspended one keeps its other rights.
    permissions = permissions.filter((p) => p !== 'ledger.transfers.mint');
  }
  return {
    kind: 'apiKey',
    id: row.id,
    name: row.name,
    ...(row.institutionId ? { institutionId: row.institutionId } : {}),
    roles: [{ role: row.role, scope: toScope(row.scopeType, row.scopeId), permissions }],
  };
}

export interface BootstrapResult {
  /** True when this call created the platform-admin key (first start on an empty database). */
  created: boolean;
  /** The generated key, when none was configured: to be shown once to the operator. */
  generatedKey?: string;
}

// Serialises bootstraps of instances starting together on one database.
const BOOTSTRAP_LOCK_KEY = 0x4c_49_46_46;

/**
 * On first start (no API key exists yet) creates the platform-admin key: `configuredKey`
 * (LIFELONG_ADMIN_KEY) when given, else a random one returned to be printed once.
 */
export function bootstrapAdminKey(db: Database, configuredKey?: string): Promise<BootstrapResult> {
  return requestTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`);
    const [existing] = await tx.select({ n: count() }).from(apiKeys);
    if ((existing?.n ?? 0) > 0) return { created: false };
    const key = configuredKey ?? generateApiKey();
    await tx.insert(apiKeys).values({
      id: uuidv7(),
      name: 'Bootstrap platform admin',
      keyPrefix: key.slice(0, 8),
      keyHash: hashApiKey(key),
      role: 'platform-admin',
      scopeType: 'platform',
      createdBy: 'bootstrap',
    });
    return configuredKey ? { created: true } : { created: true, generatedKey: key };
  });
}

/** A key that administers the whole platform (a platform-admin role narrowed to an institution does not). */
function holdsPlatformAdmin(row: ApiKeyRow): boolean {
  return row.role === 'platform-admin' && row.scopeType === 'platform';
}

/** Who ran an operator command: written to the audit log as actor type `operator`. */
export interface OperatorActor {
  /** e.g. the operating-system user running the CLI. */
  id: string;
  /** How the operator acted, e.g. `cli:admin-key create`. */
  via: string;
}

/**
 * Creates a platform-admin key for an operator with database access (the recovery path when no
 * platform-admin key is left, `lifelong admin-key create`); audited in the same transaction.
 */
export async function createOperatorAdminKey(
  db: Database,
  operator: OperatorActor,
  name = 'Operator platform admin',
): Promise<{ key: string; row: ApiKeyRow }> {
  return requestTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`);
    const key = generateApiKey();
    const [row] = await tx
      .insert(apiKeys)
      .values({
        id: uuidv7(),
        name,
        keyPrefix: key.slice(0, 8),
        keyHash: hashApiKey(key),
        role: 'platform-admin',
        scopeType: 'platform',
        createdBy: `operator:${operator.id}`,
      })
      .returning();
    // The audit log has no principal for an operator: the entry names the operator and the command.
    await tx.insert(auditLog).values({
      id: uuidv7(),
      actorType: 'operator',
      actorId: operator.id,
      action: 'api-key.created',
      subjectType: 'api-key',
      subjectId: row?.id ?? null,
      details: { role: 'platform-admin', scopeType: 'platform', scopeId: null, via: operator.via },
    });
    return { key, row: row as ApiKeyRow };
  });
}

export interface CreateApiKeyInput {
  name: string;
  role: Role;
  /** The institution the key acts for; its scope becomes that institution. */
  institutionId?: string | undefined;
  /** Otherwise a region scope (region-admin or registrar keys), or the platform (platform admins only). */
  regionId?: string | undefined;
}

export type ApiKeyRow = typeof apiKeys.$inferSelect;

async function institutionRegion(db: Queryable, institutionId: string): Promise<string> {
  const [row] = await db
    .select({ regionId: institutions.regionId })
    .from(institutions)
    .where(eq(institutions.id, institutionId))
    .limit(1);
  if (!row) throw UnknownInstitution();
  return row.regionId;
}

/**
 * Creates an API key; returns the key once. Platform admins create any key; region admins create
 * keys for their region's institutions or their region, with roles they could grant a person.
 */
export async function createApiKey(
  db: Database,
  actor: Actor,
  input: CreateApiKeyInput,
): Promise<{ key: string; row: ApiKeyRow }> {
  return requestTransaction(db, async (tx) => {
    const regionId = input.institutionId ? await institutionRegion(tx, input.institutionId) : input.regionId;
    requirePermission(actor.principal, 'api-keys.manage', regionId ? { regionId } : undefined);
    if (!isPlatformAdmin(actor.principal)) {
      if (!regionId || !REGION_GRANTABLE_ROLES.includes(input.role)) {
        throw GrantRefused({
          detail: `A region admin cannot create a "${input.role}" key${regionId ? '' : ' for the platform'}.`,
        });
      }
    }
    const key = generateApiKey();
    const scope = input.institutionId
      ? { scopeType: 'institution', scopeId: input.institutionId }
      : regionId
        ? { scopeType: 'region', scopeId: regionId }
        : { scopeType: 'platform', scopeId: null };
    const [row] = await tx
      .insert(apiKeys)
      .values({
        id: uuidv7(),
        name: input.name,
        keyPrefix: key.slice(0, 8),
        keyHash: hashApiKey(key),
        role: input.role,
        ...scope,
        institutionId: input.institutionId ?? null,
        createdBy: actor.principal.kind === 'anonymous' ? null : actor.principal.id,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'api-key.created',
      subjectType: 'api-key',
      subjectId: row?.id,
      regionId,
      details: { role: input.role, ...scope },
    });
    return { key, row: row as ApiKeyRow };
  });
}

/** Keys visible to the caller (platform admin: all; region admin: their regions'), newest first. */
export async function listApiKeys(
  db: Database,
  regions: Set<string>,
  page: { limit: number; before?: string | undefined },
): Promise<ApiKeyRow[]> {
  // A caller allowed to manage keys only in an institution's scope (not a region's) manages none
  // of them (creating and revoking are decided per region): an empty page, not `in ()`.
  if (regions.size === 0) return [];
  const visible = regions.has('*')
    ? undefined
    : or(
        sql`${apiKeys.scopeType} = 'region' and ${apiKeys.scopeId} in (${sql.join(
          [...regions].map((r) => sql`${r}`),
          sql`, `,
        )})`,
        sql`${apiKeys.institutionId} in (select id from core.institutions where region_id in (${sql.join(
          [...regions].map((r) => sql`${r}`),
          sql`, `,
        )}))`,
      );
  return db
    .select()
    .from(apiKeys)
    .where(and(visible, page.before ? lt(apiKeys.id, page.before) : undefined))
    .orderBy(desc(apiKeys.id))
    .limit(page.limit + 1);
}

export async function revokeApiKey(db: Database, actor: Actor, keyId: string): Promise<void> {
  await requestTransaction(db, async (tx) => {
    const [row] = await tx.select().from(apiKeys).where(eq(apiKeys.id, keyId)).limit(1);
    if (!row) throw ApiKeyNotFound();
    const regionId = row.institutionId
      ? await institutionRegion(tx, row.institutionId)
      : row.scopeType === 'region'
        ? (row.scopeId ?? undefined)
        : undefined;
    if (regionId) requirePermission(actor.principal, 'api-keys.manage', { regionId });
    else if (!isPlatformAdmin(actor.principal)) throw ApiKeyNotFound();
    if (row.revokedAt === null && holdsPlatformAdmin(row)) {
      // Under the bootstrap lock: two admin keys revoking each other at once must not both succeed.
      await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`);
      const [active] = await tx
        .select({ n: count() })
        .from(apiKeys)
        .where(and(eq(apiKeys.role, 'platform-admin'), eq(apiKeys.scopeType, 'platform'), isNull(apiKeys.revokedAt)));
      if ((active?.n ?? 0) <= 1) {
        throw LastPlatformAdminKey({
          detail:
            'Revoking it would leave no API key that can administer the platform. Create another platform-admin ' +
            'key first (POST /v1/api-keys, or `lifelong admin-key create` with database access), then revoke this one.',
          extensions: { rule: 'lastPlatformAdminKey' },
        });
      }
    }
    await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, keyId));
    await recordAudit(tx, actor, { action: 'api-key.revoked', subjectType: 'api-key', subjectId: keyId, regionId });
  });
  forgetCachedApiKeys(db);
}
