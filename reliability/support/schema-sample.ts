import { randomUUID } from 'node:crypto';

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema from the OpenAPI document, walked dynamically.
export type JsonSchema = Record<string, any>;

/**
 * A value that satisfies `schema` as far as a simple generator can: required properties only,
 * the smallest lengths and counts, known formats. Patterns it cannot satisfy still give a
 * well-typed value, which the platform must then reject with a 400, not a 5xx.
 */
export function sample(schema: JsonSchema | undefined, name = ''): unknown {
  if (!schema) return {};
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) return sample(schema[key][0], name);
  }
  if (Array.isArray(schema.allOf)) return Object.assign({}, ...schema.allOf.map((s: JsonSchema) => sample(s, name)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = sample(schema.properties?.[key], key);
      return out;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items, name));
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 1, 1));
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'string':
      return sampleString(schema, name);
    default:
      return {};
  }
}

function sampleString(schema: JsonSchema, name: string): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'date':
      return '1990-05-17';
    case 'date-time':
      return new Date().toISOString();
    case 'email':
      return 'fuzz@example.org';
    case 'uri':
      return 'https://example.org/';
  }
  if (typeof schema.pattern === 'string') {
    if (/^\^\[0-9\]/.test(schema.pattern) || /\\d/.test(schema.pattern)) return '1';
    if (schema.pattern.includes('a-z')) return `fuzz${name.length}`.toLowerCase();
  }
  const min = schema.minLength ?? 1;
  return 'fuzz'.padEnd(Math.max(min, 4), 'z').slice(0, schema.maxLength ?? 64);
}
