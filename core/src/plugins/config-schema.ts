import { Kind, type TObject, type TSchema, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { FieldError } from '../errors/lifelong-error.js';
import { fieldErrors } from '../http/validation.js';

// A region's plugin config is checked against a *closed* copy of the plugin's schema: an unknown
// key is a typo (`maxLenght`) that would otherwise be stored beside the default and silently do
// nothing. Closing it here, rather than asking every plugin author for `additionalProperties:
// false` at every level, also covers third-party plugins. A schema that wants open keys says so:
// `Type.Record(...)`, or an explicit `additionalProperties` on the object.

const NO_CONFIG = Type.Object({}, { additionalProperties: false });
const ANY_KEYS = Type.Object({});
const closed = new WeakMap<TObject, TObject>();

function close(node: unknown, closeSelf: boolean): unknown {
  if (Array.isArray(node)) return node.map((item) => close(item, true));
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Record<string | symbol, unknown>;
  const copy: Record<string | symbol, unknown> = {};
  // Own symbol keys too: TypeBox keeps its kind and modifiers (Optional) there.
  for (const key of Reflect.ownKeys(source)) copy[key] = source[key];
  if (source[Kind] === undefined) return copy; // a `properties` map or plain data (a default), not a schema
  // Not `not`: closing what a schema forbids would loosen it.
  for (const key of ['items', 'anyOf', 'oneOf', 'additionalProperties']) {
    if (typeof copy[key] === 'object') copy[key] = close(copy[key], true);
  }
  for (const key of ['properties', 'patternProperties']) {
    const map = copy[key] as Record<string, unknown> | undefined;
    if (map) copy[key] = Object.fromEntries(Object.entries(map).map(([name, schema]) => [name, close(schema, true)]));
  }
  if (Array.isArray(copy.allOf)) {
    // An intersection's members each see only part of the keys: they stay open, and the
    // intersection as a whole refuses what none of them declares.
    copy.allOf = copy.allOf.map((member) => close(member, false));
    if (closeSelf && copy.unevaluatedProperties === undefined) copy.unevaluatedProperties = false;
  }
  if (closeSelf && source[Kind] === 'Object' && copy.additionalProperties === undefined) {
    copy.additionalProperties = false;
  }
  return copy;
}

/** The plugin's config schema with every object that leaves `additionalProperties` unset closed. */
export function closedConfigSchema(schema: TObject | undefined): TObject {
  if (!schema) return NO_CONFIG;
  let result = closed.get(schema);
  if (!result) {
    result = close(schema, true) as TObject;
    closed.set(schema, result);
  }
  return result;
}

export interface ConfigCheckOptions {
  /**
   * `refuse` (default) for configs being written (requests, seeds). `allow` only for configs
   * stored before unknown keys were refused: refusing those at boot would leave no running
   * platform to remove them with; the next PUT or PATCH of that plugin names them instead.
   */
  unknownKeys?: 'refuse' | 'allow';
}

/**
 * Problems with a region's config for a plugin, defaults applied first, as field errors under
 * `prefix` (e.g. `/body/config/maxLenght`, rule `additionalProperties`); empty when valid.
 */
export function configFieldErrors(
  schema: TObject | undefined,
  config: unknown,
  prefix = '',
  { unknownKeys = 'refuse' }: ConfigCheckOptions = {},
): FieldError[] {
  const checked = unknownKeys === 'refuse' ? closedConfigSchema(schema) : (schema ?? ANY_KEYS);
  const withDefaults = Value.Default(checked as TSchema, structuredClone(config ?? {}));
  return fieldErrors(checked, withDefaults, prefix);
}
