import { type JsonSchema, sample } from './schema-sample.js';

/** One request to send: path (with query), method, headers and raw body. */
export interface FuzzRequest {
  label: string;
  path: string;
  method: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface Operation {
  method: string;
  /** OpenAPI path, e.g. `/v1/people/{learnerNumber}`. */
  template: string;
  pathParams: { name: string; schema: JsonSchema }[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  body?: JsonSchema;
}

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document is walked dynamically.
export function operationsOf(openApi: any): Operation[] {
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries<Record<string, JsonSchema>>(openApi.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const params: JsonSchema[] = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        template,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: Boolean(p.required) })),
        // Upload routes may take no JSON at all (e.g. only PDF or images): fuzz them without a body.
        ...(op.requestBody?.content?.['application/json']
          ? { body: op.requestBody.content['application/json'].schema }
          : {}),
      });
    }
  }
  return ops;
}

const JSON_TYPE = { 'content-type': 'application/json' };

/** The request path: path parameters filled in, query appended. */
export function buildPath(
  op: Operation,
  params: Record<string, string>,
  query: Record<string, string | string[]>,
): string {
  const path = op.template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'));
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const one of [v].flat()) search.append(k, one);
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Valid-looking values for path parameters: known ids where we have them, else from the schema. */
export function validParams(op: Operation, known: Record<string, string>): Record<string, string> {
  return Object.fromEntries(op.pathParams.map((p) => [p.name, known[p.name] ?? String(sample(p.schema, p.name))]));
}

/** The required query parameters, from their schemas. */
export function validQuery(op: Operation): Record<string, string> {
  return Object.fromEntries(
    op.queryParams.filter((p) => p.required).map((p) => [p.name, String(sample(p.schema, p.name))]),
  );
}

/** The one well-formed request for an operation. */
export function validRequest(op: Operation, known: Record<string, string>): FuzzRequest {
  return {
    label: 'valid',
    method: op.method,
    path: buildPath(op, validParams(op, known), validQuery(op)),
    headers: op.body ? JSON_TYPE : {},
    ...(op.body ? { body: JSON.stringify(sample(op.body)) } : {}),
  };
}

function wrongType(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'not a number';
  if (typeof value === 'boolean') return 'yes';
  if (Array.isArray(value)) return { not: 'an array' };
  if (value && typeof value === 'object') return ['not', 'an', 'object'];
  return 'unexpected';
}

const HUGE_STRING = 'x'.repeat(100_000);

/**
 * Mutated requests for an operation: every one breaks the contract (type, shape, encoding, size,
 * content type, path or query), so a 2xx is possible only where the contract is looser than it
 * looks; the caller treats those as accepted writes, not as rejections.
 */
