import { LifelongError, type Me } from '@lifelong/sdk';
import { reactive } from 'vue';
import { api, clearSession, currentRegion, hasSession, useRegion } from './api.js';

export interface SessionState {
  /** Who is signed in; undefined when nobody is (or not yet known). */
  me: Me | undefined;
  /** Plugins enabled in the current region; undefined until `GET /v1/plugins` answered. */
  enabledPlugins: ReadonlySet<string> | undefined;
  /** Unread notifications of the signed-in person (shown in the navigation). */
  unread: number;
  /** Whether the signed-in person is a guardian of a minor now (the "Family" page is shown). */
  hasChildren: boolean;
}

export const state = reactive<SessionState>({
  me: undefined,
  enabledPlugins: undefined,
  unread: 0,
  hasChildren: false,
});

/** Whether a plugin's pages are shown: only where the region enables it. */
export const pluginEnabled = (pluginId: string): boolean => state.enabledPlugins?.has(pluginId) ?? false;

/** Reads which plugins the region enables (public, so it works before sign-in). */
export async function loadPlugins(): Promise<void> {
  const { items } = await api().plugins.list();
  const region = currentRegion();
  state.enabledPlugins = new Set(
    items.filter((plugin) => plugin.regions.some((r) => r.regionId === region && r.enabled)).map((p) => p.id),
  );
}

/** Restores the signed-in person from a stored session; a session the platform refuses is dropped. */
export async function restore(): Promise<void> {
  if (!hasSession()) return;
  try {
    await loadMe();
  } catch (error) {
    if (error instanceof LifelongError && error.status === 401) clearSession();
    else throw error;
  }
}

/** Counts the unread notifications again (after reading some, or on sign-in). */
export async function refreshUnread(): Promise<void> {
  if (state.me?.kind !== 'person') return;
  try {
    state.unread = (await api().me.notifications.list({ limit: 1, unread: true })).unreadCount;
  } catch {
    // The count is a hint; the inbox itself shows any error.
  }
}

async function loadChildren(): Promise<void> {
  if (state.me?.kind !== 'person') return;
  try {
    state.hasChildren = (await api().me.children.list()).items.length > 0;
  } catch {
    // Without an answer the page stays hidden; the family page itself shows errors.
  }
}

async function loadMe(): Promise<void> {
  const me = await api().me.get();
  state.me = me;
  void refreshUnread();
  await loadChildren();
  const region = me.person?.regionId;
  if (region && region !== currentRegion()) {
    useRegion(region);
    await loadPlugins();
  }
}

/** Signs in with learner number and password (the SDK keeps the token pair). */
export async function signIn(learnerNumber: string, password: string): Promise<void> {
  await api().sessions.create({ body: { learnerNumber, password } });
  await loadMe();
}

/** Ends the session on the platform and forgets it here, even when the platform is unreachable. */
export async function signOut(): Promise<void> {
  try {
    await api().sessions.current.delete();
  } catch {
    // Signed out locally regardless: the token is dropped and expires on its own.
  } finally {
    clearSession();
    state.me = undefined;
    state.unread = 0;
    state.hasChildren = false;
  }
}
