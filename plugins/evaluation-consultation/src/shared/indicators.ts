import { type FieldError, ValidationFailed } from '@lifelong/core';
import type { TemplateDefinition } from './template-schema.js';

/** 400 naming each code that is not one of the template's indicators. */
export function requireIndicators(
  definition: TemplateDefinition,
  codes: readonly string[],
  path: (i: number) => string,
) {
  const known = new Set(definition.indicators.map((i) => i.code));
  const errors: FieldError[] = [];
  codes.forEach((code, i) => {
    if (!known.has(code)) {
      errors.push({
        path: path(i),
        rule: 'indicatorOfTemplate',
        message: `"${code}" is not an indicator of the engagement’s template.`,
      });
    }
  });
  if (errors.length > 0) throw ValidationFailed({ detail: errors[0]?.message, errors });
}
