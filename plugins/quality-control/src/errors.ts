import { defineError } from '@lifelong/core/contract';

// The plugin's error kinds. Codes are stable once published; clients match on them.
export const ScopeNotFound = defineError(
  'QUALITY_CONTROL_SCOPE_NOT_FOUND',
  404,
  'No such scope in this region that you may see',
);
export const IndicatorNotFound = defineError(
  'QUALITY_CONTROL_INDICATOR_NOT_FOUND',
  404,
  "No such indicator in this region's library",
);
export const PackNotFound = defineError('QUALITY_CONTROL_PACK_NOT_FOUND', 404, 'No such indicator pack');
export const AlertNotFound = defineError('QUALITY_CONTROL_ALERT_NOT_FOUND', 404, 'No such alert that you may see');
export const ActionNotFound = defineError('QUALITY_CONTROL_ACTION_NOT_FOUND', 404, 'No such action that you may see');
export const CodeTaken = defineError(
  'QUALITY_CONTROL_CODE_TAKEN',
  409,
  'The code belongs to a first-party pack indicator; choose another',
);
export const ScopeExists = defineError('QUALITY_CONTROL_SCOPE_EXISTS', 409, 'The scope is already registered');
export const NotYetMeasurable = defineError(
  'QUALITY_CONTROL_NOT_YET_MEASURABLE',
  409,
  'The period after the baseline has no published observation yet',
);
export const AlreadyVerified = defineError(
  'QUALITY_CONTROL_ACTION_VERIFIED',
  409,
  'The action was already judged from its data',
);