export function mutatedRequests(op: Operation, known: Record<string, string>, bodyLimit: number): FuzzRequest[] {
  const params = validParams(op, known);
  const query = validQuery(op);
  const path = buildPath(op, params, query);
  const out: FuzzRequest[] = [];
  const json = (label: string, body: unknown, headers: Record<string, string> = JSON_TYPE) =>
    out.push({ label, method: op.method, path, headers, body: JSON.stringify(body) });
  const raw = (label: string, body: string | Uint8Array, headers: Record<string, string> = JSON_TYPE) =>
    out.push({ label, method: op.method, path, headers, body });

  if (op.body) {
    const valid = sample(op.body) as unknown;
    raw('no content type', JSON.stringify(valid), {});
    raw('text/plain', JSON.stringify(valid), { 'content-type': 'text/plain' });
    raw('form content type', 'a=1&b=2', { 'content-type': 'application/x-www-form-urlencoded' });
    raw('malformed JSON', '{"a":');
    raw('trailing garbage', `${JSON.stringify(valid)} garbage`);
    raw(
      'invalid UTF-8',
      Buffer.concat([
        Buffer.from('{"a":"'),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
        Buffer.from('"}'),
      ]),
    );
    // As deep as the body limit allows: deeper would only test the limit.
    const depth = Math.floor(bodyLimit / 2) - 16;
    raw('deep nesting', `{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    const objects = Math.floor(bodyLimit / 6) - 4;
    raw('deep object nesting', `${'{"a":'.repeat(objects)}1${'}'.repeat(objects)}`);
    raw('oversize body', `{"a":"${'x'.repeat(bodyLimit + 1)}"}`);
    raw('empty object in wrong encoding', Buffer.from('\ufeff{}', 'utf16le'));
    for (const [label, body] of [
      ['array body', [valid]],
      ['null body', null],
      ['number body', 1e308],
      ['string body', 'hello'],
      ['boolean body', true],
    ] as const) {
      json(label, body);
    }
    if (valid && typeof valid === 'object' && !Array.isArray(valid)) {
      const base = valid as Record<string, unknown>;
      json('extra field', { ...base, __unexpected: { nested: [1, 2, 3] } });
      const props: Record<string, JsonSchema> = op.body.properties ?? {};
      for (const key of Object.keys(props).slice(0, 10)) {
        const without = { ...base };
        delete without[key];
        if ((op.body.required ?? []).includes(key)) json(`missing ${key}`, without);
        const value = key in base ? base[key] : sample(props[key], key);
        json(`wrong type ${key}`, { ...base, [key]: wrongType(value) });
        json(`huge string ${key}`, { ...base, [key]: HUGE_STRING });
        json(`huge number ${key}`, { ...base, [key]: 1e308 });
        json(`negative ${key}`, { ...base, [key]: -1 });
        json(`fraction ${key}`, { ...base, [key]: 1.5 });
        json(`beyond 2^64 ${key}`, { ...base, [key]: 2 ** 70 });
        json(`NUL ${key}`, { ...base, [key]: 'a\u0000b' });
        raw(
          `lone surrogate ${key}`,
          JSON.stringify({ ...base, [key]: 'PLACEHOLDER' }).replace('PLACEHOLDER', '\\ud800'),
        );
        json(`null ${key}`, { ...base, [key]: null });
        json(`deep ${key}`, { ...base, [key]: JSON.parse(`${'{"a":'.repeat(500)}1${'}'.repeat(500)}`) });
        json(`long array ${key}`, { ...base, [key]: Array.from({ length: 10_000 }, (_, i) => i) });
      }
    }
  }

  for (const p of op.pathParams) {
    for (const [label, value] of [
      ['huge', 'x'.repeat(5000)],
      ['invalid percent-encoding', '%ff%fe'],
      ['encoded NUL', '%00'],
      ['traversal', '..%2F..%2Fetc'],
      ['negative', '-1'],
      ['huge number', '1e309'],
      ['non-ASCII', encodeURIComponent('ünïcødé😀')],
      ['lone surrogate', '%ED%A0%80'],
    ] as const) {
      // Substituted into the template as written, so an encoded value reaches the router as is.
      const raw = op.template.replace(/\{([^}]+)\}/g, (_, name: string) =>
        name === p.name ? value : (params[name] ?? 'x'),
      );
      const qs = path.includes('?') ? path.slice(path.indexOf('?')) : '';
      out.push({
        label: `path ${p.name} ${label}`,
        method: op.method,
        path: raw + qs,
        headers: op.body ? JSON_TYPE : {},
        ...(op.body ? { body: JSON.stringify(sample(op.body)) } : {}),
      });
    }
  }

  const body = op.body ? { headers: JSON_TYPE, body: JSON.stringify(sample(op.body)) } : { headers: {} };
  for (const p of op.queryParams) {
    for (const [label, value] of [
      ['wrong type', 'abc'],
      ['huge', '9'.repeat(400)],
      ['negative', '-1'],
      ['repeated', ['1', '2']],
      ['empty', ''],
      ['NUL', 'a\u0000b'],
      // Well-formed cursors with foreign keys: they decode, so only the key's check stands between
      // them and the database.
      ['forged cursor (non-UUID id)', Buffer.from(JSON.stringify({ id: 'not-a-uuid' })).toString('base64url')],
      ['forged cursor (object id)', Buffer.from(JSON.stringify({ id: { $gt: '' } })).toString('base64url')],
      [
        'forged cursor (date out of range)',
        Buffer.from(
          JSON.stringify({ id: '00000000-0000-7000-8000-000000000000', at: '+275760-09-13T00:00:00.000Z', version: 1 }),
        ).toString('base64url'),
      ],
    ] as const) {
      out.push({
        label: `query ${p.name} ${label}`,
        method: op.method,
        path: buildPath(op, params, { ...query, [p.name]: value as string | string[] }),
        ...body,
      });
    }
  }
  if (op.queryParams.length > 0) {
    out.push({
      label: 'unknown query parameter',
      method: op.method,
      path: buildPath(op, params, { ...query, __unexpected: '1' }),
      ...body,
    });
  }
  return out;
}
