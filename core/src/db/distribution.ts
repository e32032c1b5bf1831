import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

/**
 * Where a table goes on a distributed PostgreSQL (Citus) cluster, declared next to the table as
 * a plain object (a type-only import, so schema modules load nothing more) and checked against
 * the catalog by `distributionViolations` (docs/scale.md):
 *
 * - `distributed`: hash-distributed by `column`; tables of one `colocation` group (`person`,
 *   `account`, …) have the same column type and keep rows of one key on one shard, so their
 *   primary key and unique indexes must contain the column, and a foreign key between two of
 *   them must join the column to the column.
 * - `reference`: a catalogue copied to every node (regions, assets, plugin state).
 * - `local`: stays on the coordinator (bookkeeping nobody joins with learner data).
 *
 * @example
 * export const recordsDistribution = [
 *   { table: records, kind: 'distributed', column: 'person_id', colocation: 'person' },
 *   { table: providers, kind: 'reference' },
 * ] as const satisfies readonly TableDistribution[];
 */
export type TableDistribution = DistributedTable | ReferenceTable | CoordinatorLocalTable;

export interface DistributedTable {
  table: TableRef;
  kind: 'distributed';
  /** The distribution column (its SQL name). */
  column: string;
  /** The colocation group (lowercase words joined by hyphens): tables distributed by the same kind of value. */
  colocation: string;
}

export interface ReferenceTable {
  table: TableRef;
  kind: 'reference';
}

export interface CoordinatorLocalTable {
  table: TableRef;
  kind: 'local';
  /** Why the table need not be distributed or copied. */
  reason: string;
}

/** A drizzle table, or a table drizzle does not know as `schema.table` (e.g. `public.lifelong_migrations`). */
export type TableRef = PgTable | `${string}.${string}`;

/** A declaration with its table as names: what the catalog check compares. */
export type ResolvedDistribution = { schema: string; table: string } & (
  | { kind: 'distributed'; column: string; colocation: string }
  | { kind: 'reference' }
  | { kind: 'local'; reason: string }
);

const COLOCATION_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Names a declaration's table and checks its shape; throws a TypeError naming what is wrong. */
export function resolveDistribution(d: TableDistribution): ResolvedDistribution {
  const { schema, table } = tableName(d.table);
  const name = `${schema}.${table}`;
  switch (d.kind) {
    case 'distributed':
      if (!d.column) throw new TypeError(`${name}: a distributed table needs its distribution column`);
      if (!COLOCATION_PATTERN.test(d.colocation)) {
        throw new TypeError(`${name}: colocation "${d.colocation}" must be lowercase words joined by hyphens`);
      }
      return { schema, table, kind: 'distributed', column: d.column, colocation: d.colocation };
    case 'reference':
      return { schema, table, kind: 'reference' };
    case 'local':
      if (!d.reason?.trim()) throw new TypeError(`${name}: say why the table may stay on the coordinator`);
      return { schema, table, kind: 'local', reason: d.reason };
    default:
      throw new TypeError(`${name}: unknown distribution kind "${(d as { kind: unknown }).kind}"`);
  }
}

function tableName(table: TableRef): { schema: string; table: string } {
  if (typeof table === 'string') {
    const [schema, name, ...rest] = table.split('.');
    if (!schema || !name || rest.length > 0) throw new TypeError(`"${table}" is not a schema.table name`);
    return { schema, table: name };
  }
  const config = getTableConfig(table);
  return { schema: config.schema ?? 'public', table: config.name };
}
