import type { CallOptions } from './transport.js';
import type { Page, PageQuery } from './types.js';

/**
 * A list: iterate it for every item across all pages, or fetch one page.
 *
 * @example
 * for await (const entry of client.ledger.entries(accountId)) console.log(entry.postedDelta);
 * const first = await client.ledger.entries(accountId).page({ limit: 10 });
 */
export interface Paginated<T> extends AsyncIterable<T> {
  /** One page; pass the previous page's `nextCursor` as `cursor` for the next. */
  page(query?: PageQuery, options?: CallOptions): Promise<Page<T>>;
  /** Every page in turn. */
  pages(query?: Omit<PageQuery, 'cursor'>, options?: CallOptions): AsyncIterable<Page<T>>;
}

export function paginate<T>(
  fetchPage: (query: PageQuery, options: CallOptions | undefined) => Promise<Page<T>>,
  defaults: CallOptions = {},
): Paginated<T> {
  async function* pages(query: Omit<PageQuery, 'cursor'> = {}, options: CallOptions = defaults) {
    let cursor: string | undefined;
    do {
      const page = await fetchPage({ ...query, ...(cursor ? { cursor } : {}) }, options);
      yield page;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return {
    page: (query = {}, options = defaults) => fetchPage(query, options),
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.items;
    },
  };
}
