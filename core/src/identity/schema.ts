import { text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { coreSchema } from '../db/core-schema.js';

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
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revokedAt: timestamp('revoked_at', { withTimezone: true }),
});
