import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

/**
 * Where a table goes on a distributed PostgreSQL (Citus) cluster, declared next to the table and
 * checked against the catalog by `distributionViolations` (docs/scale.md):
 *
 * - `distributed`: hash-distributed by `column`; tables of one `colocation` group (`person`,
 *   `account`, …) have the same column type and keep rows of one key on one shard, so their
 *   primary key and unique indexes must contain the column, and a foreign key between two of
 *   them must join the column to the column.
 * - `reference`: a catalogue copied to every node (regions, assets, plugin state).
 * - `local`: stays on the coordinator (bookkeeping nobody joins with learner data).
 */
export type TableDistribution = DistributedTable | ReferenceTable | CoordinatorLocalTable;

interface Placement {
  /** PostgreSQL schema and table name. */
  schema: string;
  table: string;
}

export interface DistributedTable extends Placement {
  kind: 'distributed';
  /** The distribution column (its SQL name). */
  column: string;
  /** The colocation group: every table of it is distributed by a value of the same kind. */
  colocation: string;
}

export interface ReferenceTable extends Placement {
  kind: 'reference';
}

export interface CoordinatorLocalTable extends Placement {
  kind: 'local';
  /** Why the table need not be distributed or copied. */
  reason: string;
}

/** A drizzle table, or a table drizzle does not know as `schema.table` (e.g. `public.lifelong_migrations`). */
export type TableRef = PgTable | `${string}.${string}`;

const COLOCATION_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Declares a table hash-distributed by `column` in `colocation` (`person` for learner-keyed
 * data, `account` for the ledger; see docs/scale.md for the groups in use).
 *
 * @example export const distribution = [distributedBy(records, 'person_id', 'person')];
 */
export function distributedBy(table: TableRef, column: string, colocation: string): DistributedTable {
  if (!column) throw new TypeError('distributedBy: the distribution column is required');
  if (!COLOCATION_PATTERN.test(colocation)) {
    throw new TypeError(`distributedBy: colocation "${colocation}" must be lowercase words joined by hyphens`);
  }
  return { kind: 'distributed', ...placement(table), column, colocation };
}

/** Declares a catalogue table, copied to every node of the cluster. */
export function referenceTable(table: TableRef): ReferenceTable {
  return { kind: 'reference', ...placement(table) };
}

/** Declares a table that stays on the coordinator; `reason` says why that is enough. */
export function coordinatorLocal(table: TableRef, reason: string): CoordinatorLocalTable {
  if (!reason.trim()) throw new TypeError('coordinatorLocal: say why the table may stay on the coordinator');
  return { kind: 'local', ...placement(table), reason };
}

/** `schema.table` of a declaration, as the catalog check reports it. */
export function qualifiedName(d: Placement): string {
  return `${d.schema}.${d.table}`;
}

function placement(table: TableRef): Placement {
  if (typeof table === 'string') {
    const [schema, name, ...rest] = table.split('.');
    if (!schema || !name || rest.length > 0) throw new TypeError(`"${table}" is not a schema.table name`);
    return { schema, table: name };
  }
  const config = getTableConfig(table);
  return { schema: config.schema ?? 'public', table: config.name };
}
