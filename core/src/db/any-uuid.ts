import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/**
 * `column = any($1::uuid[])` with the ids as one parameter: the statement's text does not depend
 * on how many ids there are, so it is prepared once per connection and reused, where
 * `inArray` (`in ($1, …, $n)`) makes a new statement for every list length (and ledger batches
 * reach 8,000 ids, beyond the prepared-statement bound). The ids travel as one comma-separated
 * text, which both drivers bind the same way; callers pass validated UUIDs (no commas).
 */
export function anyUuid(column: SQLWrapper, ids: Iterable<string>): SQL {
  return sql`${column} = any(string_to_array(${[...ids].join(',')}, ',')::uuid[])`;
}
