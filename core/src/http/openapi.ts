import type { TObject, TSchema } from '@sinclair/typebox';
import { PROBLEM_CONTENT_TYPE, Problem } from './problem.js';
import type { AnyRoute, RouteGroup } from './route.js';

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

type JsonObject = Record<string, unknown>;

/** A TypeBox schema as plain JSON Schema (drops TypeBox's symbol-keyed metadata). */
function jsonSchema(schema: TSchema): JsonObject {
  return JSON.parse(JSON.stringify(schema)) as JsonObject;
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

function operation(route: AnyRoute, group: RouteGroup): JsonObject {
  const isPublic = 'public' in route.access;
  const responses: JsonObject = {};
  for (const [status, spec] of Object.entries(
    route.responses as Record<string, { description: string; schema?: TSchema }>,
  )) {
    responses[status] = spec.schema
      ? { description: spec.description, content: { 'application/json': { schema: jsonSchema(spec.schema) } } }
      : { description: spec.description };
  }
  if (route.request?.params || route.request?.query || route.request?.body || route.request?.upload) {
    responses['400'] ??= problemResponse('The request is not valid (see `errors`).');
  }
  if (!isPublic) {
    responses['401'] ??= problemResponse('No valid credentials were sent.');
    responses['403'] ??= problemResponse('The caller lacks the required permission.');
  }
  responses.default = problemResponse('Any other error, as application/problem+json.');

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
            description: `A file of at most ${route.request.upload.maxBytes} bytes.`,
            content: Object.fromEntries(
              route.request.upload.contentTypes.map((type: string) => [
                type,
                { schema: { type: 'string', format: 'binary' } },
              ]),
            ),
          },
        }
      : {}),
    responses,
    security: isPublic ? [] : [{ bearer: [] }],
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
    info,
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
      },
    },
  };
}
