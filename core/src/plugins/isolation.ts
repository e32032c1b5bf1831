import { sql } from 'drizzle-orm';
import type { Database, Queryable } from '../db/database.js';
import type { AnyPlugin } from './define-plugin.js';

/** The PostgreSQL role a plugin's queries run as: it may use its own schema and nothing else. */
export function pluginRole(pluginId: string): string {
  return `lifelong_plugin_${pluginId.replaceAll('-', '_')}`;
}

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * Creates each plugin's role (roles are per server: tolerate a concurrent creator) and grants it
 * its own schema. Run after migrations, so tables a new migration created are granted too.
 */
export async function grantPluginRoles(db: Database, plugins: readonly AnyPlugin[]): Promise<void> {
  for (const plugin of plugins) {
    const role = quote(pluginRole(plugin.id));
    const schema = quote(plugin.schemaName);
    await db.execute(
      sql.raw(
        `do $$ begin create role ${role} nologin; exception when duplicate_object or unique_violation then null; end $$`,
      ),
    );
    // The platform's own user must be a member to SET ROLE (superusers need not, others do).
    await db.execute(sql.raw(`do $$ begin grant ${role} to current_user; exception when others then null; end $$`));
    await db.execute(sql.raw(`create schema if not exists ${schema}`));
    await db.execute(sql.raw(`grant usage on schema ${schema} to ${role}`));
    await db.execute(sql.raw(`grant select, insert, update, delete on all tables in schema ${schema} to ${role}`));
    await db.execute(sql.raw(`grant usage, select, update on all sequences in schema ${schema} to ${role}`));
  }
}

/**
 * Runs `fn` with the transaction's role switched to `role` (null: the platform's own), then back.
 * After a failure the transaction is aborted and rolls back, so the role needs no restoring.
 * Already in `role` (a core call made from inside another one): no switch at all.
 */
export async function withRole<T>(
  tx: Queryable,
  role: string | null,
  previous: string | null,
  fn: () => Promise<T>,
): Promise<T> {
  if (role === previous) return fn();
  await setRole(tx, role);
  const result = await fn();
  await setRole(tx, previous);
  return result;
}

export async function setRole(tx: Queryable, role: string | null): Promise<void> {
  await tx.execute(sql.raw(role ? `set local role ${quote(role)}` : 'reset role'));
}
