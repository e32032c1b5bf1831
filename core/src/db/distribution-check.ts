import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, resultRows } from './database.js';
import { type ResolvedDistribution, resolveDistribution, type TableDistribution } from './distribution.js';

/** What `distributionViolations` can find wrong with a table (docs/scale.md, "The rules"). */
export type DistributionRule =
  /** A table in a checked schema that nothing declares. */
  | 'undeclared-table'
  /** A declaration whose table the migrations do not create. */
  | 'declared-table-missing'
  /** A table declared twice. */
  | 'declared-twice'
  | 'distribution-column-missing'
  /** Citus refuses a NULL distribution value: the column must be NOT NULL. */
  | 'distribution-column-nullable'
  /** Two tables of one colocation group distributed by columns of different types. */
  | 'colocation-type-mismatch'
  /** A primary key or unique index without the distribution column: not enforceable per shard. */
  | 'unique-without-distribution-column'
  /** A foreign key Citus cannot check on one shard: not colocated, not to a reference table. */
  | 'foreign-key-crosses-shards'
  /** A foreign key to a table outside the declarations. */
  | 'foreign-key-to-undeclared-table';

export interface DistributionViolation {
  /** `schema.table`. */
  table: string;
  rule: DistributionRule;
  /** The index, constraint or column concerned, with its columns: stable, for allowlists. */
  detail: string;
}

export interface DistributionCheckOptions {
  /** Every declaration that applies (also those of tables referenced from the checked schemas). */
  declarations: readonly TableDistribution[];
  /** The schemas whose tables are checked; violations are reported for these only. */
  schemas: readonly string[];
}

interface ColumnRow {
  schema: string;
  table: string;
  column: string;
  type: string;
  not_null: boolean;
}

interface UniqueRow {
  schema: string;
  table: string;
  index: string;
  primary: boolean;
  columns: string | null;
  expressions: boolean;
}

interface ForeignKeyRow {
  schema: string;
  table: string;
  name: string;
  ref_schema: string;
  ref_table: string;
  columns: string;
  ref_columns: string;
}

/**
 * Reads the catalog (after migrations) and lists every way the tables of `schemas` break the
 * distribution rules of docs/scale.md, given their declarations: undeclared tables, primary keys
 * and unique indexes without the distribution column, foreign keys that cross shards. Plain
 * PostgreSQL or PGlite is enough: nothing here needs Citus. Sorted, so tests can compare it with
 * an allowlist.
 */
export async function distributionViolations(
  db: Queryable,
  { declarations, schemas }: DistributionCheckOptions,
): Promise<DistributionViolation[]> {
  if (schemas.length === 0) return [];
  const checked = new Set(schemas);
  const violations: DistributionViolation[] = [];
  const report: Report = (table, rule, detail) => {
    if (checked.has(table.slice(0, table.indexOf('.')))) violations.push({ table, rule, detail });
  };

  const resolved = declarations.map(resolveDistribution);
  const declared = new Map<string, ResolvedDistribution>();
  for (const d of resolved) {
    const name = `${d.schema}.${d.table}`;
    if (declared.has(name)) report(name, 'declared-twice', placementOf(d));
    declared.set(name, d);
  }
  // Columns of the checked schemas and of every declared table: colocation types and foreign
  // key targets may live in other schemas (a plugin's tables in the core's `person` group).
  const inSchemas = [...new Set([...schemas, ...resolved.map((d) => d.schema)])];
  checkColumns(resultRows<ColumnRow>(await db.execute(columnsQuery(inSchemas))), declared, report);
  checkUniqueIndexes(resultRows<UniqueRow>(await db.execute(uniqueIndexesQuery(schemas))), declared, report);
  checkForeignKeys(resultRows<ForeignKeyRow>(await db.execute(foreignKeysQuery(schemas))), declared, report);

  return violations.sort(
    (a, b) => a.table.localeCompare(b.table) || a.rule.localeCompare(b.rule) || a.detail.localeCompare(b.detail),
  );
}

type Report = (table: string, rule: DistributionRule, detail: string) => void;
type Declared = ReadonlyMap<string, ResolvedDistribution>;

/** Every table declared and every declaration a table; distribution columns present, NOT NULL, one type per group. */
function checkColumns(rows: readonly ColumnRow[], declared: Declared, report: Report): void {
  const tables = new Map<string, Map<string, ColumnRow>>();
  for (const row of rows) {
    const name = `${row.schema}.${row.table}`;
    const byName = tables.get(name) ?? new Map<string, ColumnRow>();
    byName.set(row.column, row);
    tables.set(name, byName);
  }
  for (const name of tables.keys()) {
    if (!declared.has(name)) report(name, 'undeclared-table', 'no distribution declaration');
  }
  const groupTypes = new Map<string, { type: string; table: string }>();
  for (const [name, d] of declared) {
    const table = tables.get(name);
    if (!table) {
      report(name, 'declared-table-missing', placementOf(d));
      continue;
    }
    if (d.kind !== 'distributed') continue;
    const column = table.get(d.column);
    if (!column) {
      report(name, 'distribution-column-missing', `${d.column} (colocation ${d.colocation})`);
      continue;
    }
    if (!column.not_null) report(name, 'distribution-column-nullable', d.column);
    const group = groupTypes.get(d.colocation);
    if (!group) groupTypes.set(d.colocation, { type: column.type, table: name });
    else if (group.type !== column.type) {
      const detail = `${d.column} is ${column.type}, ${group.table} in ${d.colocation} is ${group.type}`;
      report(name, 'colocation-type-mismatch', detail);
    }
  }
}

