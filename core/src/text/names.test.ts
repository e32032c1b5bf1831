import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform, type TestResponse } from '../testing/index.js';
import { testNationalId } from '../testing/national-ids.js';

// Every name the core stores, through its route: refused with the rule that failed, or stored in NFC.
let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const post = (path: string, json: unknown, auth?: string) =>
  t.request(path, { method: 'POST', json, ...(auth ? { auth } : {}) });

const registration = (legalName: string) => ({
  legalName,
  dateOfBirth: '1988-08-08',
  nationalId: { scheme: 'CN-RIC', number: testNationalId('1988-08-08') },
  password: 'a long enough password',
});

let unique = 0;
/** Each name field, created with `name` by someone allowed to. */
const creators: [string, string, (name: string) => Promise<TestResponse>][] = [
  ['a legal name', '/body/legalName', (name) => post('/v1/people', registration(name))],
  [
    'a group name',
    '/body/name',
    async (name) => post('/v1/groups', { type: 'interest', name }, (await t.person()).token),
  ],
  [
    'an institution name',
    '/body/name',
    (name) => post('/v1/institutions', { name, kind: 'school', regionId: 'default' }, 'admin'),
  ],
  ['a region name', '/body/name', (name) => post('/v1/regions', { id: `names-${++unique}`, name }, 'admin')],
  ['an API key name', '/body/name', (name) => post('/v1/api-keys', { name, role: 'platform-admin' }, 'admin')],
];

const refused: [string, string, string][] = [
  ['a right-to-left override', 'Anna\u202Egnow', 'text.bidiControl'],
  ['a directional isolate', '\u2067Anna\u2069', 'text.bidiControl'],
  ['a left-to-right mark', 'Anna\u200E', 'text.bidiControl'],
  ['the Arabic letter mark', 'محمد\u061C', 'text.bidiControl'],
  ['a tab', 'Anna\tWong', 'text.controlCharacter'],
  ['a C1 control', 'Anna\u0085Wong', 'text.controlCharacter'],
  ['only zero-width spaces', '\u200B\u200B', 'text.invisibleOnly'],
  ['only a byte order mark and a word joiner', '\uFEFF\u2060', 'text.invisibleOnly'],
  ['only Hangul fillers', '\u3164\u3164', 'text.invisibleOnly'],
];

describe.each(creators)('%s', (_field, path, create) => {
  it.each(refused)('is refused when it holds %s, with 400 naming the field and the rule', async (_what, name, rule) => {
    const res = await create(name);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const problem = await res.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors).toContainEqual({ path, rule, message: expect.any(String) });
  });

  it('is stored in NFC: a decomposed accent comes back composed', async () => {
    const res = await create('Rene\u0301e Jose\u0301');
    expect(res.status).toBe(201);
    expect(JSON.stringify(await res.json())).toContain('Renée José');
  });

  it('may hold a zero-width non-joiner inside a word, as Persian needs', async () => {
    expect((await create('می\u200Cخواهم')).status).toBe(201);
  });
});

it('publishes the rule in the OpenAPI document', async () => {
  const document = await (await t.request('/openapi.json')).json();
  const schema = document.paths['/v1/people'].post.requestBody.content['application/json'].schema;
  expect(schema.properties.legalName).toMatchObject({ format: 'human-text', maxLength: 200 });
  expect(schema.properties.legalName.description).toContain('NFC');
});
