import type { TSchema } from '@sinclair/typebox';
import { HUMAN_TEXT_FORMAT, normalizeHumanText } from './human-text.js';

type Normalizer = (value: unknown) => unknown;
type SchemaNode = {
  type?: unknown;
  format?: unknown;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  anyOf?: SchemaNode[];
  allOf?: SchemaNode[];
  oneOf?: SchemaNode[];
};

// Per schema object, once: route schemas are module constants, and most hold no name at all, so
// a ledger batch of a thousand transfers costs one lookup, not a walk.
const compiled = new WeakMap<object, Normalizer | null>();

function normalizerFor(schema: SchemaNode): Normalizer | null {
  let normalizer = compiled.get(schema);
  if (normalizer === undefined) {
    normalizer = compile(schema);
    compiled.set(schema, normalizer);
  }
  return normalizer;
}

function compile(schema: SchemaNode): Normalizer | null {
  if (schema.type === 'string' && schema.format === HUMAN_TEXT_FORMAT) {
    return (value) => (typeof value === 'string' ? normalizeHumanText(value) : value);
  }
  if (schema.type === 'object' && schema.properties) {
    const fields = Object.entries(schema.properties).flatMap(([key, property]) => {
      const normalize = normalizerFor(property);
      return normalize ? [[key, normalize] as const] : [];
    });
    if (fields.length === 0) return null;
    return (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
      const record = value as Record<string, unknown>;
      for (const [key, normalize] of fields) if (key in record) record[key] = normalize(record[key]);
      return record;
    };
  }
  if (schema.type === 'array' && schema.items) {
    const normalize = normalizerFor(schema.items);
    return normalize ? (value) => (Array.isArray(value) ? value.map(normalize) : value) : null;
  }
  const branches = (schema.anyOf ?? schema.allOf ?? schema.oneOf ?? []).flatMap((branch) => {
    const normalize = normalizerFor(branch);
    return normalize ? [normalize] : [];
  });
  if (branches.length === 0) return null;
  return (value) => branches.reduce((current, normalize) => normalize(current), value);
}

/**
 * `value` (a validated request part) with every name field of `schema` (`HumanText`) in NFC.
 * Objects are changed in place.
 */
export function normalizeHumanTextFields(schema: TSchema, value: unknown): unknown {
  const normalize = normalizerFor(schema as SchemaNode);
  return normalize ? normalize(value) : value;
}
