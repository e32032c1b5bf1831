import { Validator } from '@seriousme/openapi-schema-validator';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineError } from '../errors/lifelong-error.js';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import { defineRoute } from './route.js';

const ThingLocked = defineError('THING_LOCKED', 409, 'The thing is locked');

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({
    routes: [
      {
        prefix: '/v1/things',
        tag: 'Things',
        routes: [
          defineRoute({
            method: 'put',
            path: '/{thingId}',
            summary: 'Replace a thing',
            access: { permission: 'things.write' },
            request: {
              params: Type.Object({ thingId: Type.String({ format: 'uuid', description: 'The thing' }) }),
              query: Type.Object({ force: Type.Optional(Type.Boolean()) }),
              body: Type.Object({ name: Type.String() }, { additionalProperties: false }),
            },
            responses: { 204: { description: 'Replaced' } },
            handler: () => ({ status: 204, body: undefined }),
          }),
          defineRoute({
            method: 'post',
            path: '/{thingId}/file',
            summary: 'Upload a thing',
            access: { permission: 'things.write' },
            errors: [ThingLocked],
            request: {
              params: Type.Object({ thingId: Type.String({ format: 'uuid' }) }),
              upload: {
                contentTypes: ['application/json', 'text/plain'],
                maxBytes: 1000,
                description: 'A thing as JSON or as text.',
                schemas: { 'application/json': Type.Object({ name: Type.String() }) },
              },
            },
            responses: { 204: { description: 'Stored' } },
            handler: () => ({ status: 204, body: undefined }),
          }),
        ],
      },
    ],
  });
});
afterAll(() => t.close());

async function document() {
  const res = await t.request('/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, any>;
}

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = await document();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('describes each route from its own schemas', async () => {
    const op = (await document()).paths['/v1/things/{thingId}'].put;
    expect(op).toMatchObject({
      operationId: 'putThingsThingId',
      tags: ['Things'],
      security: [{ bearer: [] }],
      'x-permission': 'things.write',
      parameters: [
        {
          name: 'thingId',
          in: 'path',
          required: true,
          description: 'The thing',
          schema: { type: 'string', format: 'uuid' },
        },
        { name: 'force', in: 'query', required: false, schema: { type: 'boolean' } },
      ],
      requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['name'] } } } },
    });
    // Derived from the contract: input (400), protected (401, 403), path parameters (404), a JSON
    // body (413, 415), a write (429).
    expect(Object.keys(op.responses).sort()).toEqual([
      '204',
      '400',
      '401',
      '403',
      '404',
      '413',
      '415',
      '429',
      'default',
    ]);
    expect(op.responses['403'].description).toContain('`things.write`');
    expect(op.responses.default.content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
  });

  it('marks public routes as needing no credentials, but refusing a bad token (401)', async () => {
    const op = (await document()).paths['/health/ready'].get;
    expect(op.security).toEqual([]);
    expect(op.responses['401'].description).toContain('A bearer token was sent');
    expect(op.responses['403']).toBeUndefined();
    expect((await t.request('/health/ready', { auth: 'llk_unknown' })).status).toBe(401);
  });

  it("documents an upload's content per type and the error kinds a route declares", async () => {
    const op = (await document()).paths['/v1/things/{thingId}/file'].post;
    expect(op.requestBody.description).toBe('A thing as JSON or as text. A file of at most 1000 bytes.');
    expect(op.requestBody.content['application/json'].schema).toMatchObject({ type: 'object', required: ['name'] });
    expect(op.requestBody.content['text/plain'].schema).toEqual({ type: 'string', format: 'binary' });
    expect(op.responses['413'].description).toContain('1000 bytes');
    // Every POST also lists the Idempotency-Key's own 409 (http/idempotency.ts) under the same status.
    expect(op.responses['409']).toEqual({
      description: expect.stringContaining('`THING_LOCKED`: The thing is locked.'),
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    expect(op.responses['409'].description).toContain('`IDEMPOTENCY_KEY_IN_PROGRESS`');
  });

  it('serves the interactive reference and its assets at /docs', async () => {
    const page = await t.request('/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/docs/assets/swagger-ui-bundle.js');
    const bundle = await t.request('/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toContain('javascript');
    expect((await t.request('/docs/assets/package.json')).status).toBe(404);
  });
});
