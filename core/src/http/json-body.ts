import type { Context } from 'hono';
import { MalformedJson, PayloadTooLarge, UnsupportedMediaType, ValidationFailed } from '../errors/core-errors.js';
import type { FieldError } from '../errors/lifelong-error.js';
import type { AppEnv } from './app-env.js';
import { readBody } from './request-body.js';

const JSON_CONTENT_TYPE = /^application\/([a-z0-9.+-]*\+)?json(\s*;.*)?$/i;

/**
 * Deepest nesting of arrays and objects a body may have. Far beyond any route's schema; it bounds
 * the recursion of everything that walks a body (validation, canonical JSON, hashing), which a
 * body nested 30,000 deep would otherwise overflow into a 500.
 */
export const MAX_JSON_DEPTH = 64;

/** The nesting depth of a JSON text, counted without parsing it (brackets inside strings skipped). */
function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > max) max = depth;
      if (max > limit) return max;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return max;
}

/**
 * The request's JSON body (undefined when empty): 413 beyond `maxBytes`, 415 for another content
 * type, 400 when malformed.
 */
export async function readJsonBody(c: Context<AppEnv>, maxBytes: number): Promise<unknown> {
  const bytes = await readBody(c, maxBytes, () => PayloadTooLarge({ detail: `The limit is ${maxBytes} bytes.` }));
  // As `Response.text()` does: UTF-8, a byte-order mark dropped.
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') return undefined;
  const contentType = c.req.header('content-type') ?? '';
  if (!JSON_CONTENT_TYPE.test(contentType)) {
    throw UnsupportedMediaType({ detail: `Got Content-Type "${contentType || '(none)'}".` });
  }
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw ValidationFailed({
      errors: [{ path: '/body', rule: 'maxDepth', message: `Must not nest deeper than ${MAX_JSON_DEPTH} levels` }],
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw MalformedJson({ detail: (error as Error).message });
  }
  if (MAYBE_BAD_TEXT.test(text)) rejectBadText(value, '/body');
  return value;
}

// A decoded body holds no lone surrogate (invalid UTF-8 became U+FFFD) and JSON forbids a raw
// U+0000 in strings, so a parsed string can hold either only through a `\u` escape: without one
// in the text, walking the parsed body (a path string per value) is skipped.
const MAYBE_BAD_TEXT = /\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})/;

// A UTF-16 surrogate without its partner: not a character, and not encodable as UTF-8.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textError(text: string, path: string): FieldError | undefined {
  // PostgreSQL text cannot hold U+0000, and would store a lone surrogate as U+FFFD: refuse both
  // here as bad input (400) rather than fail in the database (500) or store something else.
  if (text.includes('\u0000')) return { path, rule: 'noNulCharacter', message: 'Must not contain U+0000' };
  if (LONE_SURROGATE.test(text)) {
    return { path, rule: 'wellFormedUnicode', message: 'Must not contain unpaired UTF-16 surrogates' };
  }
  return undefined;
}

/** The first string (or key) that PostgreSQL cannot store faithfully, with its JSON Pointer. */
function findBadText(value: unknown, path: string): FieldError | undefined {
  if (typeof value === 'string') return textError(value, path);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], `${path}/${i}`);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const pointer = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      const found = textError(key, pointer) ?? findBadText(item, pointer);
      if (found) return found;
    }
  }
  return undefined;
}

/** Throws 400 naming the first string in `value` holding U+0000 or an unpaired surrogate. */
export function rejectBadText(value: unknown, path: string): void {
  const found = findBadText(value, path);
  if (found) throw ValidationFailed({ errors: [found] });
}
