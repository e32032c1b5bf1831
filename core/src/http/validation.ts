import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { Value, type ValueError, ValueErrorType } from '@sinclair/typebox/value';
import type { FieldError } from '../errors/lifelong-error.js';
import { isUuid } from '../ids/uuid.js';
import { HUMAN_TEXT_FORMAT, humanTextIssue } from '../text/human-text.js';
import { isRealDate } from '../time/dates.js';

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The string formats our schemas use; TypeBox checks only registered formats. */
function registerFormats(): void {
  if (FormatRegistry.Has('uuid')) return;
  FormatRegistry.Set('uuid', isUuid);
  FormatRegistry.Set('date', (value) => isRealDate(value));
  FormatRegistry.Set('date-time', (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
  FormatRegistry.Set('uri', (value) => URL.canParse(value));
  FormatRegistry.Set(HUMAN_TEXT_FORMAT, (value) => humanTextIssue(value) === null);
}

/** Compiles a schema once and caches the checker (route schemas are module-level constants). */
export function checkerFor<T extends TSchema>(schema: T): TypeCheck<T> {
  let check = compiled.get(schema);
  if (!check) {
    registerFormats();
    check = TypeCompiler.Compile(schema);
    compiled.set(schema, check);
  }
  return check as TypeCheck<T>;
}

/** `StringMaxLength` → `stringMaxLength`: the rule's name as clients see it. */
function ruleName(type: ValueErrorType): string {
  const name = ValueErrorType[type] ?? 'invalid';
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Turns a TypeBox error into a field error, with a message that names the rule's limit. */
export function describeValueError(error: ValueError, prefix = ''): FieldError {
  const path = `${prefix}${error.path}` || '/';
  if (error.type === ValueErrorType.ObjectAdditionalProperties) {
    return { path, rule: 'additionalProperties', message: 'Unknown property' };
  }
  if (error.type === ValueErrorType.ObjectRequiredProperty) {
    return { path, rule: 'required', message: 'Required property is missing' };
  }
  if (error.type === ValueErrorType.StringFormat && error.schema.format === HUMAN_TEXT_FORMAT) {
    const issue = humanTextIssue(String(error.value));
    if (issue) return { path, ...issue };
  }
  return { path, rule: ruleName(error.type), message: error.message };
}

const MAX_REPORTED_ERRORS = 20;

/**
 * Checks `value` against `schema` and returns the field errors, at most one per path (unions
 * otherwise report one error per branch) and at most 20 in all.
 */
export function fieldErrors(schema: TSchema, value: unknown, prefix: string): FieldError[] {
  const check = checkerFor(schema);
  if (check.Check(value)) return [];
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  for (const error of check.Errors(value)) {
    if (seen.has(error.path)) continue;
    seen.add(error.path);
    errors.push(describeValueError(error, prefix));
    if (errors.length >= MAX_REPORTED_ERRORS) break;
  }
  return errors;
}

/** Converts string inputs (path and query parameters) to the schema's types, then applies defaults. */
export function coerce(schema: TSchema, value: unknown): unknown {
  return Value.Default(schema, Value.Convert(schema, value));
}
