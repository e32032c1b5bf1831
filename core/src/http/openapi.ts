import type { TObject, TSchema } from '@sinclair/typebox';
import type { ErrorKind } from '../errors/lifelong-error.js';
import { PROBLEM_CONTENT_TYPE, Problem } from './problem.js';
import type { AnyRoute, RouteGroup } from './route.js';

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
  license?: { name: string; identifier?: string; url?: string };
}

/** What every request is held to beyond its operation's schemas (docs/errors.md), for `info.description`. */
export const REQUEST_RULES = [
  '**Every request** is checked beyond its schemas, answering 400 `VALIDATION_FAILED` with one `errors[]` entry per field:',
  '',
  '- every string in params, query and body must not contain U+0000 (`noNulCharacter`) nor unpaired UTF-16 surrogates (`wellFormedUnicode`);',
  '- `minLength` and `maxLength` count characters (Unicode code points), not UTF-16 code units;',
  '- `format: date` is a real calendar day from 1900-01-01 on (rule `stringFormat`);',
  '- numbers and booleans in params and query are written as JSON writes them (`limit=10`, not `limit=1e1`, ` 10` or `true`);',
  '- a body nests at most 64 arrays/objects (`maxDepth`).',
  '',
  'A bearer token, when sent, must be valid, also on public operations: a malformed, unknown, expired or revoked one is a 401, never silently anonymous.',
  'Errors are `application/problem+json` with a stable `code` (docs/errors.md).',
].join('\n');

type JsonObject = Record<string, unknown>;

/** The earliest day `format: date` accepts (`isRealDate`), stated where the format is. */
const EARLIEST_DATE = '1900-01-01';

/** States rules the validator applies to every schema of a kind, so the document says what is enforced. */
function withEnforcedRules(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withEnforcedRules);
  if (typeof node !== 'object' || node === null) return node;
  const copy: JsonObject = {};
  for (const [key, value] of Object.entries(node)) copy[key] = withEnforcedRules(value);
  // In the description: OpenAPI 3.1's JSON Schema has no keyword for a format's bounds.
  if (copy.format === 'date') {
    const rule = `A real calendar day (YYYY-MM-DD) from ${EARLIEST_DATE} on.`;
    copy.description = typeof copy.description === 'string' ? `${copy.description} ${rule}` : rule;
  }
  return copy;
}

/** A TypeBox schema as plain JSON Schema (drops TypeBox's symbol-keyed metadata). */
function jsonSchema(schema: TSchema): JsonObject {
  return withEnforcedRules(JSON.parse(JSON.stringify(schema))) as JsonObject;
}

function parameters(schema: TObject | undefined, location: 'path' | 'query'): JsonObject[] {
  if (!schema) return [];
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([name, property]) => {
    const { description, ...rest } = jsonSchema(property);
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(description === undefined ? {} : { description }),
      schema: rest,
    };
  });
}

function operationId(route: AnyRoute, prefix: string): string {
  if (route.operationId) return route.operationId;
  const words = `${prefix}${route.path}`.split(/[^A-Za-z0-9]+/).filter((word) => word && word !== 'v1');
  return [route.method, ...words].map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1))).join('');
}

const problemRef = { $ref: '#/components/schemas/Problem' };
const problemResponse = (description: string) => ({
  description,
  content: { [PROBLEM_CONTENT_TYPE]: { schema: problemRef } },
});

/** A declared error response: its description (and codes) kept, the problem+json body added. */
function asProblem(response: JsonObject, status: number): JsonObject {
  return status >= 400 && !response.content ? { ...response, content: problemResponse('').content } : response;
}

/**
 * The error responses an operation can give, derived from its contract: 400 for any input, 401
 * always (public operations refuse a bad token too), 403 for protected ones, 404 with path
 * parameters, 413/415 with a body, 429 for writes, and the statuses of the error kinds it
 * declares (`errors`), each naming its codes.
 */
