import { createTestPlatform, type TestPlatform } from '@lifelong/core/testing';
import assessments from '@lifelong/plugin-assessments';
import assessmentsClient from '@lifelong/plugin-assessments/client';
import community from '@lifelong/plugin-community';
import communityClient from '@lifelong/plugin-community/client';
import credentials from '@lifelong/plugin-credentials';
import credentialsClient from '@lifelong/plugin-credentials/client';
import creditBank from '@lifelong/plugin-credit-bank';
import creditBankClient from '@lifelong/plugin-credit-bank/client';
import evaluationConsultation from '@lifelong/plugin-evaluation-consultation';
import evaluationConsultationClient from '@lifelong/plugin-evaluation-consultation/client';
import industrySupport from '@lifelong/plugin-industry-support';
import industrySupportClient from '@lifelong/plugin-industry-support/client';
import learningRecords from '@lifelong/plugin-learning-records';
import learningRecordsClient from '@lifelong/plugin-learning-records/client';
import qualityControl from '@lifelong/plugin-quality-control';
import qualityControlClient from '@lifelong/plugin-quality-control/client';
import teacherDevelopment from '@lifelong/plugin-teacher-development';
import teacherDevelopmentClient from '@lifelong/plugin-teacher-development/client';
import { createClient } from '@lifelong/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CurlExample, curlCommands, parseCurl, readDocs } from './curl-examples.js';

// The default deployment's /openapi.json against the SDK built from the published packages: every
// documented operation is a method named by its operationId, bound to the same method and path,
// and the client has no method the server does not serve.
let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({
    plugins: [
      creditBank,
      teacherDevelopment,
      assessments,
      credentials,
      learningRecords,
      industrySupport,
      qualityControl,
      evaluationConsultation,
      community,
    ],
  });
});
afterAll(() => t.close());

/** The client modules of the default deployment's plugins. */
const pluginClients = [
  creditBankClient,
  teacherDevelopmentClient,
  assessmentsClient,
  credentialsClient,
  learningRecordsClient,
  industrySupportClient,
  qualityControlClient,
  evaluationConsultationClient,
  communityClient,
];

type Operation = { operationId: string };
type Bound = { contract: { method: string; path: string } };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function documentedOperations(doc: { paths: Record<string, Partial<Record<string, Operation>>> }) {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ path, method, operationId: item[method].operationId }] : [])),
  );
}

/** Every function of a client tree, by its dotted name. */
function methodsOf(node: unknown, prefix = ''): Map<string, Bound> {
  const found = new Map<string, Bound>();
  for (const [name, value] of Object.entries(node as Record<string, unknown>)) {
    const dotted = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'function' && 'contract' in value) found.set(dotted, value as unknown as Bound);
    else if (typeof value === 'object' && value !== null && name !== 'session') {
      for (const [k, v] of methodsOf(value, dotted)) found.set(k, v);
    }
  }
  return found;
}

