import { defineError } from '../errors/lifelong-error.js';

// Error kinds of per-region plugin administration (docs/errors.md). Codes are stable.

/** Extensions: `pluginId`, `requirements` (the disabled plugins it needs). */
export const PluginRequirementDisabled = defineError(
  'PLUGIN_REQUIREMENT_DISABLED',
  409,
  'A plugin this one requires is disabled in the region',
);

/** Extensions: `pluginId`, `dependents` (the enabled plugins that need it). */
export const PluginRequiredByEnabled = defineError(
  'PLUGIN_REQUIRED_BY_ENABLED',
  409,
  'Plugins enabled in the region require this one',
);

/** A route only a signed-in person may use was called with an API key. */
export const PersonRequired = defineError('PERSON_REQUIRED', 403, 'Only a signed-in person may do this');

/** Extensions: `rule` (see `ConflictOfInterest`), `action`. */
export const ConflictOfInterestError = defineError(
  'CONFLICT_OF_INTEREST',
  403,
  'You may not do this to something you or those close to you own',
);

/** Extensions: `reason` (the transfer status), `transferId`. */
export const LedgerInsufficientFunds = defineError(
  'LEDGER_INSUFFICIENT_FUNDS',
  409,
  'The paying account does not hold enough for this',
);
/** Extensions: `reason`, `transferId`. */
export const LedgerTransferRefused = defineError('LEDGER_TRANSFER_REFUSED', 409, 'The ledger refused the transfer');
