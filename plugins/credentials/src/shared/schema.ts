import type { TableDistribution } from '@lifelong/core';
import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { credentialsSchema } from '../schema.js';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * An issuer's signing keys, one issuer per region (`did:web:<host>:v1:credentials:issuers:<region>`).
 * The private key is sealed with the platform's secret keys (`ctx.secrets`); a retired key stays
 * published so what it signed still verifies; a revoked one (compromised) is published as revoked.
 */
export const issuerKeys = credentialsSchema.table(
  'issuer_keys',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull(),
    /** The fragment of the verification method: `key-1`, `key-2`, … */
    fragment: text('fragment').notNull(),
    publicKeyMultibase: text('public_key_multibase').notNull(),
    sealedPrivateKey: text('sealed_private_key').notNull(),
    sealKeyId: text('seal_key_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** After this the key verifies nothing (Controlled Identifiers `expires`). */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Replaced by a newer key: it signs nothing new, still verifies what it signed. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    /** Compromised: it verifies nothing (Controlled Identifiers `revoked`). */
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('issuer_keys_fragment').on(t.regionId, t.fragment)],
);

/** An issuer's Bitstring Status List (revocation): one list per region, 131,072 entries. */
export const statusLists = credentialsSchema.table('status_lists', {
  regionId: text('region_id').primaryKey(),
  /** The next free index (indexes are handed out in order, never reused). */
  nextIndex: integer('next_index').notNull().default(0),
  bits: bytea('bits').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().default(sql`now()`),
});

/** Every credential issued: what it is about, where its status bit is, and the signed forms. */
export const issued = credentialsSchema.table(
  'issued',
  {
    personId: uuid('person_id').notNull(),
    id: uuid('id').notNull(),
    regionId: text('region_id').notNull(),
    kind: text('kind', { enum: ['record', 'clr'] }).notNull(),
    /** The record of a `record` credential; a CLR lists its records in `recordIds`. */
    recordId: uuid('record_id'),
    recordIds: jsonb('record_ids').$type<string[]>().notNull(),
    statusIndex: integer('status_index').notNull(),
    ldp: jsonb('ldp').$type<Record<string, unknown>>().notNull(),
    jwt: text('jwt').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.id] }),
    index('issued_by_id').on(t.id),
    index('issued_by_record').on(t.personId, t.recordId),
  ],
);

export const sharedDistribution: readonly TableDistribution[] = [
  // A learner's credentials: on the learner's shard, with the core's person-keyed tables.
  { table: issued, kind: 'distributed', column: 'person_id', colocation: 'person' },
  // An issuer's keys and its status list: together, on the region's shard.
  { table: issuerKeys, kind: 'distributed', column: 'region_id', colocation: 'credentials-issuer' },
  { table: statusLists, kind: 'distributed', column: 'region_id', colocation: 'credentials-issuer' },
];
