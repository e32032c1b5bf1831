import { boolean, index, integer, jsonb, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { coreSchema } from '../db/core-schema.js';
import type { TableDistribution } from '../db/distribution.js';
import { regions } from '../regions/schema.js';

/** A plugin's enablement and configuration in one region: data, changed at runtime by region admins. */
export const regionPlugins = coreSchema.table(
  'region_plugins',
  {
    regionId: text('region_id')
      .notNull()
      .references(() => regions.id),
    pluginId: text('plugin_id').notNull(),
    enabled: boolean('enabled').notNull(),
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.pluginId] })],
);

/**
 * `Idempotency-Key`s of plugin POST requests, written in the request's own transaction: the key
 * and the answer commit with the request's effects or not at all. Kept a day (pruned by the
 * platform), per principal, so one caller's keys never collide with another's. Nothing in the
 * clear: `key` is the key's SHA-256, `path` the route's template, `body` the answer sealed under
 * the key (idempotency-seal.ts).
 */
export const idempotencyKeys = coreSchema.table(
  'idempotency_keys',
  {
    principal: text('principal').notNull(),
    key: text('key').notNull(),
    method: text('method').notNull(),
    path: text('path').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: jsonb('body'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.principal, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);

/**
 * Placement on a distributed cluster (docs/scale.md): plugin state is a catalogue; idempotency
 * keys are spread by principal, the key's scope.
 */
export const pluginsDistribution: readonly TableDistribution[] = [
  { table: regionPlugins, kind: 'reference' },
  { table: idempotencyKeys, kind: 'distributed', column: 'principal', colocation: 'principal' },
];
