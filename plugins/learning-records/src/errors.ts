import { defineError } from '@lifelong/core/contract';

// The plugin's error kinds. Codes are stable once published; clients match on them. Contracts
// list them (`errors: [...]`), so this module loads no server code (client-entry.test.ts).
// Inside /xapi/ the statuses are the xAPI specification's; the body stays problem+json (the
// specification leaves error bodies to the LRS).
export const InstitutionNotFound = defineError(
  'LEARNING_RECORDS_INSTITUTION_NOT_FOUND',
  404,
  'No such institution, or not one the caller manages',
);
export const CredentialNotFound = defineError('LEARNING_RECORDS_CREDENTIAL_NOT_FOUND', 404, 'No such LRS credential');
export const XapiBadRequest = defineError('LEARNING_RECORDS_XAPI_BAD_REQUEST', 400, 'The xAPI request is not valid');
export const XapiUnauthorized = defineError(
  'LEARNING_RECORDS_XAPI_UNAUTHORIZED',
  401,
  'LRS credentials are missing or wrong',
);
export const XapiForbidden = defineError(
  'LEARNING_RECORDS_XAPI_FORBIDDEN',
  403,
  "The LRS credential's scopes do not allow this",
);
export const XapiNotFound = defineError('LEARNING_RECORDS_XAPI_NOT_FOUND', 404, 'No such statement or document');
export const XapiConflict = defineError(
  'LEARNING_RECORDS_XAPI_CONFLICT',
  409,
  'A different statement with this id is already stored',
);
export const XapiUnsupportedMediaType = defineError(
  'LEARNING_RECORDS_XAPI_UNSUPPORTED_MEDIA_TYPE',
  415,
  'Statements are sent as application/json',
);
export const XapiPreconditionFailed = defineError(
  'LEARNING_RECORDS_XAPI_PRECONDITION_FAILED',
  412,
  'If-Match or If-None-Match does not hold for the document',
);
export const PeopleOnly = defineError(
  'LEARNING_RECORDS_PEOPLE_ONLY',
  403,
  'Only a signed-in person has their own learning activity',
);
