import type { PluginNames } from './names.js';

// The plugin in the layout every Lifelong plugin follows (docs/plugins.md, "Layout"): one folder per
// feature, each contract → routes → service → store; here one feature, entries.

export const indexTs = (n: PluginNames): string => `import { definePlugin } from '@lifelong/core';
import pkg from '../package.json' with { type: 'json' };
import { Config } from './config.js';
import { registerEntries } from './entries/routes.js';

export default definePlugin({
  id: '${n.id}',
  version: pkg.version,
  description: '${n.title}',
  requires: { core: '${n.coreRange}' },
  // Per-region configuration: region admins change it with PATCH /v1/regions/{regionId}/plugins/${n.id}.
  config: Config,
  migrations: new URL('../drizzle', import.meta.url),

  // Declarations only: routes, hooks, services, event handlers. Nothing runs here.
  register(p) {
    p.onStart((ctx) => {
      ctx.logger.info('${n.id} started');
    });
    registerEntries(p);
  },
});
`;

export const configTs = (): string => `import { Type } from '@sinclair/typebox';

/** Per-region configuration, with defaults (unknown keys are refused). */
export const Config = Type.Object({
  maxLength: Type.Integer({ minimum: 1, maximum: 10_000, default: 500, description: 'Longest entry, in characters.' }),
});
`;

export const contractTs = (): string => `import { defineContract } from '@lifelong/core/contract';
import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';

// The feature's operations, handler-free: the server binds handlers to them (routes.ts), OpenAPI is
// written from them and clients are built from them (../client.ts). Load nothing but schemas here.

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

export const createEntry = defineContract({
  operationId: 'entries.create',
  method: 'post',
  path: '/entries',
  summary: 'Write an entry',
  access: { authenticated: 'any signed-in person' },
  request: { body: CreateEntryBody },
  responses: { 201: { description: 'The entry', schema: Entry } },
});

export const listEntries = defineContract({
  operationId: 'entries.list',
  method: 'get',
  path: '/entries',
  summary: "The signed-in person's latest entries in this region",
  access: { authenticated: 'any signed-in person, for their own entries' },
  request: { query: PageQuery },
  responses: { 200: { description: 'Entries, newest first', schema: Page(Entry) } },
});
`;

export const routesTs = (): string => `import type { PluginRegistrar } from '@lifelong/core';
import type { Config } from '../config.js';
import { createEntry, listEntries } from './contract.js';
import { myEntries, writeEntry } from './service.js';

/** Binds the entries feature's handlers to its contracts: parse (done), authorize, call the service. */
export function registerEntries(p: PluginRegistrar<typeof Config>): void {
  p.route(createEntry, async ({ body }, ctx) => ({ status: 201, body: await writeEntry(ctx, body.text) }));
  p.route(listEntries, async ({ query }, ctx) => ({ status: 200, body: await myEntries(ctx, query) }));
}
`;

export const serviceTs =
  (): string => `import { Forbidden, type PluginRequestContext, ValidationFailed } from '@lifelong/core';
import type { Config } from '../config.js';
import { insertEntry, latestEntries } from './store.js';

type Context = PluginRequestContext<typeof Config>;

/** The person acting: entries belong to people, not to API keys. */
function personOf(ctx: Context): string {
  if (ctx.principal.kind !== 'person') throw Forbidden({ detail: 'Only people have entries.' });
  return ctx.principal.id;
}

/** Writes an entry within the region's length limit (ctx.db is the request's transaction). */
export async function writeEntry(ctx: Context, text: string) {
  const personId = personOf(ctx);
  if (text.length > ctx.config.maxLength) {
    throw ValidationFailed({
      errors: [{ path: '/body/text', rule: 'maxLength', message: \`At most \${ctx.config.maxLength} characters here\` }],
    });
  }
  return insertEntry(ctx.db, { regionId: ctx.regionId, personId, text });
}

export async function myEntries(ctx: Context, page: { limit?: number; cursor?: string }) {
  const personId = personOf(ctx);
  return latestEntries(ctx.db, { regionId: ctx.regionId, personId, limit: page.limit ?? 50, cursor: page.cursor });
}
`;