describe('the SDK covers the default deployment', () => {
  it('has a method for every operation in /openapi.json, on the same method and path, and no other', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    const client = createClient({
      baseUrl: 'http://lifelong.test',
      plugins: pluginClients,
    });
    const methods = methodsOf(client);
    const operations = documentedOperations(doc);
    expect(operations.length).toBeGreaterThan(140);

    const missing = operations.filter(({ operationId }) => !methods.has(operationId)).map((o) => o.operationId);
    expect(missing).toEqual([]);
    for (const { path, method, operationId } of operations) {
      const { contract } = methods.get(operationId) as Bound;
      const plugin = pluginClients.find((p) => path.startsWith(`/v1/${p.id}/`));
      expect({
        operationId,
        method: contract.method,
        path: plugin ? `/v1/${plugin.id}${contract.path}` : contract.path,
      }).toEqual({
        operationId,
        method,
        path,
      });
    }
    const served = new Set(operations.map((o) => o.operationId));
    expect([...methods.keys()].filter((name) => !served.has(name))).toEqual([]);
  });

  it('documents access honestly: public operations answer anonymous callers, the others ask them to authenticate', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    const wrong: string[] = [];
    for (const [path, item] of Object.entries(
      doc.paths as Record<string, Record<string, { security?: unknown[]; operationId: string }>>,
    )) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-7000-8000-000000000000');
        const init: Parameters<TestPlatform['request']>[1] = { method: method.toUpperCase() };
        if (method !== 'get' && method !== 'delete') init.json = {};
        const { status } = await t.request(url, init);
        const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
        if (isPublic ? status === 401 || status === 403 : status !== 401) {
          wrong.push(`${operation.operationId} (${isPublic ? 'public' : 'protected'}) answered ${status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('describes every operation beyond its summary', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    const undescribed = Object.values(
      doc.paths as Record<string, Record<string, { operationId: string; description?: string }>>,
    )
      .flatMap((item) => METHODS.flatMap((method) => (item[method] ? [item[method]] : [])))
      .filter((operation) => !operation.description?.trim())
      .map((operation) => operation.operationId);
    expect(undescribed).toEqual([]);
  });
});

// The docs name routes as `METHOD /v1/...`; each must be one the default deployment serves, so the
// docs cannot send a reader to a route that was renamed or never existed.
describe('the docs name only routes that exist', () => {
  it('finds every `METHOD /v1/…` of docs/ and the README in /openapi.json', async () => {
    const doc = await (await t.request('/openapi.json')).json();
    // Prose names parameters freely ({ln} for {learnerNumber}) or gives values (cn-sh, an id):
    // a served parameter segment matches any segment.
    const served = documentedOperations(doc).map(({ method, path }) => ({
      method: method.toUpperCase(),
      segments: path.split('/'),
    }));
    const isServed = (method: string, path: string) => {
      const segments = path.split('/');
      return served.some(
        (op) =>
          op.method === method &&
          op.segments.length === segments.length &&
          op.segments.every((segment, i) => segment === segments[i] || (segment.startsWith('{') && segments[i] !== '')),
      );
    };
    const named: string[] = [];
    for (const { file, text } of await readDocs()) {
      for (const match of text.matchAll(/\b(GET|POST|PUT|PATCH|DELETE) (\/v1\/[A-Za-z0-9/{}._-]*[A-Za-z0-9}])/g)) {
        named.push(`${file}: ${match[1]} ${match[2]}`);
      }
    }
    expect(named.length).toBeGreaterThan(40);
    const unknown = named.filter((line) => {
      const [method, path] = line.slice(line.indexOf(': ') + 2).split(' ') as [string, string];
      return !isServed(method, path);
    });
    expect(unknown).toEqual([]);
  });
});

// The docs' `curl` commands, sent as written (tokens and placeholders filled in): the route must
// take each one — no 400 (a body or parameter the contract refuses), 405, 415 or unknown route —
// so a reader who copies one gets past validation.
describe('the docs’ curl examples', () => {
  it('are taken by the routes they name', async () => {
    const person = await t.person({ verified: true });
    const { institution } = await t.principals();
    const examples: CurlExample[] = [];
    for (const { file, text } of await readDocs()) {
      for (const command of curlCommands(text)) {
        // A person's session token for $TOKEN, an accredited school's issuer key for $ISSUER_KEY,
        // the platform admin's key for any other key.
        const filled = command
          .replaceAll('$TOKEN', person.token)
          .replaceAll('$ISSUER_KEY', institution.key)
          .replace(/\$[A-Z_]*KEY\b/g, t.adminKey)
          // The docs' example number (docs/identity.md) stands for a real person's.
          .replaceAll('<learner number>', person.learnerNumber)
          .replaceAll('<institution id>', institution.id)
          .replaceAll('482910573618203X', person.learnerNumber);
        examples.push(parseCurl(file, filled));
      }
    }
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const send = async (example: CurlExample) => {
      const res = await t.request(example.path, {
        method: example.method,
        headers: example.headers,
        ...(example.body === undefined ? {} : { body: example.body }),
      });
      const answer = res.status >= 400 ? await res.json() : null;
      const unrouted = res.status === 404 && String(answer?.detail).startsWith('No route matches');
      const taken = ![400, 405, 415].includes(res.status) && !unrouted && res.status < 500;
      return taken ? null : { where: example.where, request: `${example.method} ${example.path}`, answer };
    };
    // An example may rest on one written later (a record needs its provider accredited): what is
    // refused the first time is sent once more, after all the others.
    const again: CurlExample[] = [];
    for (const example of examples) if (await send(example)) again.push(example);
    const refused = [];
    for (const example of again) refused.push(await send(example));
    expect(refused.filter(Boolean)).toEqual([]);
  });
});
