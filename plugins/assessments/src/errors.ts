import { defineError } from '@lifelong/core/contract';

// The plugin's error kinds. Codes are stable once published; clients match on them. Contracts
// list them (`errors: [...]`), so this module loads no server code (client-entry.test.ts).
export const PeopleOnly = defineError('ASSESSMENTS_PEOPLE_ONLY', 403, 'Only people can do this');
export const BankNotFound = defineError('ASSESSMENTS_BANK_NOT_FOUND', 404, 'No such item bank in this region');
export const ItemNotFound = defineError('ASSESSMENTS_ITEM_NOT_FOUND', 404, 'No such item in this bank');
export const FormNotFound = defineError('ASSESSMENTS_FORM_NOT_FOUND', 404, 'No such form in this region');
export const AttemptNotFound = defineError('ASSESSMENTS_ATTEMPT_NOT_FOUND', 404, 'No such attempt');
export const BankFull = defineError('ASSESSMENTS_BANK_FULL', 409, 'The bank holds as many items as the region allows');
export const FormClosed = defineError('ASSESSMENTS_FORM_CLOSED', 409, 'The form is not open for attempts');
export const AttemptInProgress = defineError(
  'ASSESSMENTS_ATTEMPT_IN_PROGRESS',
  409,
  'An attempt at this form is already in progress',
);
export const AttemptLimitReached = defineError(
  'ASSESSMENTS_ATTEMPT_LIMIT_REACHED',
  409,
  'No attempts at this form are left',
);
export const CoolingDown = defineError(
  'ASSESSMENTS_COOLDOWN',
  409,
  'The form may be attempted again only after its cooldown',
);
export const AttemptExpired = defineError('ASSESSMENTS_ATTEMPT_EXPIRED', 409, 'The attempt ran out of time');
export const AttemptSubmitted = defineError('ASSESSMENTS_ATTEMPT_SUBMITTED', 409, 'The attempt was already submitted');