export const storeTs = (): string => `import { decodeCursor, type PluginContext, toPage, uuidv7 } from '@lifelong/core';
import { and, desc, eq, lt } from 'drizzle-orm';
import { entries } from '../schema.js';
import type { Entry } from './contract.js';

// The feature's queries, and nothing else: no rules, no HTTP.
type Db = PluginContext['db'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isIdKey = (key: unknown): key is { id: string } =>
  typeof key === 'object' && key !== null && UUID.test(String((key as { id?: unknown }).id));

const toEntry = (row: typeof entries.$inferSelect): Entry => ({
  id: row.id,
  text: row.text,
  createdAt: row.createdAt.toISOString(),
});

export async function insertEntry(db: Db, values: { regionId: string; personId: string; text: string }) {
  const [row] = await db
    .insert(entries)
    .values({ id: uuidv7(), ...values })
    .returning();
  if (!row) throw new Error('insert returned no row');
  return toEntry(row);
}

interface PageOf {
  regionId: string;
  personId: string;
  limit: number;
  cursor?: string | undefined;
}

/** A page of a person's entries, newest first: ids are UUIDv7, so "before this id" is "older". */
export async function latestEntries(db: Db, { regionId, personId, limit, cursor }: PageOf) {
  const before = cursor ? lt(entries.id, decodeCursor(cursor, isIdKey).id) : undefined;
  const rows = await db
    .select()
    .from(entries)
    .where(and(eq(entries.personId, personId), eq(entries.regionId, regionId), before))
    .orderBy(desc(entries.id))
    .limit(limit + 1);
  return toPage(rows, limit, (row) => ({ id: row.id }), toEntry);
}
`;

export const contractsTs =
  (): string => `// Every operation of the plugin, for its client module (./client.ts). Add each feature's contract here.
export * from './entries/contract.js';
`;

export const clientTs = (n: PluginNames): string => `import { definePluginClient } from '@lifelong/core/contract';
import * as contracts from './contracts.js';

/**
 * The plugin's client module (the package's \`./client\` entry): pass it to the SDK,
 * \`createClient({ baseUrl, plugins: [client] })\`, and call \`.${n.camelName}.entries.create(...)\`.
 */
const client = definePluginClient('${n.id}', contracts);
export default client;
`;

export const layoutTestTs = (): string => `import { fileURLToPath } from 'node:url';
import { featureBoundaryViolations } from '@lifelong/core/testing';
import { expect, it } from 'vitest';

it('keeps features apart: a feature imports another only through a declared shared folder', () => {
  expect(featureBoundaryViolations(fileURLToPath(new URL('.', import.meta.url)), { shared: [] })).toEqual([]);
});
`;

export const testTs = (
  n: PluginNames,
): string => `import { createTestPlatform, TestCallError, type TestPlatform } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import client from './client.js';
import plugin from './index.js';

const ID = '${n.id}';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [plugin],
    regions: [
      { id: 'default', name: 'Default', plugins: { [ID]: { config: { maxLength: 20 } } } },
      { id: 'elsewhere', name: 'Elsewhere', plugins: { [ID]: { enabled: false } } },
    ],
  });
});
afterAll(() => t?.close());

// The plugin's operations, typed by its contracts, called as \`token\`'s holder (anonymous without).
const api = (token?: string) => t.client(token, [client]).${n.camelName};

describe('${n.id}', () => {
  it("keeps a signed-in person's entries", async () => {
    const person = await t.person();
    const created = await api(person.token).entries.create({ body: { text: 'first' } });
    expect(created.text).toBe('first');
    expect((await api(person.token).entries.list()).items.map((e) => e.text)).toEqual(['first']);
  });

  it('answers 401 to anonymous callers', async () => {
    const refused = await api()
      .entries.create({ body: { text: 'hi' } })
      .catch((e) => e);
    expect(refused).toBeInstanceOf(TestCallError);
    expect(refused.status).toBe(401);
  });

  it("applies the region's config, naming the field", async () => {
    const person = await t.person();
    const refused = await api(person.token)
      .entries.create({ body: { text: 'far longer than twenty characters' } })
      .catch((e) => e);
    expect(refused).toMatchObject({ status: 400, problem: { errors: [{ path: '/body/text' }] } });
  });

  it('answers 404 in a region where it is disabled', async () => {
    const person = await t.person();
    const headers = { 'Lifelong-Region': 'elsewhere' };
    const res = await t.request(\`/v1/\${ID}/entries\`, { auth: person.token, headers });
    expect(res.status).toBe(404);
  });
});
`;
