import type { Static, TSchema } from '@sinclair/typebox';
import type { AnyContract, RequestSpec, RouteContract, UploadSpec } from './contract.js';

// Clients built from contracts: one function per operation, nested by its dotted operationId,
// typed by the contract's schemas. How a call travels (fetch, retries, auth, an in-process app)
// is the caller's: the SDK and the test platform each pass their own `CallContract`.
// Server-free, like contract.ts.

/**
 * Contracts by any names: a module namespace (`import * as contracts`) or a plain object. Values
 * that are not contracts (the schemas beside them) are left out.
 */
export type ContractSet = Readonly<Record<string, unknown>>;

/** Whether a value is a route contract (what `defineContract` returns). */
export const isContract = (value: unknown): value is AnyContract =>
  typeof value === 'object' && value !== null && 'operationId' in value && 'method' in value && 'responses' in value;

/**
 * Whether the operation answers with a file (a response declared with `file`): clients then hand
 * back the raw `Response` (200, 206 or 304) instead of parsing JSON.
 */
export const answersWithFile = (contract: AnyContract): boolean =>
  Object.values(contract.responses as Record<string, { file?: unknown }>).some((spec) => Boolean(spec.file));

/** An upload operation's input: the file and its media type. */
export interface FileInput {
  body: Blob | Uint8Array | ArrayBuffer;
  contentType: string;
}

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type Part<S> = S extends TSchema ? Static<S> : unknown;
type BodyInput<Q extends RequestSpec> = Q['body'] extends TSchema
  ? Record<string, never> extends Static<Q['body']>
    ? { body?: Static<Q['body']> }
    : { body: Static<Q['body']> }
  : Q['upload'] extends UploadSpec
    ? FileInput
    : unknown;

/** One argument: path and query parameters by name, plus `body` (JSON or a file). */
export type InputOf<C> =
  C extends RouteContract<string, infer Q, infer _R>
    ? Simplify<Part<Q['params']> & Part<Q['query']> & BodyInput<Q>>
    : never;

/** What a successful call resolves to: the 2xx body (`undefined` for 204). */
export type OutputOf<C> =
  C extends RouteContract<string, infer _Q, infer R>
    ? {
        [K in keyof R & number]: `${K}` extends `2${string}`
          ? R[K] extends { file: object }
            ? Response
            : R[K] extends { schema: infer S extends TSchema }
              ? Static<S>
              : undefined
          : never;
      }[keyof R & number]
    : never;

type ItemOf<C> = OutputOf<C> extends { items: (infer T)[]; nextCursor: string | null } ? T : never;

/** The extra methods of a list operation (a `cursor` query and a `{ items, nextCursor }` answer). */
export interface ListMethods<C, O> {
  /** Every item across all pages (`cursor` is managed for you). */
  all(input?: Omit<InputOf<C>, 'cursor'>, options?: O): AsyncIterable<ItemOf<C>>;
  /** Every page in turn. */
  pages(input?: Omit<InputOf<C>, 'cursor'>, options?: O): AsyncIterable<OutputOf<C>>;
}

/** One operation as a function of `(input, options?)`, carrying its contract. */
export type ContractMethod<C, O> = (Record<string, never> extends InputOf<C>
  ? (input?: InputOf<C>, options?: O) => Promise<OutputOf<C>>
  : (input: InputOf<C>, options?: O) => Promise<OutputOf<C>>) & { readonly contract: C } & ([ItemOf<C>] extends [never]
    ? unknown
    : ListMethods<C, O>);

type Nest<Id extends string, V> = Id extends `${infer Head}.${infer Tail}`
  ? { readonly [K in Head]: Nest<Tail, V> }
  : { readonly [K in Id]: V };
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The client of a set of contracts: `client.people.get(…)` for operationId `people.get`. */
export type ClientOf<S extends ContractSet, O> = UnionToIntersection<
  {
    [K in keyof S]: S[K] extends AnyContract ? Nest<S[K]['operationId'], ContractMethod<S[K], O>> : never;
  }[keyof S]
>;

/** A call ready to send: the path filled in and prefixed, query and body split out. */
export interface ContractCall {
  contract: AnyContract;
  path: string;
  query: Record<string, unknown>;
  body?: unknown;
  /** For uploads: the file's media type (`body` is the file). */
  contentType?: string;
}

export type CallContract<O> = (call: ContractCall, options: O | undefined) => Promise<unknown>;

/**
 * Builds the client of a set of contracts. `base` prefixes every path (a plugin's `/v1/<id>`).
 *
 * @example
 * const client = bindContracts(coreContracts, (call) => send(call));
 * await client.people.get({ learnerNumber });
 */
