import { Validator } from '@seriousme/openapi-schema-validator';
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import { defineRoute } from './route.js';

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
    expect(Object.keys(op.responses).sort()).toEqual(['204', '400', '401', '403', 'default']);
    expect(op.responses.default.content['application/problem+json'].schema).toEqual({
      $ref: '#/components/schemas/Problem',
    });
  });

  it('marks public routes as needing no credentials', async () => {
    const op = (await document()).paths['/health/ready'].get;
    expect(op.security).toEqual([]);
    expect(op.responses['401']).toBeUndefined();
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
