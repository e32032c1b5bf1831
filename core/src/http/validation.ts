import { FormatRegistry, Kind, type TObject, type TSchema, TypeRegistry } from '@sinclair/typebox';
import { type TypeCheck, TypeCompiler } from '@sinclair/typebox/compiler';
import { Value, type ValueError, ValueErrorType } from '@sinclair/typebox/value';
import type { FieldError } from '../errors/lifelong-error.js';
import { isUuid } from '../ids/uuid.js';
import { HUMAN_TEXT_FORMAT, humanTextIssue } from '../text/human-text.js';
import { isRealDate } from '../time/dates.js';

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A string schema with `minLength`/`maxLength` counted in code points, as JSON Schema defines them
 * (TypeBox counts UTF-16 code units, so one emoji would count as two). `string` is the schema
 * without its length bounds (type, pattern, format), checked by TypeBox.
 */
const CODE_POINT_STRING = 'LifelongCodePointString';
interface CodePointString extends TSchema {
  string: TSchema;
  minLength?: number;
  maxLength?: number;
}

/** Code points: a surrogate pair is one, an unpaired surrogate (refused elsewhere) one too. */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

// Code units bound code points from above, so most strings are decided without counting.
function tooShort(text: string, minLength: number | undefined): boolean {
  return minLength !== undefined && (text.length < minLength || codePointLength(text) < minLength);
}
function tooLong(text: string, maxLength: number | undefined): boolean {
  return maxLength !== undefined && text.length > maxLength && codePointLength(text) > maxLength;
}

const innerChecks = new WeakMap<TSchema, TypeCheck<TSchema>>();
function innerCheck(schema: CodePointString): TypeCheck<TSchema> {
  let check = innerChecks.get(schema.string);
  if (!check) {
    check = TypeCompiler.Compile(schema.string);
    innerChecks.set(schema.string, check);
  }
  return check;
}

/** The string formats our schemas use (TypeBox checks only registered formats), and our string kind. */
function registerFormats(): void {
  if (FormatRegistry.Has('uuid')) return;
  FormatRegistry.Set('uuid', isUuid);
  FormatRegistry.Set('date', (value) => isRealDate(value));
  FormatRegistry.Set('date-time', (value) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)));
  FormatRegistry.Set('uri', (value) => URL.canParse(value));
  FormatRegistry.Set(HUMAN_TEXT_FORMAT, (value) => humanTextIssue(value) === null);
  TypeRegistry.Set<CodePointString>(
    CODE_POINT_STRING,
    (schema, value) =>
      typeof value === 'string' &&
      !tooShort(value, schema.minLength) &&
      !tooLong(value, schema.maxLength) &&
      innerCheck(schema).Check(value),
  );
}

/**
 * A copy of `schema` for checking, in which every string schema with length bounds is our code
 * point kind. Documents (OpenAPI) keep showing the original, whose bounds mean the same thing.
 */
function withCodePointLengths(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withCodePointLengths);
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Record<string | symbol, unknown>;
  const copy: Record<string | symbol, unknown> = {};
  // Own symbol keys too: TypeBox keeps its kind and modifiers there.
  for (const key of Reflect.ownKeys(source)) copy[key] = withCodePointLengths(source[key]);
  if (source[Kind] !== 'String' || (source.minLength === undefined && source.maxLength === undefined)) return copy;
  const { minLength, maxLength, ...string } = copy;
  return {
    ...string,
    [Kind]: CODE_POINT_STRING,
    string,
    ...(typeof minLength === 'number' ? { minLength } : {}),
    ...(typeof maxLength === 'number' ? { maxLength } : {}),
  };
}

/** Compiles a schema once and caches the checker (route schemas are module-level constants). */
export function checkerFor<T extends TSchema>(schema: T): TypeCheck<T> {
  let check = compiled.get(schema);
  if (!check) {
    registerFormats();
    check = TypeCompiler.Compile(withCodePointLengths(schema) as TSchema);
    compiled.set(schema, check);
  }
  return check as TypeCheck<T>;
}

/** The first failing rule of a value against our code point string kind. */
function describeCodePointString(schema: CodePointString, error: ValueError, path: string): FieldError {
  const { value } = error;
  if (typeof value !== 'string') return { path, rule: 'string', message: 'Expected string' };
  if (tooShort(value, schema.minLength)) {
    return {
      path,
      rule: 'stringMinLength',
      message: `Expected string length greater or equal to ${schema.minLength} characters`,
    };
  }
  if (tooLong(value, schema.maxLength)) {
    return {
      path,
      rule: 'stringMaxLength',
      message: `Expected string length less or equal to ${schema.maxLength} characters`,
    };
  }
  const [inner] = innerCheck(schema).Errors(value);
  return inner ? { ...describeValueError(inner), path } : { path, rule: 'string', message: 'Invalid string' };
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
  if (error.type === ValueErrorType.Kind && error.schema[Kind] === CODE_POINT_STRING) {
    return describeCodePointString(error.schema as CodePointString, error, path);
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

// Numbers as JSON writes them: no sign but `-`, no leading zeros, blanks, exponents, hex or words.
const INTEGER_TEXT = /^-?(0|[1-9][0-9]*)$/;
const NUMBER_TEXT = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/**
 * One path or query value (a string) as the schema's type, when it is written exactly as that
 * type; anything else stays a string, which the schema then refuses (400). TypeBox's own
 * conversion is lenient (`true` → 1, `1e1` → 10, ` 5` → 5, `0x10` → 16, `1.5` → 1 for integers).
 */
function convertText(schema: TSchema, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  switch (schema[Kind]) {
    case 'Integer':
      return INTEGER_TEXT.test(value) ? Number(value) : value;
    case 'Number':
      return NUMBER_TEXT.test(value) ? Number(value) : value;
    case 'Boolean':
      return value === 'true' ? true : value === 'false' ? false : value;
    case 'Literal':
      return typeof schema.const === 'string'
        ? value
        : convertText({ [Kind]: typeof schema.const === 'number' ? 'Number' : 'Boolean' } as TSchema, value);
    case 'Union':
      if (checkerFor(schema).Check(value)) return value;
      for (const branch of schema.anyOf as TSchema[]) {
        const converted = convertText(branch, value);
        if (converted !== value && checkerFor(branch).Check(converted)) return converted;
      }
      return value;
    default:
      return value;
  }
}

/** Converts path and query parameters (strings) to the schema's types, strictly, then applies defaults. */
export function coerce(schema: TObject, value: Record<string, string>): unknown {
  const converted: Record<string, unknown> = { ...value };
  for (const [name, property] of Object.entries(schema.properties)) {
    if (name in converted) converted[name] = convertText(property, converted[name]);
  }
  return Value.Default(schema, converted);
}