export function bindContracts<S extends ContractSet, O>(
  contracts: S,
  call: CallContract<O>,
  base = '',
): ClientOf<S, O> {
  const root: Record<string, unknown> = {};
  for (const contract of Object.values(contracts).filter(isContract)) {
    const names = contract.operationId.split('.');
    const last = names.pop() as string;
    let node = root;
    for (const name of names) {
      node[name] ??= {};
      const next = node[name] as Record<string, unknown>;
      if (typeof next === 'function') throw new TypeError(`operationId ${contract.operationId} nests under a method`);
      node = next;
    }
    if (last in node) throw new TypeError(`operationId ${contract.operationId} is taken`);
    node[last] = methodFor(contract, call, base);
  }
  return root as ClientOf<S, O>;
}

function isList(contract: AnyContract): boolean {
  const answer = contract.responses[200]?.schema?.properties;
  return Boolean(contract.request?.query?.properties?.cursor && answer?.items && answer?.nextCursor);
}

function methodFor<O>(contract: AnyContract, call: CallContract<O>, base: string) {
  const pathNames = new Set([...contract.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string));
  const queryNames = new Set(Object.keys(contract.request?.query?.properties ?? {}));
  const upload = Boolean(contract.request?.upload);

  const invoke = (input: Record<string, unknown> = {}, options?: O) => {
    let path = contract.path;
    const query: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(input)) {
      if (name === 'body' || (upload && name === 'contentType')) continue;
      if (pathNames.has(name)) path = path.replace(`{${name}}`, encodeURIComponent(String(value)));
      else if (queryNames.has(name)) query[name] = value;
      else throw new TypeError(`${contract.operationId}: no parameter "${name}"`);
    }
    const missing = [...pathNames].find((name) => input[name] === undefined);
    if (missing) throw new TypeError(`${contract.operationId}: "${missing}" is required`);
    return call(
      {
        contract,
        path: `${base}${path}`,
        query,
        body: input.body,
        ...(upload ? { contentType: input.contentType as string } : {}),
      },
      options,
    );
  };

  const method = Object.assign(invoke, { contract });
  if (!isList(contract)) return method;
  type Page = { items: unknown[]; nextCursor: string | null };
  async function* pages(input: Record<string, unknown> = {}, options?: O) {
    let cursor: string | null = null;
    do {
      const page = (await invoke(cursor ? { ...input, cursor } : input, options)) as Page;
      yield page;
      cursor = page.nextCursor;
    } while (cursor);
  }
  async function* all(input: Record<string, unknown> = {}, options?: O) {
    for await (const page of pages(input, options)) yield* page.items;
  }
  return Object.assign(method, { pages, all });
}

/** A plugin's contracts, as its package's `./client` entry default-exports them. */
export interface PluginContracts<Id extends string = string, S extends ContractSet = ContractSet> {
  readonly id: Id;
  readonly contracts: S;
}

/**
 * Declares a plugin's client module: its id and contracts. Default-export it from the plugin's
 * `./client` entry; `createClient({ plugins: [it] })` then serves it as `client.<camelId>`.
 *
 * @example
 * import * as contracts from './contracts.js';
 * export default definePluginClient('reading-club', contracts);
 */
export function definePluginClient<const Id extends string, S extends ContractSet>(
  id: Id,
  contracts: S,
): PluginContracts<Id, S> {
  return Object.freeze({ id, contracts });
}

type CamelId<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelId<Tail>>}` : S;

/** `reading-club` → `readingClub`: where a plugin's operations sit in operationIds and on clients. */
export function camelId<const Id extends string>(id: Id): CamelId<Id> {
  return id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()) as CamelId<Id>;
}

/** `{ [camelId]: client }` for a list of plugin client modules. */
export type PluginClientsOf<P extends readonly PluginContracts[], O> = [P[number]] extends [never]
  ? Record<never, never>
  : UnionToIntersection<
      {
        [K in keyof P]: P[K] extends PluginContracts<infer Id, infer S>
          ? { readonly [N in CamelId<Id>]: ClientOf<S, O> }
          : never;
      }[number]
    >;

/** Binds each plugin's contracts under its camelCase id, with paths under `/v1/<id>`. */
export function bindPluginContracts<P extends readonly PluginContracts[], O>(
  plugins: P,
  call: CallContract<O>,
): PluginClientsOf<P, O> {
  const clients: Record<string, unknown> = {};
  for (const plugin of plugins) clients[camelId(plugin.id)] = bindContracts(plugin.contracts, call, `/v1/${plugin.id}`);
  return clients as PluginClientsOf<P, O>;
}
