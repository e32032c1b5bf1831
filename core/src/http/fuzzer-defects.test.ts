import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/schema.js';
import { runAdminKeyCreate } from '../cli/admin-key-command.js';
import { isValidLearnerNumber } from '../identity/learner-number.js';
import { apiKeys } from '../identity/schema.js';
import { notesPlugin, vaultPlugin } from '../plugins/fixtures/plugins.js';
import {
  createTestPlatform,
  TEST_ADMIN_KEY,
  type TestPlatform,
  type TestResponse,
  testNationalId,
} from '../testing/index.js';

// Regression tests for issue #27: defects an independent OpenAPI-driven fuzzer found.

let t: TestPlatform;
let institutionId: string;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [vaultPlugin, notesPlugin],
    regions: [
      { id: 'default', name: 'Default' },
      { id: 'quiet', name: 'Quiet', plugins: { notes: { enabled: false } } },
    ],
  });
  const institution = await t.request('/v1/institutions', {
    method: 'POST',
    auth: 'admin',
    json: { name: 'Fuzz School', kind: 'school', regionId: 'default' },
  });
  expect(institution.status).toBe(201);
  institutionId = (await institution.json()).id;
});
afterAll(() => t.close());

async function createKey(json: Record<string, unknown>, auth = 'admin'): Promise<{ id: string; key: string }> {
  const res = await t.request('/v1/api-keys', { method: 'POST', auth, json: { name: 'fuzz key', ...json } });
  expect(res.status).toBe(201);
  return res.json();
}

async function expectProblem(res: TestResponse, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = await res.json();
  expect(body.code).toBe(code);
  return body;
}

const revoke = (keyId: string, auth: string) => t.request(`/v1/api-keys/${keyId}`, { method: 'DELETE', auth });

