import type { Sql } from 'postgres';

/**
 * Statements with at most this many parameters are prepared (named and cached per connection).
 * The bound keeps the cache small: a statement's text varies mostly with the length of an
 * `in (...)` list, so at most this many variants of one query are ever cached.
 */
export const MAX_PREPARED_PARAMETERS = 64;

/**
 * Makes drizzle's queries prepared statements on postgres.js.
 *
 * drizzle sends every query through `sql.unsafe(text, params, { prepare: false })`. For an
 * unnamed statement with parameters postgres.js first sends Parse + Describe and waits for the
 * parameter types before it sends Bind + Execute, and sends nothing else on that connection in
 * the meantime: every parameterised query cost two round trips, and statements issued together
 * in a transaction were not pipelined. A prepared statement is described once per connection;
 * after that a query is one round trip and pipelines. Transactions and savepoints hand out
 * their own `Sql`, which is wrapped the same way.
 */
export function preferPrepared(client: Sql): Sql {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        return (text: string, args: unknown[] = [], options: Record<string, unknown> = {}) =>
          target.unsafe(text, args as never, {
            ...options,
            prepare: options.prepare === true || (args.length > 0 && args.length <= MAX_PREPARED_PARAMETERS),
          });
      }
      if (property === 'begin' || property === 'savepoint') {
        return (...args: unknown[]) => {
          const fn = args.pop() as (sql: Sql) => unknown;
          const original = Reflect.get(target, property, target) as (...a: unknown[]) => unknown;
          return original(...args, (sql: Sql) => fn(preferPrepared(sql)));
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
