/**
 * A query built once per database handle (or transaction) and reused: drizzle then skips
 * rebuilding the same SQL on every call, which on hot paths (authentication, balance reads) was a
 * measurable share of a request's CPU (docs/PERFORMANCE.md). `build` should end in
 * `.prepare(name)` with `sql.placeholder(...)` for the values.
 *
 * @example
 * const byHash = perDatabase((db: Database) =>
 *   db.select().from(apiKeys).where(eq(apiKeys.keyHash, sql.placeholder('hash'))).prepare('key_by_hash'));
 * const [row] = await byHash(db).execute({ hash });
 */
export function perDatabase<D extends object, P>(build: (db: D) => P): (db: D) => P {
  const built = new WeakMap<D, P>();
  return (db) => {
    let prepared = built.get(db);
    if (!prepared) {
      prepared = build(db);
      built.set(db, prepared);
    }
    return prepared;
  };
}
