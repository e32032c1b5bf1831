import { type PluginContext, uuidv7 } from '@lifelong/core';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { CredentialsConfig } from '../config.js';
import { type Ed25519KeyPair, fromMultibase, generateEd25519, publicKeyMultibase } from './keys.js';
import { issuerKeys } from './schema.js';

// The issuer of a region: a did:web whose document the platform serves, with one active Ed25519
// key and every older one (retired keys still verify what they signed; revoked ones verify nothing).

type Ctx = PluginContext<typeof CredentialsConfig>;
type KeyRow = typeof issuerKeys.$inferSelect;
const DAY = 86_400_000;
const SEAL_PURPOSE = 'issuer-key';

const hostOf = (origin: string) => encodeURIComponent(new URL(origin).host);

/** `did:web:<host>:v1:credentials:issuers:<region>` (a port is percent-encoded, as did:web says). */
export const issuerDid = (publicOrigin: string, regionId: string) =>
  `did:web:${hostOf(publicOrigin)}:v1:credentials:issuers:${regionId}`;

/** The region a did:web of this platform names, or null for any other DID. */
export function regionOfDid(did: string, publicOrigin: string): string | null {
  const prefix = `did:web:${hostOf(publicOrigin)}:v1:credentials:issuers:`;
  if (!did.startsWith(prefix)) return null;
  const regionId = did.slice(prefix.length);
  return /^[a-z0-9][a-z0-9-]{0,63}$/.test(regionId) ? regionId : null;
}

export interface SigningKey {
  keys: Ed25519KeyPair;
  verificationMethod: string;
  did: string;
}

const keysOf = (db: Ctx['db'], regionId: string) =>
  db.select().from(issuerKeys).where(eq(issuerKeys.regionId, regionId)).orderBy(asc(issuerKeys.createdAt));

async function createKey(ctx: Ctx, regionId: string, fragment: string): Promise<KeyRow> {
  const config = await ctx.configFor(regionId);
  const pair = generateEd25519();
  const sealed = ctx.secrets.seal(SEAL_PURPOSE, JSON.stringify(pair));
  const now = ctx.now();
  const [row] = await ctx.db
    .insert(issuerKeys)
    .values({
      regionId,
      id: uuidv7(),
      fragment,
      publicKeyMultibase: publicKeyMultibase(pair.publicKey),
      sealedPrivateKey: sealed.ciphertext,
      sealKeyId: sealed.keyId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + config.keyLifetimeDays * DAY),
    })
    .returning();
  return row as KeyRow;
}

/** The key new credentials of the region are signed with, made on first use. */
export async function activeSigningKey(ctx: Ctx, regionId: string): Promise<SigningKey> {
  // One issuer key at a time per region, even under concurrent first issues.
  await ctx.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`credentials:issuer:${regionId}`}))`);
  const [current] = await ctx.db
    .select()
    .from(issuerKeys)
    .where(and(eq(issuerKeys.regionId, regionId), isNull(issuerKeys.retiredAt), isNull(issuerKeys.revokedAt)))
    .orderBy(desc(issuerKeys.createdAt))
    .limit(1);
  const row = current ?? (await createKey(ctx, regionId, `key-${(await keysOf(ctx.db, regionId)).length + 1}`));
  const config = await ctx.configFor(regionId);
  const did = issuerDid(config.publicOrigin, regionId);
  const keys = JSON.parse(
    ctx.secrets.open(SEAL_PURPOSE, { ciphertext: row.sealedPrivateKey, keyId: row.sealKeyId }),
  ) as Ed25519KeyPair;
  return { keys, did, verificationMethod: `${did}#${row.fragment}` };
}

/**
 * Replaces the active key with a new one. `scheduled`: the old key is retired (still verifies
 * what it signed); `compromised`: it is revoked (nothing it signed verifies any more).
 */
export async function rotateKey(ctx: Ctx, regionId: string, reason: 'scheduled' | 'compromised') {
  await activeSigningKey(ctx, regionId);
  const now = ctx.now();
  const rows = await keysOf(ctx.db, regionId);
  for (const row of rows) {
    if (reason === 'compromised' && !row.revokedAt) {
      await ctx.db
        .update(issuerKeys)
        .set({ revokedAt: now, retiredAt: row.retiredAt ?? now })
        .where(eq(issuerKeys.id, row.id));
    } else if (!row.retiredAt) {
      await ctx.db.update(issuerKeys).set({ retiredAt: now }).where(eq(issuerKeys.id, row.id));
    }
  }
  await createKey(ctx, regionId, `key-${rows.length + 1}`);
  return didDocument(ctx, regionId);
}

export interface PublishedKey {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
  expires: string;
  revoked?: string;
}

/** The region's DID document (W3C DID 1.0 with Multikey methods), or null before its first key. */
export async function didDocument(ctx: Ctx, regionId: string) {
  const rows = await keysOf(ctx.db, regionId);
  if (rows.length === 0) return null;
  const config = await ctx.configFor(regionId);
  const did = issuerDid(config.publicOrigin, regionId);
  const methods: PublishedKey[] = rows.map((row) => ({
    id: `${did}#${row.fragment}`,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: row.publicKeyMultibase,
    expires: row.expiresAt.toISOString(),
    ...(row.revokedAt ? { revoked: row.revokedAt.toISOString() } : {}),
  }));
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.filter((m) => !m.revoked).map((m) => m.id),
  };
}

export type KeyResolution =
  | { ok: true; publicKey: string; controller: string }
  | { ok: false; reason: 'DID_UNRESOLVED' | 'KEY_UNKNOWN' | 'KEY_REVOKED' | 'KEY_EXPIRED'; message: string };

/**
 * Resolves a verification method without the network: did:key from the key itself, did:web of
 * this platform from its own tables. Any other DID is unresolved (a verifier elsewhere fetches it).
 */
export async function resolveKey(ctx: Ctx, verificationMethod: string, regionHint: string): Promise<KeyResolution> {
  const [did, fragment] = verificationMethod.split('#') as [string, string | undefined];
  if (did.startsWith('did:key:')) {
    const multibase = did.slice('did:key:'.length);
    const publicKey = fromMultibase(multibase);
    if (!publicKey || (fragment !== undefined && fragment !== multibase)) {
      return { ok: false, reason: 'DID_UNRESOLVED', message: `${did} is not an Ed25519 did:key` };
    }
    return { ok: true, publicKey, controller: did };
  }
  const config = await ctx.configFor(regionHint);
  const regionId = regionOfDid(did, config.publicOrigin);
  if (!regionId) return { ok: false, reason: 'DID_UNRESOLVED', message: `${did} is not resolvable here` };
  const rows = await keysOf(ctx.db, regionId);
  if (rows.length === 0) return { ok: false, reason: 'DID_UNRESOLVED', message: `${did} has no DID document` };
  const row = rows.find((r) => r.fragment === fragment);
  if (!row) return { ok: false, reason: 'KEY_UNKNOWN', message: `${verificationMethod} is not in ${did}` };
  if (row.revokedAt)
    return {
      ok: false,
      reason: 'KEY_REVOKED',
      message: `${verificationMethod} was revoked on ${row.revokedAt.toISOString()}`,
    };
  if (row.expiresAt <= ctx.now())
    return {
      ok: false,
      reason: 'KEY_EXPIRED',
      message: `${verificationMethod} expired on ${row.expiresAt.toISOString()}`,
    };
  const publicKey = fromMultibase(row.publicKeyMultibase) as string;
  return { ok: true, publicKey, controller: did };
}
