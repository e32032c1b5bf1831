// `@lifelong/core/contract`: every core operation's contract, and the means to build clients from
// contracts (the SDK's and the test platform's). Like `./schemas` it loads no server code, only
// TypeBox: `schemas-entry.test.ts` walks its imports to prove it.
import * as audit from './audit/contract.js';
import * as events from './events/contract.js';
import * as groups from './groups/contract.js';
import * as health from './health/contract.js';
import { isContract } from './http/contract-client.js';
import * as access from './identity/routes/access-contract.js';
import * as contacts from './identity/routes/contact-contract.js';
import * as institutions from './identity/routes/institution-contract.js';
import * as passwords from './identity/routes/password-contract.js';
import * as people from './identity/routes/people-contract.js';
import * as sessions from './identity/routes/session-contract.js';
import * as twoFactor from './identity/routes/two-factor-contract.js';
import * as ledger from './ledger/contract.js';
import * as notifications from './notifications/contract.js';
import * as plugins from './plugins/contract.js';
import * as privacy from './privacy/contract.js';
import * as regions from './regions/contract.js';

// Error kinds are part of a contract (its `errors`): defining them must not load the server.
export { defineError, type ErrorKind, LifelongError } from './errors/lifelong-error.js';
export * from './http/contract.js';
export * from './http/contract-client.js';
export {
  ConflictOfInterestError,
  LedgerInsufficientFunds,
  LedgerTransferRefused,
  PersonRequired,
} from './plugins/errors.js';

/**
 * Every core operation, by name. `bindContracts(coreContracts, call)` nests them by operationId:
 * `client.people.get`, `client.ledger.transfers.create`, …
 */
export const coreContracts = pickContracts(
  health,
  people,
  sessions,
  passwords,
  twoFactor,
  contacts,
  access,
  institutions,
  groups,
  regions,
  audit,
  events,
  ledger,
  notifications,
  plugins,
  privacy,
);

export type CoreContracts = typeof coreContracts;

type ContractsIn<T> = { [K in keyof T as T[K] extends { operationId: string; method: string } ? K : never]: T[K] };
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/** The contracts of module namespaces (not the schemas and constants beside them), one name each. */
function pickContracts<T extends Record<string, unknown>[]>(
  ...namespaces: T
): UnionToIntersection<{ [I in keyof T]: ContractsIn<T[I]> }[number]> {
  const picked: Record<string, unknown> = {};
  for (const namespace of namespaces) {
    for (const [name, value] of Object.entries(namespace)) {
      if (!isContract(value)) continue;
      if (name in picked) throw new TypeError(`Two core contracts are named ${name}`);
      picked[name] = value;
    }
  }
  return picked as never;
}
