import type { PluginNames } from './names.js';

// The plugin itself and its test: a start hook, a config, one write route and one read route.

export const indexTs = (n: PluginNames): string => `import {
  decodeCursor,
  definePlugin,
  Forbidden,
  Page,
  PageQuery,
  toPage,
  uuidv7,
  ValidationFailed,
} from '@lifelong/core';
import { type Static, Type } from '@sinclair/typebox';
import { and, desc, eq, lt } from 'drizzle-orm';
import pkg from '../package.json' with { type: 'json' };
import { entries } from './schema.js';

// Route schemas: they validate requests, type the handlers and feed OpenAPI. Export them for clients.
export const Entry = Type.Object({
  id: Type.String({ format: 'uuid' }),
  text: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type Entry = Static<typeof Entry>;

export const CreateEntryBody = Type.Object(
  { text: Type.String({ minLength: 1, maxLength: 10_000 }) },
  { additionalProperties: false },
);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isIdKey = (key: unknown): key is { id: string } =>
  typeof key === 'object' && key !== null && UUID.test(String((key as { id?: unknown }).id));

const toEntry = (row: typeof entries.$inferSelect): Entry => ({
  id: row.id,
  text: row.text,
  createdAt: row.createdAt.toISOString(),
});

export default definePlugin({
  id: '${n.id}',
  version: pkg.version,
  description: '${n.title}',
  requires: { core: '${n.coreRange}' },
  // Per-region configuration: region admins set it with PUT /v1/regions/{regionId}/plugins/${n.id}.
  config: Type.Object({
    maxLength: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      default: 500,
      description: 'Longest entry, in characters.',
    }),
  }),
  migrations: new URL('../drizzle', import.meta.url),

  // Declarations only: routes, hooks, services, event handlers. Nothing runs here.
  register(p) {
    p.onStart((ctx) => {
      ctx.logger.info('${n.id} started');
    });

    p.route({
      method: 'post',
      path: '/entries',
      summary: 'Write an entry',
      access: { authenticated: 'any signed-in person' },
      request: { body: CreateEntryBody },
      responses: { 201: { description: 'The entry', schema: Entry } },
      handler: async ({ body }, ctx) => {
        if (ctx.principal.kind !== 'person') throw Forbidden({ detail: 'Only people write entries.' });
        if (body.text.length > ctx.config.maxLength) {
          throw ValidationFailed({
            errors: [
              { path: '/body/text', rule: 'maxLength', message: \`At most \${ctx.config.maxLength} characters here\` },
            ],
          });
        }
        // ctx.db is this request's transaction, running as the plugin's own database role.
        const [row] = await ctx.db
          .insert(entries)
          .values({ id: uuidv7(), regionId: ctx.regionId, personId: ctx.principal.id, text: body.text })
          .returning();
        if (!row) throw new Error('insert returned no row');
        return { status: 201, body: toEntry(row) };
      },
    });

    p.route({
      method: 'get',
      path: '/entries',
      summary: "The signed-in person's latest entries in this region",
      access: { authenticated: 'any signed-in person, for their own entries' },
      request: { query: PageQuery },
      responses: { 200: { description: 'Entries, newest first', schema: Page(Entry) } },
      handler: async ({ query }, ctx) => {
        if (ctx.principal.kind !== 'person') throw Forbidden({ detail: 'Only people have entries.' });
        const limit = query.limit ?? 50;
        // Cursor pagination: ids are UUIDv7, so "before this id" is "older than this entry".
        const before = query.cursor ? lt(entries.id, decodeCursor(query.cursor, isIdKey).id) : undefined;
        const rows = await ctx.db
          .select()
          .from(entries)
          .where(and(eq(entries.personId, ctx.principal.id), eq(entries.regionId, ctx.regionId), before))
          .orderBy(desc(entries.id))
          .limit(limit + 1);
        return { status: 200, body: toPage(rows, limit, (row) => ({ id: row.id }), toEntry) };
      },
    });
  },
});
`;

export const testTs = (
  n: PluginNames,
): string => `import { createTestPlatform, type TestPlatform } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from './index.js';

// The plugin's routes are mounted under its id.
const ENTRIES = '/v1/${n.id}/entries';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [plugin],
    regions: [
      {
        id: 'default',
        name: 'Default',
        plugins: { '${n.id}': { config: { maxLength: 20 } } },
      },
      {
        id: 'elsewhere',
        name: 'Elsewhere',
        plugins: { '${n.id}': { enabled: false } },
      },
    ],
  });
});
afterAll(() => t?.close());

describe('${n.id}', () => {
  it("keeps a signed-in person's entries", async () => {
    const person = await t.person();
    const created = await t.request(ENTRIES, { method: 'POST', auth: person.token, json: { text: 'first' } });
    expect(created.status).toBe(201);
    const list = await (await t.request(ENTRIES, { auth: person.token })).json();
    expect(list.items.map((e: { text: string }) => e.text)).toEqual(['first']);
  });

  it('answers 401 to anonymous callers', async () => {
    const res = await t.request(ENTRIES, { method: 'POST', json: { text: 'hi' } });
    expect(res.status).toBe(401);
  });

  it("applies the region's config, naming the field", async () => {
    const person = await t.person();
    const res = await t.request(ENTRIES, {
      method: 'POST',
      auth: person.token,
      json: { text: 'far longer than twenty characters' },
    });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0].path).toBe('/body/text');
  });

  it('answers 404 in a region where it is disabled', async () => {
    const person = await t.person();
    const res = await t.request(ENTRIES, { auth: person.token, headers: { 'Lifelong-Region': 'elsewhere' } });
    expect(res.status).toBe(404);
  });
});
`;