describe('fuzzer defect 1: the platform-admin key and its recovery', () => {
  it('fuzzer defect 1: the last platform-admin key cannot revoke itself', async () => {
    const [bootstrap] = await t.platform.database.db.select().from(apiKeys).where(eq(apiKeys.createdBy, 'bootstrap'));
    const refused = await expectProblem(
      await revoke(bootstrap?.id as string, 'admin'),
      409,
      'IDENTITY_LAST_PLATFORM_ADMIN_KEY',
    );
    expect(refused.rule).toBe('lastPlatformAdminKey');
    expect(refused.detail).toContain('lifelong admin-key create');
    // Refused means unchanged: the key still works.
    expect((await t.request('/v1/audit?limit=1', { auth: 'admin' })).status).toBe(200);
  });

  it('fuzzer defect 1: with a second platform-admin key, either may go, but never both', async () => {
    const second = await createKey({ role: 'platform-admin' });
    // An institution's "platform-admin" key does not administer the platform: it does not count.
    await createKey({ role: 'platform-admin', institutionId });
    const [bootstrap] = await t.platform.database.db.select().from(apiKeys).where(eq(apiKeys.createdBy, 'bootstrap'));
    // Each revokes the other at the same time: the lock lets one through, the other is the last.
    const [a, b] = await Promise.all([revoke(second.id, 'admin'), revoke(bootstrap?.id as string, second.key)]);
    expect([a.status, b.status].sort()).toEqual([204, 409]);
    const survivor = a.status === 204 ? TEST_ADMIN_KEY : second.key;
    const survivorId = a.status === 204 ? (bootstrap?.id as string) : second.id;
    await expectProblem(await revoke(survivorId, survivor), 409, 'IDENTITY_LAST_PLATFORM_ADMIN_KEY');
    if (survivor !== TEST_ADMIN_KEY) {
      // Put the harness's key back for the tests that follow.
      const again = await t.platform.database.db
        .update(apiKeys)
        .set({ revokedAt: null })
        .where(eq(apiKeys.id, bootstrap?.id as string))
        .returning();
      expect(again).toHaveLength(1);
    }
  });

  it('fuzzer defect 1: `lifelong admin-key create` recovers a locked-out platform, audited as the operator', async () => {
    // Lock the platform out as the fuzzer did (the API now refuses it, so through the database).
    const db = t.platform.database.db;
    const before = await db.select().from(apiKeys);
    await db.update(apiKeys).set({ revokedAt: new Date() });
    const lines: string[] = [];
    try {
      const code = await runAdminKeyCreate({
        database: t.platform.database,
        name: 'Recovered admin',
        operator: { id: 'ops@host-1', via: 'cli:admin-key create' },
        out: (line) => lines.push(line),
      });
      expect(code).toBe(0);
      const key = lines.map((line) => /^\s+(llk_\S+)$/.exec(line)?.[1]).find(Boolean) as string;
      expect(key).toMatch(/^llk_[A-Za-z0-9_-]{43}$/);
      // Printed once, stored as a hash only.
      const [row] = await db.select().from(apiKeys).where(eq(apiKeys.name, 'Recovered admin'));
      expect(row?.keyHash).not.toContain(key);
      expect(row).toMatchObject({ role: 'platform-admin', scopeType: 'platform', createdBy: 'operator:ops@host-1' });

      const audit = await t.request(`/v1/audit?action=api-key.created&subjectId=${row?.id}`, { auth: key });
      expect(audit.status).toBe(200);
      const [entry] = (await audit.json()).items;
      expect(entry).toMatchObject({
        actorType: 'operator',
        actorId: 'ops@host-1',
        subjectType: 'api-key',
        details: { role: 'platform-admin', via: 'cli:admin-key create' },
      });
    } finally {
      for (const row of before) {
        await db.update(apiKeys).set({ revokedAt: row.revokedAt }).where(eq(apiKeys.id, row.id));
      }
    }
    const entries = await db.select().from(auditLog).where(eq(auditLog.actorType, 'operator'));
    expect(entries).toHaveLength(1);
  });

  it('fuzzer defect 1: `admin-key create` refuses a name outside 1–200 characters (exit 2), creating nothing', async () => {
    const count = (await t.platform.database.db.select().from(apiKeys)).length;
    expect(await runAdminKeyCreate({ database: t.platform.database, name: ' ', out: () => {} })).toBe(2);
    expect(await runAdminKeyCreate({ database: t.platform.database, name: 'x'.repeat(201), out: () => {} })).toBe(2);
    expect((await t.platform.database.db.select().from(apiKeys)).length).toBe(count);
  });
});
describe('fuzzer defect 2: listing API keys without a region', () => {
  it('fuzzer defect 2: an institution-scoped key that may manage keys gets an empty page, not a 500', async () => {
    for (const role of ['region-admin', 'platform-admin']) {
      const narrowed = await createKey({ role, institutionId });
      const res = await t.request('/v1/api-keys', { auth: narrowed.key });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ items: [], nextCursor: null });
    }
    // The platform admin still sees those keys; a region admin of their region too.
    const all = await (await t.request('/v1/api-keys?limit=200', { auth: 'admin' })).json();
    expect(all.items.some((k: { institutionId: string | null }) => k.institutionId === institutionId)).toBe(true);
    const regionKey = await createKey({ role: 'region-admin', regionId: 'default' });
    const regional = await (await t.request('/v1/api-keys?limit=200', { auth: regionKey.key })).json();
    expect(regional.items.some((k: { institutionId: string | null }) => k.institutionId === institutionId)).toBe(true);
  });
});
describe('fuzzer defect 3: platform-wide routes refuse narrowed grants', () => {
  it('fuzzer defect 3: an institution-scoped platform-admin key cannot create a top-level region', async () => {
    const narrowed = await createKey({ role: 'platform-admin', institutionId });
    const body = await expectProblem(
      await t.request('/v1/regions', { method: 'POST', auth: narrowed.key, json: { id: 'rogue', name: 'Rogue' } }),
      403,
      'FORBIDDEN',
    );
    expect(body.detail).toContain('regions.manage');
    const regions = await (await t.request('/v1/regions')).json();
    expect(regions.items.map((r: { id: string }) => r.id)).not.toContain('rogue');
    // The audit log was already refused to it; the region route now agrees.
    expect((await t.request('/v1/audit', { auth: narrowed.key })).status).toBe(403);
  });

  // Operations that change platform-wide state: only platform-scoped grants may call them, checked
  // at the door (`access.scope: 'platform'`, `x-permission-scope` in OpenAPI).
  const PLATFORM_WIDE: Record<string, { json?: unknown }> = {
    'POST /v1/regions': { json: { id: 'rogue-2', name: 'Rogue' } },
    'POST /v1/events/dead-letters/{deliveryId}/retry': {},
    'POST /v1/ledger/accounts/{accountId}/close': {},
  };
  // Every other permission-guarded write narrows the permission to the resource it touches, in its
  // service; where it can also touch platform-wide state, the case below says how that is refused.
  const NARROWED_TO_RESOURCE: Record<string, string> = {
    'POST /v1/people/{learnerNumber}/verification': "the person's region",
    'POST /v1/people/{learnerNumber}/merge': "both people's regions",
    'POST /v1/people/{learnerNumber}/erasure-requests/{requestId}/decision': "the person's region",
    'PUT /v1/people/{learnerNumber}/guardians': "the minor's region",
    'POST /v1/people/{learnerNumber}/verification/revocation': "the person's region",
    'POST /v1/people/{learnerNumber}/roles': 'the grant scope; platform-wide grants by platform admins only (below)',
    'DELETE /v1/people/{learnerNumber}/roles/{grantId}': "the grant's scope",
    'POST /v1/api-keys': "the key's region or institution; platform keys by platform admins only (below)",
    'DELETE /v1/api-keys/{keyId}': "the key's region; platform keys by platform admins only",
    'POST /v1/institutions': "the institution's region",
    'PUT /v1/institutions/{institutionId}/accreditation': "the institution's region",
    'PUT /v1/regions/{regionId}/plugins/{pluginId}': 'the region in the path',
    'PATCH /v1/regions/{regionId}/plugins/{pluginId}': 'the region in the path (cascades stay in it)',
    'PUT /v1/regions/{regionId}/two-factor': 'the region in the path',
    'POST /v1/ledger/accounts': "the ledger's policy, per owner",
    'POST /v1/ledger/transfers': "the ledger's policy, per debited account",
  };

  it('fuzzer defect 3: every permission-guarded write is classified, and the platform-wide ones say so in OpenAPI', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    const writes: string[] = [];
    const platformScoped: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(operations)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (op['x-permission-scope'] === 'platform' && method !== 'get') platformScoped.push(name);
        if (method !== 'get' && op['x-permission']) writes.push(name);
      }
    }
    // A new permission-guarded write must be added to one of the two lists (and tested if platform-wide).
    expect(writes.sort()).toEqual([...Object.keys(PLATFORM_WIDE), ...Object.keys(NARROWED_TO_RESOURCE)].sort());
    expect(platformScoped.sort()).toEqual(Object.keys(PLATFORM_WIDE).sort());
  });

  it('fuzzer defect 3: every platform-wide write refuses platform-admin keys narrowed to a region or an institution', async () => {
    const narrowed = [
      await createKey({ role: 'platform-admin', institutionId }),
      await createKey({ role: 'platform-admin', regionId: 'default' }),
    ];
    for (const [name, { json }] of Object.entries(PLATFORM_WIDE)) {
      const [method, template] = name.split(' ') as [string, string];
      const path = template.replace(/\{[^}]+\}/g, '01890a5d-ac96-774b-bcce-b302099a8057');
      for (const key of narrowed) {
        const res = await t.request(path, { method, auth: key.key, ...(json ? { json } : {}) });
        const body = await expectProblem(res, 403, 'FORBIDDEN');
        expect(body.detail).toContain('for the whole platform');
      }
    }
    const regions = await (await t.request('/v1/regions')).json();
    expect(regions.items.map((r: { id: string }) => r.id)).not.toContain('rogue-2');

    // Platform-wide variants of narrowed routes: a platform key, a platform-wide role.
    const person = await t.person();
    for (const key of narrowed) {
      await expectProblem(
        await t.request('/v1/api-keys', {
          method: 'POST',
          auth: key.key,
          json: { name: 'escalation', role: 'platform-admin' },
        }),
        403,
        'IDENTITY_GRANT_REFUSED',
      );
      await expectProblem(
        await t.request(`/v1/people/${person.learnerNumber}/roles`, {
          method: 'POST',
          auth: key.key,
          json: { role: 'platform-admin', scope: { type: 'platform' } },
        }),
        403,
        'IDENTITY_GRANT_REFUSED',
      );
    }
    const roles = await (await t.request(`/v1/people/${person.learnerNumber}/roles`, { auth: 'admin' })).json();
    expect(roles.items).toEqual([]);
  });
});
describe('fuzzer defect 4: string lengths count characters (code points)', () => {
  it('fuzzer defect 4: an institution name of 300 emoji fits maxLength 300; 301 does not', async () => {
    const ok = await t.request('/v1/institutions', {
      method: 'POST',
      auth: 'admin',
      json: { name: '🎓'.repeat(300), kind: 'school', regionId: 'default' },
    });
    expect(ok.status).toBe(201);
    expect([...(await ok.json()).name]).toHaveLength(300);

    const tooLong = await expectProblem(
      await t.request('/v1/institutions', {
        method: 'POST',
        auth: 'admin',
        json: { name: '🎓'.repeat(301), kind: 'school', regionId: 'default' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(tooLong.errors).toEqual([
      {
        path: '/body/name',
        rule: 'stringMaxLength',
        message: 'Expected string length less or equal to 300 characters',
      },
    ]);
  });

  it('fuzzer defect 4: minLength counts code points too, and other rules of a bounded string still apply', async () => {
    // One emoji is one character: enough for minLength 1 on an API key name.
    const key = await t.request('/v1/api-keys', {
      method: 'POST',
      auth: 'admin',
      json: { name: '🔑', role: 'registrar', regionId: 'default' },
    });
    expect(key.status).toBe(201);
    const empty = await expectProblem(
      await t.request('/v1/api-keys', { method: 'POST', auth: 'admin', json: { name: '', role: 'registrar' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(empty.errors).toContainEqual({
      path: '/body/name',
      rule: 'stringMinLength',
      message: 'Expected string length greater or equal to 1 characters',
    });
    // A cursor is bounded and patterned: the pattern is reported as the rule that failed.
    const cursor = await expectProblem(
      await t.request('/v1/api-keys?cursor=a*b', { auth: 'admin' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(cursor.errors).toEqual([expect.objectContaining({ path: '/query/cursor', rule: 'stringPattern' })]);
    const notString = await expectProblem(
      await t.request('/v1/api-keys', { method: 'POST', auth: 'admin', json: { name: 7, role: 'registrar' } }),
      400,
      'VALIDATION_FAILED',
    );
    expect(notString.errors).toContainEqual(expect.objectContaining({ path: '/body/name', rule: 'string' }));
  });
});
describe('fuzzer defect 5: query numbers are written as numbers', () => {
  it('fuzzer defect 5: limit=true, 1e1, " 5", 0x10, 1.5 are refused with 400 on a list endpoint', async () => {
    for (const limit of ['true', 'false', '1e1', ' 5', '5 ', '0x10', '1.5', '+5', '05', '']) {
      const res = await t.request(`/v1/api-keys?limit=${encodeURIComponent(limit)}`, { auth: 'admin' });
      const body = await expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(body.errors).toEqual([expect.objectContaining({ path: '/query/limit' })]);
    }
    const ok = await t.request('/v1/api-keys?limit=1', { auth: 'admin' });
    expect(ok.status).toBe(200);
    expect((await ok.json()).items).toHaveLength(1);
  });
});
describe('fuzzer defect 7: a plugin off in a region is not revealed to anonymous callers', () => {
  it('fuzzer defect 7: anonymous calls to a protected plugin route answer 401 whether the plugin is on or off', async () => {
    for (const region of ['default', 'quiet']) {
      const res = await t.request('/v1/notes/notes', {
        method: 'POST',
        json: { text: 'x' },
        headers: { 'Lifelong-Region': region },
      });
      await expectProblem(res, 401, 'UNAUTHENTICATED');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    }
  });

  it('fuzzer defect 7: an authenticated caller still gets 404 where the plugin is off, and the route where it is on', async () => {
    const person = await t.person();
    const write = (region: string) =>
      t.request('/v1/notes/notes', {
        method: 'POST',
        auth: person.token,
        json: { text: 'x' },
        headers: { 'Lifelong-Region': region },
      });
    const off = await expectProblem(await write('quiet'), 404, 'NOT_FOUND');
    expect(off.detail).toContain('not enabled in region "quiet"');
    expect((await write('default')).status).toBe(201);
  });
});

describe('fuzzer defect 6: the document says what the server enforces', () => {
  // The document is walked as plain JSON.
  type Json = any;
  let doc: Json;
  beforeAll(async () => {
    doc = await (await t.request('/openapi.json')).json();
  });

  /** Every value under `key` anywhere in `node`. */
  function collect(node: Json, key: string, found: Json[] = []): Json[] {
    if (Array.isArray(node)) for (const item of node) collect(item, key, found);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === key) found.push(v);
        collect(v, key, found);
      }
    }
    return found;
  }
  const operations = () =>
    Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, path, op })),
    );

  it('fuzzer defect 6: every learner-number example (OpenAPI and docs/identity.md) passes the check character', async () => {
    const inDocument = collect(doc, 'examples')
      .flat()
      .concat(collect(doc, 'example'))
      .filter((v: unknown) => typeof v === 'string' && /^[0-9]{15}[0-9X]$/.test(v));
    const schemas = collect(doc, 'pattern').length;
    expect(schemas).toBeGreaterThan(0);
    expect(inDocument.length).toBeGreaterThan(0);
    const docs = await readFile(fileURLToPath(new URL('../../../docs/identity.md', import.meta.url)), 'utf8');
    const inDocs = docs.match(/\b[1-9][0-9]{14}[0-9X]\b/g) ?? [];
    expect(inDocs.length).toBeGreaterThan(0);
    for (const example of [...inDocument, ...inDocs]) expect(isValidLearnerNumber(example), example).toBe(true);
    // And the server agrees: the example is well-formed, so an unknown one is a 404 (not a 400).
    const res = await t.request(`/v1/people/${inDocument[0]}`, { auth: 'admin' });
    await expectProblem(res, 404, 'IDENTITY_PERSON_NOT_FOUND');
  });

  it('fuzzer defect 6: the bans on U+0000 and unpaired surrogates are stated, and enforced', async () => {
    expect(doc.info.description).toContain('noNulCharacter');
    expect(doc.info.description).toContain('wellFormedUnicode');
    expect(doc.paths['/v1/regions'].post.responses['400'].description).toContain('noNulCharacter');
    for (const [name, rule] of [
      ['a\u0000b', 'noNulCharacter'],
      ['a\ud800b', 'wellFormedUnicode'],
    ]) {
      const res = await t.request('/v1/regions', { method: 'POST', auth: 'admin', json: { id: 'nul', name } });
      const body = await expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(body.errors).toContainEqual(expect.objectContaining({ path: '/body/name', rule }));
    }
  });

  it('fuzzer defect 6: `format: date` states its earliest day, which the server enforces', async () => {
    const dates = collect(doc, 'format').length;
    expect(dates).toBeGreaterThan(0);
    const dateOfBirth =
      doc.paths['/v1/people'].post.requestBody.content['application/json'].schema.properties.dateOfBirth;
    expect(dateOfBirth.description).toContain('from 1900-01-01 on');
    const person = (dateOfBirth: string) =>
      t.request('/v1/people', {
        method: 'POST',
        json: {
          legalName: 'Old Timer',
          dateOfBirth,
          nationalId: { scheme: 'CN-RIC', number: testNationalId(dateOfBirth) },
          password: 'correct horse battery',
        },
      });
    const old = await expectProblem(await person('1899-12-31'), 400, 'VALIDATION_FAILED');
    expect(old.errors).toContainEqual(expect.objectContaining({ path: '/body/dateOfBirth', rule: 'stringFormat' }));
    expect((await person('1900-01-01')).status).toBe(201);
  });

  it('fuzzer defect 6: owner.id and nationalId.scheme say what they accept', async () => {
    const owner = doc.paths['/v1/ledger/accounts'].post.requestBody.content['application/json'].schema.properties.owner;
    expect(owner.properties.id.description).toContain('Required unless the owner is the platform');
    expect(owner.properties.id.anyOf[0].pattern).toBeDefined();
    const bad = await expectProblem(
      await t.request('/v1/ledger/accounts', {
        method: 'POST',
        auth: 'admin',
        json: { asset: 'POINT', owner: { type: 'person', id: 'not a uuid!' } },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.errors[0].path).toMatch(/^\/body\/owner\/id/);

    const scheme =
      doc.paths['/v1/people'].post.requestBody.content['application/json'].schema.properties.nationalId.properties
        .scheme;
    expect(scheme.enum).toEqual(['CN-RIC']);
    const unknown = await expectProblem(
      await t.request('/v1/people', {
        method: 'POST',
        json: {
          legalName: 'Someone Else',
          dateOfBirth: '1990-01-01',
          nationalId: { scheme: 'XX-ID', number: '123' },
          password: 'correct horse battery',
        },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(unknown.errors).toContainEqual(expect.objectContaining({ path: '/body/nationalId/scheme', rule: 'scheme' }));
  });

  it('fuzzer defect 6: public operations document and give 401 for a bad token, /health/live included', async () => {
    for (const path of ['/health/live', '/v1/regions']) {
      expect((await t.request(path)).status).toBe(200);
      const res = await t.request(path, { auth: 'llk_not-a-key' });
      await expectProblem(res, 401, 'UNAUTHENTICATED');
      expect(doc.paths[path].get.responses['401'].description).toContain('token');
    }
  });

  it('fuzzer defect 6: every operation declares the 4xx it can give, as problem+json', () => {
    for (const { name, path, op } of operations()) {
      const declared = Object.keys(op.responses);
      const inputs = op.parameters.length > 0 || op.requestBody !== undefined;
      expect(declared, name).toContain('401');
      if (inputs) expect(declared, name).toContain('400');
      if (op.security.length > 0) expect(declared, name).toContain('403');
      if (path.includes('{')) expect(declared, name).toContain('404');
      if (op.requestBody?.content?.['application/json'])
        expect(declared, name).toEqual(expect.arrayContaining(['413', '415']));
      for (const status of declared.filter((s) => /^4/.test(s))) {
        expect(op.responses[status].content?.['application/problem+json'], `${name} ${status}`).toBeDefined();
      }
    }
    expect(doc.paths['/v1/api-keys/{keyId}'].delete.responses['409'].description).toContain(
      'IDENTITY_LAST_PLATFORM_ADMIN_KEY',
    );
    expect(doc.paths['/v1/regions'].post.responses['409'].description).toContain('IDENTITY_REGION_EXISTS');
    expect(doc.paths['/v1/people/{learnerNumber}/merge'].post.responses['409'].description).toContain(
      'IDENTITY_MERGE_REFUSED',
    );
    expect(doc.info.license).toEqual({ name: 'Apache-2.0', identifier: 'Apache-2.0' });
  });
});

describe('the document lists what the server answers', () => {
  // Last in the file: it checks every request the tests above made.
  it('every status below 500 an operation answered in this file is declared for it in /openapi.json', async () => {
    expect(await t.undeclaredStatuses()).toEqual([]);
  });
});
