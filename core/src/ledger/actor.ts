import type { AuthenticatedPrincipal } from '../identity/principal.js';

/**
 * On whose authority a batch of transfers is posted; the ledger policy (policy.ts) decides from
 * it, and every stored transfer records it.
 * - `system`: the platform's own code (the CLI, the core's jobs, benchmarks, tests): trusted.
 * - `principal`: a caller of the HTTP API, acting for themself or their institution.
 * - `plugin`: a plugin's code (`ctx.ledger`), in a request on behalf of its `principal`, or in an
 *   event handler or job on its own.
 */
export type LedgerActor =
  | { readonly kind: 'system' }
  | { readonly kind: 'principal'; readonly principal: AuthenticatedPrincipal; readonly requestId?: string }
  | {
      readonly kind: 'plugin';
      readonly pluginId: string;
      readonly principal?: AuthenticatedPrincipal | undefined;
      readonly requestId?: string | undefined;
    };

export const SYSTEM_ACTOR: LedgerActor = Object.freeze({ kind: 'system' });

/** Who posted a transfer, as stored with it and shown by `GET /v1/ledger/transfers/{id}`. */
export interface TransferActor {
  /** `person` or `apiKey` (a caller), `plugin` (a plugin on its own), or `system`. */
  type: 'person' | 'apiKey' | 'plugin' | 'system';
  /** The person's, the key's or the plugin's id; null for the system. */
  id: string | null;
  /** The plugin whose code posted it, when a plugin did (on a caller's behalf or on its own). */
  plugin: string | null;
  /** The request it was posted in, when there was one. */
  requestId: string | null;
}

export function storedActor(actor: LedgerActor): TransferActor {
  if (actor.kind === 'system') return { type: 'system', id: null, plugin: null, requestId: null };
  const requestId = actor.requestId ?? null;
  if (actor.kind === 'principal') {
    return { type: actor.principal.kind, id: actor.principal.id, plugin: null, requestId };
  }
  if (actor.principal) {
    return { type: actor.principal.kind, id: actor.principal.id, plugin: actor.pluginId, requestId };
  }
  return { type: 'plugin', id: actor.pluginId, plugin: actor.pluginId, requestId };
}
