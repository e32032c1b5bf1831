import { type FieldError, ValidationFailed } from '@lifelong/core';

/** A 400 naming one field and the rule it broke, for checks the schema cannot express. */
export const invalidField = (path: string, rule: string, message: string) =>
  ValidationFailed({ detail: message, errors: [{ path, rule, message } satisfies FieldError] });