/** A distributed table's primary key and unique indexes have its distribution column as a key column. */
function checkUniqueIndexes(rows: readonly UniqueRow[], declared: Declared, report: Report): void {
  for (const row of rows) {
    const name = `${row.schema}.${row.table}`;
    const d = declared.get(name);
    if (d?.kind !== 'distributed') continue;
    const keyColumns = splitColumns(row.columns);
    if (keyColumns.includes(d.column)) continue;
    const what = row.primary ? 'primary key' : 'unique index';
    const list = [...keyColumns, ...(row.expressions ? ['<expression>'] : [])].join(', ');
    report(name, 'unique-without-distribution-column', `${what} ${row.index} (${list}) lacks ${d.column}`);
  }
}

/** Every foreign key can be checked on one node. */
function checkForeignKeys(rows: readonly ForeignKeyRow[], declared: Declared, report: Report): void {
  for (const row of rows) {
    const name = `${row.schema}.${row.table}`;
    const target = `${row.ref_schema}.${row.ref_table}`;
    const detail = `${row.name} (${row.columns}) → ${target} (${row.ref_columns})`;
    const from = declared.get(name);
    const to = declared.get(target);
    if (!from) continue; // reported as undeclared
    if (!to) {
      report(name, 'foreign-key-to-undeclared-table', detail);
      continue;
    }
    if (!foreignKeyStaysOnShard(from, to, splitColumns(row.columns), splitColumns(row.ref_columns))) {
      report(name, 'foreign-key-crosses-shards', `${detail}: ${placementOf(from)} → ${placementOf(to)}`);
    }
  }
}

/**
 * Citus checks a foreign key on one node when both rows are there: to a reference table (copied
 * everywhere) from any table, between two coordinator tables, or between colocated distributed
 * tables whose key joins distribution column to distribution column.
 */
function foreignKeyStaysOnShard(
  from: ResolvedDistribution,
  to: ResolvedDistribution,
  columns: readonly string[],
  refColumns: readonly string[],
): boolean {
  if (to.kind === 'reference') return true;
  if (to.kind === 'local') return from.kind === 'local';
  if (from.kind !== 'distributed' || from.colocation !== to.colocation) return false;
  const at = columns.indexOf(from.column);
  return at >= 0 && refColumns[at] === to.column;
}

function placementOf(d: ResolvedDistribution): string {
  if (d.kind === 'distributed') return `distributed by ${d.column} (${d.colocation})`;
  return d.kind === 'reference' ? 'reference' : 'coordinator-local';
}

function splitColumns(list: string | null): string[] {
  return list ? list.split(',') : [];
}

function schemaList(schemas: readonly string[]): SQL {
  return sql.join(
    schemas.map((schema) => sql`${schema}`),
    sql`, `,
  );
}

// Column lists come back joined with ',' (SQL names here never contain one): arrays of `name`
// are decoded differently by postgres.js and PGlite.
function columnsQuery(schemas: readonly string[]): SQL {
  return sql`
    select n.nspname as schema, c.relname as table, a.attname as column,
      format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    where c.relkind in ('r', 'p') and not c.relispartition and n.nspname in (${schemaList(schemas)})
    order by 1, 2, a.attnum`;
}

function uniqueIndexesQuery(schemas: readonly string[]): SQL {
  return sql`
    select n.nspname as schema, t.relname as table, i.relname as index, ix.indisprimary as primary,
      (select string_agg(a.attname, ',' order by k.ord)
         from unnest(ix.indkey::int2[]) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
         where k.ord <= ix.indnkeyatts) as columns,
      ix.indexprs is not null as expressions
    from pg_index ix
    join pg_class i on i.oid = ix.indexrelid
    join pg_class t on t.oid = ix.indrelid
    join pg_namespace n on n.oid = t.relnamespace
    where ix.indisunique and n.nspname in (${schemaList(schemas)})
    order by 1, 2, 3`;
}

function foreignKeysQuery(schemas: readonly string[]): SQL {
  return sql`
    select n.nspname as schema, c.relname as table, con.conname as name,
      rn.nspname as ref_schema, rc.relname as ref_table,
      (select string_agg(a.attname, ',' order by k.ord)
         from unnest(con.conkey) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns,
      (select string_agg(a.attname, ',' order by k.ord)
         from unnest(con.confkey) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as ref_columns
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_class rc on rc.oid = con.confrelid
    join pg_namespace rn on rn.oid = rc.relnamespace
    where con.contype = 'f' and n.nspname in (${schemaList(schemas)})
    order by 1, 2, 3`;
}