function errorResponses(route: AnyRoute, group: RouteGroup, responses: JsonObject): void {
  const { access, request } = route;
  const isPublic = 'public' in access;
  const add = (status: number, description: string) => {
    const existing = responses[status] as JsonObject | undefined;
    responses[status] = existing ? asProblem(existing, status) : problemResponse(description);
  };
  if (request?.params || request?.query || request?.body || request?.upload) {
    add(
      400,
      'The request is not valid: `errors` names each field (`path`) and the rule that failed (`rule`), ' +
        'including `noNulCharacter` and `wellFormedUnicode` for strings (code `VALIDATION_FAILED`, or `MALFORMED_JSON`).',
    );
  }
  add(
    401,
    'credentials' in access
      ? `The route's own credentials are missing or wrong: ${access.credentials} (\`UNAUTHENTICATED\`).`
      : isPublic
        ? 'A bearer token was sent and is malformed, unknown, expired or revoked (`UNAUTHENTICATED`); anonymous calls need none.'
        : 'No valid credentials: no bearer token, or a malformed, unknown, expired or revoked one (`UNAUTHENTICATED`).',
  );
  if ('permission' in access) {
    add(
      403,
      access.scope === 'platform'
        ? `The caller lacks the permission \`${access.permission}\` for the whole platform (a grant narrowed to a region or an institution does not count).`
        : `The caller lacks the permission \`${access.permission}\` for this resource (\`FORBIDDEN\`).`,
    );
  } else if ('authenticated' in access) {
    add(403, `The caller may not do this: allowed to ${access.authenticated} (\`FORBIDDEN\`).`);
  } else if ('credentials' in access) {
    add(403, "The route's own credentials do not allow this (`FORBIDDEN`).");
  }
  if (request?.params) add(404, 'No such resource, or not one the caller may see (no existence oracle).');
  if (request?.body) {
    add(413, "The body is over the platform's size limit (`PAYLOAD_TOO_LARGE`).");
    add(415, 'The body is not `application/json` (`UNSUPPORTED_MEDIA_TYPE`).');
  }
  if (request?.upload) {
    add(413, `The file is over ${request.upload.maxBytes} bytes (\`PAYLOAD_TOO_LARGE\`).`);
    add(
      415,
      `The file's Content-Type is not one of ${request.upload.contentTypes.join(', ')} (\`UNSUPPORTED_MEDIA_TYPE\`).`,
    );
  }
  if (Object.values(route.responses as Record<string, { file?: unknown }>).some((spec) => spec.file)) {
    add(
      416,
      'The `Range` starts past the end of the file (`RANGE_NOT_SATISFIABLE`, with `Content-Range: bytes */size`).',
    );
  }
  if (route.method !== 'get') add(429, 'Over the write rate limit (`RATE_LIMITED`, with `Retry-After`).');
  for (const [status, description] of Object.entries(group.beforeErrors ?? {})) {
    const existing = responses[status] as JsonObject | undefined;
    responses[status] = existing
      ? { ...asProblem(existing, Number(status)), description: `${existing.description as string} Or: ${description}` }
      : problemResponse(description);
  }
  const byStatus = new Map<number, ErrorKind[]>();
  for (const kind of route.errors ?? []) byStatus.set(kind.status, [...(byStatus.get(kind.status) ?? []), kind]);
  for (const [status, kinds] of byStatus) {
    const codes = kinds.map((kind) => `\`${kind.code}\`: ${kind.title}.`).join(' ');
    const existing = responses[status] as JsonObject | undefined;
    responses[status] = existing
      ? { ...asProblem(existing, status), description: `${existing.description as string} ${codes}` }
      : problemResponse(codes);
  }
}

function operation(route: AnyRoute, group: RouteGroup): JsonObject {
  const isPublic = 'public' in route.access;
  const responses: JsonObject = {};
  for (const [status, spec] of Object.entries(
    route.responses as Record<
      string,
      { description: string; schema?: TSchema; file?: { contentTypes: readonly string[] } }
    >,
  )) {
    responses[status] = spec.file
      ? {
          description: spec.description,
          content: Object.fromEntries(
            spec.file.contentTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
          ),
        }
      : spec.schema
        ? { description: spec.description, content: { 'application/json': { schema: jsonSchema(spec.schema) } } }
        : asProblem({ description: spec.description }, Number(status));
  }
  errorResponses(route, group, responses);
  responses.default = problemResponse('Any other error, as application/problem+json (e.g. 503 with `Retry-After`).');

  return {
    operationId: operationId(route, group.prefix),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [group.tag],
    parameters: [...parameters(route.request?.params, 'path'), ...parameters(route.request?.query, 'query')],
    ...(route.request?.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.request.body) } } } }
      : {}),
    ...(route.request?.upload
      ? {
          requestBody: {
            required: true,
            description: [route.request.upload.description, `A file of at most ${route.request.upload.maxBytes} bytes.`]
              .filter(Boolean)
              .join(' '),
            content: Object.fromEntries(
              route.request.upload.contentTypes.map((type: string) => {
                const shape = route.request?.upload?.schemas?.[type];
                return [type, { schema: shape ? jsonSchema(shape) : { type: 'string', format: 'binary' } }];
              }),
            ),
          },
        }
      : {}),
    responses,
    security: isPublic ? [] : 'credentials' in route.access ? [{ basic: [] }] : [{ bearer: [] }],
    ...('credentials' in route.access ? { 'x-credentials': route.access.credentials } : {}),
    ...('permission' in route.access ? { 'x-permission': route.access.permission } : {}),
    ...('permission' in route.access && route.access.scope ? { 'x-permission-scope': route.access.scope } : {}),
    ...('authenticated' in route.access ? { 'x-access': route.access.authenticated } : {}),
  };
}

function uniqueTags(groups: readonly RouteGroup[]): JsonObject[] {
  const tags = new Map<string, JsonObject>();
  for (const g of groups) {
    if (tags.has(g.tag)) continue;
    tags.set(g.tag, {
      name: g.tag,
      ...(g.description ? { description: g.description } : {}),
      ...(g.version ? { 'x-version': g.version } : {}),
    });
  }
  return [...tags.values()];
}

/** Builds the OpenAPI 3.1 document from the route groups' own TypeBox schemas. */
export function buildOpenApiDocument(info: OpenApiInfo, groups: readonly RouteGroup[]): JsonObject {
  const paths: Record<string, JsonObject> = {};
  for (const group of groups) {
    for (const route of group.routes) {
      const path = `${group.prefix}${route.path}`;
      paths[path] ??= {};
      (paths[path] as JsonObject)[route.method] = operation(route, group);
    }
  }
  return {
    openapi: '3.1.0',
    info: { ...info, description: info.description ? `${info.description}\n\n${REQUEST_RULES}` : REQUEST_RULES },
    servers: [{ url: '/' }],
    tags: uniqueTags(groups),
    paths,
    components: {
      schemas: { Problem: (({ $id: _id, ...rest }) => rest)(jsonSchema(Problem)) },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A session token (from POST /v1/sessions) or an API key.',
        },
        basic: {
          type: 'http',
          scheme: 'basic',
          description:
            "A plugin's own client credentials, for routes with access `credentials` (e.g. an LRS key and secret); `x-credentials` says which.",
        },
      },
    },
  };
}
