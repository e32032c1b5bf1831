import type postgres from 'postgres';

/**
 * What a rejected request may legitimately change, and why; everything else in every schema
 * (core, plugins, public) must be byte-for-byte the same after a rejected request.
 */
const ALLOWED_CHANGES: Record<string, { skip?: true; where?: string; dropColumns?: string[] }> = {
  // A rejected sign-in (wrong password, unknown account) is a counted failure: that is the back-off.
  'core.sign_in_throttles': { skip: true },
  // ...and it is audited as such; no other audit row may appear for a rejected request.
  'core.audit_log': { where: `action <> 'session.sign-in-failed'` },
  // An API key's last use is informational and written even when the request is then refused.
  'core.api_keys': { dropColumns: ['last_used_at'] },
};

export type Snapshot = Map<string, string>;

/** A hash of every row of every table (minus ALLOWED_CHANGES), one per table. */
export async function snapshot(sql: postgres.Sql): Promise<Snapshot> {
  const tables = await sql<{ schema: string; name: string }[]>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
    order by 1, 2`;
  const out: Snapshot = new Map();
  for (const { schema, name } of tables) {
    const key = `${schema}.${name}`;
    const rule = ALLOWED_CHANGES[key] ?? {};
    if (rule.skip) continue;
    const row = `to_jsonb(t)${(rule.dropColumns ?? []).map((c) => ` - '${c}'`).join('')}`;
    const [result] = await sql.unsafe<{ hash: string; rows: number }[]>(
      `select md5(coalesce(string_agg(md5((${row})::text), ',' order by md5((${row})::text)), '')) as hash,
              count(*)::int as rows
       from "${schema}"."${name}" t ${rule.where ? `where ${rule.where}` : ''}`,
    );
    out.set(key, `${result?.rows}:${result?.hash}`);
  }
  return out;
}

/** Tables whose hash differs between two snapshots. */
export function changedTables(before: Snapshot, after: Snapshot): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((k) => before.get(k) !== after.get(k));
}
