import { boolean, jsonb, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { coreSchema } from '../db/core-schema.js';
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
