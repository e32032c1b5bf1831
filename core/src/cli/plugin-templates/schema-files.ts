import { randomUUID } from 'node:crypto';
import { json, type PluginNames } from './names.js';

// The plugin's one table and its first migration. The SQL, journal and snapshot are exactly what
// `drizzle-kit generate --name init` writes for this schema, so the next `db:generate` diffs from it.

/** `export const xSchema = pgSchema('x');`, wrapped as the formatter wraps it when a long id makes it too long. */
function schemaLine(n: PluginNames): string {
  const line = `export const ${n.camelName}Schema = pgSchema('${n.schemaName}');`;
  return line.length <= 120 ? line : `export const ${n.camelName}Schema = pgSchema(\n  '${n.schemaName}',\n);`;
}

export const schemaTs = (
  n: PluginNames,
): string => `import { index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Everything this plugin stores lives in its own PostgreSQL schema, named after its id. */
${schemaLine(n)}

/** Short entries people write; people are referenced by their core id, never joined. */
export const entries = ${n.camelName}Schema.table(
  'entries',
  {
    id: uuid('id').primaryKey(),
    regionId: text('region_id').notNull(),
    personId: uuid('person_id').notNull(),
    text: text('text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('entries_person_id_idx').on(t.personId, t.id)],
);
`;

export const initSql = (n: PluginNames): string => `CREATE SCHEMA "${n.schemaName}";
--> statement-breakpoint
CREATE TABLE "${n.schemaName}"."entries" (
\t"id" uuid PRIMARY KEY NOT NULL,
\t"region_id" text NOT NULL,
\t"person_id" uuid NOT NULL,
\t"text" text NOT NULL,
\t"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "entries_person_id_idx" ON "${n.schemaName}"."entries" USING btree ("person_id","id");`;

export const journalJson = (now: Date): string =>
  json({
    version: '7',
    dialect: 'postgresql',
    entries: [{ idx: 0, version: '7', when: now.getTime(), tag: '0000_init', breakpoints: true }],
  });

const column = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  primaryKey: false,
  notNull: true,
  ...extra,
});

const indexColumn = (expression: string) => ({ expression, isExpression: false, asc: true, nulls: 'last' });

export const snapshotJson = (n: PluginNames): string =>
  json({
    id: randomUUID(),
    prevId: '00000000-0000-0000-0000-000000000000',
    version: '7',
    dialect: 'postgresql',
    tables: {
      [`${n.schemaName}.entries`]: {
        name: 'entries',
        schema: n.schemaName,
        columns: {
          id: column('id', 'uuid', { primaryKey: true }),
          region_id: column('region_id', 'text'),
          person_id: column('person_id', 'uuid'),
          text: column('text', 'text'),
          created_at: column('created_at', 'timestamp with time zone', { default: 'now()' }),
        },
        indexes: {
          entries_person_id_idx: {
            name: 'entries_person_id_idx',
            columns: [indexColumn('person_id'), indexColumn('id')],
            isUnique: false,
            concurrently: false,
            method: 'btree',
            with: {},
          },
        },
        foreignKeys: {},
        compositePrimaryKeys: {},
        uniqueConstraints: {},
        policies: {},
        checkConstraints: {},
        isRLSEnabled: false,
      },
    },
    enums: {},
    schemas: { [n.schemaName]: n.schemaName },
    sequences: {},
    roles: {},
    policies: {},
    views: {},
    _meta: { columns: {}, schemas: {}, tables: {} },
  });
