import creditBank from '@lifelong/plugin-credit-bank/client';
import { createClient, type IssuedSession, type LifelongClient, type PluginContracts } from '@lifelong/sdk';

// The session lives in sessionStorage: it survives a reload but not the tab, and no other site can
// read it (the CSP allows no script but the portal's own).
const SESSION_KEY = 'lifelong.session';
const REGION_KEY = 'lifelong.region';

function read<T>(storage: Storage | undefined, key: string): T | undefined {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

function storage(kind: 'sessionStorage' | 'localStorage'): Storage | undefined {
  try {
    return globalThis[kind];
  } catch {
    return undefined;
  }
}

let session: IssuedSession | undefined = read(storage('sessionStorage'), SESSION_KEY);

/** A session store over sessionStorage, so the SDK refreshes and keeps the token across reloads. */
const sessionStore = {
  get: () => session,
  set: (next: IssuedSession | undefined) => {
    session = next;
    if (next) storage('sessionStorage')?.setItem(SESSION_KEY, JSON.stringify(next));
    else storage('sessionStorage')?.removeItem(SESSION_KEY);
  },
};

/** The portal's client: the core and the credit bank. */
export type Client = LifelongClient<[typeof creditBank]>;

const makeClient = (region: string): Client =>
  createClient({
    baseUrl: window.location.origin,
    region,
    auth: sessionStore,
    plugins: [creditBank],
    timeoutMs: 15_000,
  });

let region: string = read<string>(storage('localStorage'), REGION_KEY) ?? 'default';
let client: Client = makeClient(region);

/** The SDK client for the current region (the signed-in person's region once known). */
export const api = (): Client => client;

// Per client (so per region), the client with each center's plugin bound.
const bound = new WeakMap<Client, Map<string, unknown>>();

/**
 * The client with a center's plugin bound, for that center's pages: the plugin's client module is
 * imported by its pages only, so it loads with them and adds nothing to the first page; the
 * transport (session, refresh, region) is the portal's one.
 *
 * @example
 * import community from '@lifelong/plugin-community/client';
 * const needs = await centerApi(community).community.needs.list({});
 */
export function centerApi<const P extends PluginContracts>(plugin: P): LifelongClient<[typeof creditBank, P]> {
  const clients = bound.get(client) ?? new Map<string, unknown>();
  bound.set(client, clients);
  const extended =
    (clients.get(plugin.id) as LifelongClient<[typeof creditBank, P]> | undefined) ?? client.withPlugins([plugin]);
  clients.set(plugin.id, extended);
  return extended;
}

/** The region calls go to. */
export const currentRegion = (): string => region;

/** Follows the signed-in person to their region: plugins are enabled and configured per region. */
export function useRegion(next: string): void {
  if (next === region) return;
  region = next;
  storage('localStorage')?.setItem(REGION_KEY, JSON.stringify(next));
  client = makeClient(next);
}

/** Whether a session is stored (it may still turn out expired). */
export const hasSession = (): boolean => session !== undefined;

/** Forgets the session locally (after sign-out, or when the platform no longer accepts it). */
export const clearSession = (): void => sessionStore.set(undefined);
