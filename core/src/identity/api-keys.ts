import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { uuidv7 } from '../ids/uuidv7.js';
import type { Principal } from './principal.js';
import { apiKeys } from './schema.js';

const KEY_PREFIX = 'llk_';

/** A new API key: `llk_` + 256 random bits, base64url. Shown once; only its hash is stored. */
export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The principal an API key stands for, or null when it is unknown or revoked. */
export async function resolveApiKey(db: Database, key: string): Promise<Principal | null> {
  const [row] = await db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      role: apiKeys.role,
      scopeType: apiKeys.scopeType,
      scopeId: apiKeys.scopeId,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  const scope =
    row.scopeType === 'region' && row.scopeId
      ? { type: 'region' as const, id: row.scopeId }
      : { type: 'platform' as const };
  return { kind: 'apiKey', id: row.id, name: row.name, roles: [{ role: row.role, scope }] };
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
  return db.transaction(async (tx) => {
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
    });
    return configuredKey ? { created: true } : { created: true, generatedKey: key };
  });
}
