// The seams the centers stand on: file uploads into the shared file store, identity reads of
// institutions and groups, and scheduled jobs.
import { Type } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffContentType } from '../files/sniff.js';
import { createPlatform } from '../platform.js';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import type { PluginContext } from './context.js';
import { definePlugin } from './define-plugin.js';

const jobRuns: { regions: string[]; at: string }[] = [];
let slowJob: Promise<void> | undefined;
let releaseSlowJob: (() => void) | undefined;

const seams = definePlugin({
  id: 'seams',
  version: '1.0.0',
  register(p) {
    p.route({
      method: 'post',
      path: '/files',
      summary: 'Upload a file',
      access: { authenticated: 'anyone signed in' },
      request: { upload: { contentTypes: ['application/pdf', 'image/png'], maxBytes: 64 } },
      responses: {
        201: { description: 'Stored', schema: Type.Object({ sha256: Type.String(), sniffed: Type.String() }) },
      },
      handler: async ({ upload }, ctx) => {
        const stored = await ctx.files.put(upload.bytes);
        return { status: 201, body: { sha256: stored.sha256, sniffed: sniffContentType(upload.bytes) ?? 'unknown' } };
      },
    });
    p.route({
      method: 'get',
      path: '/lookups/{institutionId}/{groupId}',
      summary: 'Identity reads',
      access: { authenticated: 'anyone signed in' },
      request: { params: Type.Object({ institutionId: Type.String(), groupId: Type.String() }) },
      responses: { 200: { description: 'What the plugin sees', schema: Type.Any() } },
      handler: async ({ params }, ctx) => {
        const principalId = ctx.principal.kind === 'person' ? ctx.principal.id : '';
        return {
          status: 200,
          body: {
            institution: await ctx.identity.institution(params.institutionId),
            group: await ctx.identity.group(params.groupId),
            role: await ctx.identity.groupRole(params.groupId, principalId),
            members: await ctx.identity.groupMembers(params.groupId),
          },
        };
      },
    });
    p.every('tick', { intervalMs: 60_000 }, async (ctx: PluginContext) => {
      jobRuns.push({ regions: await ctx.enabledRegions(), at: ctx.now().toISOString() });
    });
    p.every('slow', { intervalMs: 60_000 }, async () => {
      await slowJob;
    });
  },
});

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [seams],
    regions: [
      { id: 'default', name: 'Default' },
      { id: 'quiet', name: 'Quiet', plugins: { seams: { enabled: false } } },
    ],
    now: () => new Date('2026-03-01T08:00:00Z'),
  });
});
afterAll(() => t.close());

const PDF = new TextEncoder().encode('%PDF-1.7 tiny');

describe('file uploads', () => {
  it('store the bytes by content hash and hand them to the handler', async () => {
    const person = await t.person();
    const res = await t.request('/v1/seams/files', {
      method: 'POST',
      auth: person.token,
      headers: { 'Content-Type': 'application/pdf' },
      body: PDF,
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.sniffed).toBe('application/pdf');
    expect(Buffer.from((await t.platform.files.get(body.sha256)) ?? [])).toEqual(Buffer.from(PDF));
  });

  it('refuse an undeclared type (415), an oversize file (413) and an empty one (400), as problem+json', async () => {
    const person = await t.person();
    const send = (body: Uint8Array, type: string) =>
      t.request('/v1/seams/files', { method: 'POST', auth: person.token, headers: { 'Content-Type': type }, body });
    const wrongType = await send(PDF, 'application/x-msdownload');
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get('content-type')).toBe('application/problem+json');
    const big = await send(new Uint8Array(65), 'image/png');
    expect(big.status).toBe(413);
    expect((await big.json()).maxBytes).toBe(64);
    expect((await send(new Uint8Array(), 'image/png')).status).toBe(400);
  });

  it('are described in OpenAPI as binary bodies of the accepted types', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    const op = doc.paths['/v1/seams/files'].post;
    expect(Object.keys(op.requestBody.content)).toEqual(['application/pdf', 'image/png']);
    expect(op.requestBody.content['image/png'].schema).toEqual({ type: 'string', format: 'binary' });
  });
});

describe('identity reads for plugins', () => {
  it('show institutions, groups and memberships, and null for unknown or malformed ids', async () => {
    const { institution } = await t.principals();
    const parent = await t.person();
    const group = await (
      await t.request('/v1/groups', { method: 'POST', auth: parent.token, json: { type: 'family', name: 'Lis' } })
    ).json();
    const seen = await (
      await t.request(`/v1/seams/lookups/${institution.id}/${group.id}`, { auth: parent.token })
    ).json();
    expect(seen.institution).toMatchObject({
      id: institution.id,
      kind: 'school',
      regionId: 'default',
      accreditation: 'accredited',
    });
    expect(seen.group).toEqual({ id: group.id, type: 'family', name: 'Lis', regionId: 'default' });
    expect(seen.role).toBe('parent');
    expect(seen.members).toEqual([{ personId: parent.id, role: 'parent' }]);

    const stranger = await t.person();
    const none = await (await t.request(`/v1/seams/lookups/not-a-uuid/${group.id}`, { auth: stranger.token })).json();
    expect(none.institution).toBeNull();
    expect(none.role).toBeNull();
  });
});

describe('scheduled jobs', () => {
  it('run on demand with the platform clock and see the regions where the plugin is enabled', async () => {
    jobRuns.length = 0;
    await t.runJob('seams', 'tick');
    expect(jobRuns).toEqual([{ regions: ['default'], at: '2026-03-01T08:00:00.000Z' }]);
  });

  it('run on one instance at a time: a second run while one holds the lock is skipped', async () => {
    slowJob = new Promise<void>((resolve) => {
      releaseSlowJob = resolve;
    });
    const first = t.platform.jobs.run('seams', 'slow');
    await new Promise((resolve) => setTimeout(resolve, 200));
    // PGlite has a single connection, so there a second run waits for the first; PostgreSQL skips it.
    if (process.env.DATABASE_URL) expect(await t.platform.jobs.run('seams', 'slow')).toBe(false);
    releaseSlowJob?.();
    expect(await first).toBe(true);
  });

  it('need a kebab-case name and an interval of at least a second; unknown jobs are refused', async () => {
    const withJob = (name: string, intervalMs: number) =>
      definePlugin({ id: 'bad-job', version: '1.0.0', register: (p) => p.every(name, { intervalMs }, async () => {}) });
    expect(() => createPlatform({ env: {}, plugins: [withJob('fast', 10)] })).toThrow('at least 1000');
    expect(() => createPlatform({ env: {}, plugins: [withJob('Bad Name', 5000)] })).toThrow('not kebab-case');
    await expect(t.platform.jobs.run('seams', 'nope')).rejects.toThrow('No job "nope"');
  });
});
