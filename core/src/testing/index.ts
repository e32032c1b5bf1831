import { Writable } from 'node:stream';
import type { SettingsInput } from '../config/settings.js';
import type { DatabaseHandle } from '../db/database.js';
import { memoryFileStore } from '../files/memory-file-store.js';
import type { RouteGroup } from '../http/route.js';
import type { IdentityVerifier } from '../identity/verifier.js';
import { createLogger } from '../logging/logger.js';
import type { MessageChannels } from '../messaging/channels.js';
import { createPlatform, type Platform } from '../platform.js';
import type { AnyPlugin } from '../plugins/define-plugin.js';
import type { RegionSeed } from '../plugins/region-seeds.js';
import { testNationalId } from './national-ids.js';
import { createTestDatabase } from './test-database.js';

export { assertActorInvariants, assertLedgerInvariants } from '../ledger/testing/invariants.js';

import { actorViolations } from '../ledger/testing/invariants.js';

export { CORE_DISTRIBUTION } from '../db/core-distribution.js';
export { pluginDistributionViolations } from './distribution.js';
export { featureBoundaryViolations } from './feature-boundaries.js';
export { testNationalId } from './national-ids.js';
export { packagesLoadedBy } from './packages-loaded-by.js';
export { createTestClient, TestCallError, type TestCallOptions, type TestClient } from './test-client.js';

import type { PluginContracts } from '../http/contract-client.js';
import { createTestClient, type TestClient } from './test-client.js';

export { createTestDatabase } from './test-database.js';

/** A stable admin key for tests; only ever valid on a test database. */
export const TEST_ADMIN_KEY = 'llk_test-admin-key-0000000000000000';

/** Fixed keys for national IDs in tests (never use these anywhere else). */
export const TEST_SECRETS = {
  nationalIdHmacKey: Buffer.alloc(32, 7).toString('base64'),
  nationalIdEncryptionKeys: `test:${Buffer.alloc(32, 9).toString('base64')}`,
} as const;

/**
 * Tests make hundreds of parallel writes as one principal: rate limits are off unless a test's
 * `settings` turn them on. (The request timeout keeps its default.)
 */
const NO_RATE_LIMITS = { rateLimitWritesPerMinute: 0, rateLimitSignInsPerMinute: 0 } as const;

/** A person created through the API, signed in. */
export interface TestPerson {
  id: string;
  learnerNumber: string;
  password: string;
  /** A session token for `request(..., { auth: person.token })`. */
  token: string;
  legalName: string;
  dateOfBirth: string;
  nationalId: string;
}

export interface TestPersonOptions {
  dateOfBirth?: string;
  legalName?: string;
  region?: string;
  /**
   * For a minor: the guardian who registers them. Only verified adults register minors, so an
   * unverified guardian is verified first (as platform admin).
   */
  guardian?: TestPerson;
  /** Mark verified through the registrar flow (as platform admin). */
  verified?: boolean;
  /** Roles to grant (as platform admin), e.g. `[{ role: 'registrar', scope: { type: 'region', id: 'default' } }]`. */
  roles?: { role: string; scope: { type: string; id?: string } }[];
}

export interface TestPlatformOptions {
  settings?: SettingsInput;
  routes?: readonly RouteGroup[];
  /** Reuse an open database (the caller closes it); default: a fresh one per platform. */
  database?: DatabaseHandle;
  /** A clock for identity (session expiry, ages); default: the real one. */
  now?: () => Date;
  /** Identity verifiers by region id. */
  identityVerifiers?: Readonly<Record<string, IdentityVerifier>>;
  /** Plugins to load, as in `lifelong.config.ts`. */
  plugins?: readonly AnyPlugin[];
  /** Regions to seed (default: `default`, every plugin enabled). */
  regions?: readonly RegionSeed[];
  /** Run plugins' jobs on their timers (default false: tests call `runJob`). */
  scheduleJobs?: boolean;
  /** Email and SMS channels for one-time codes (e.g. a real SMTP server started by the test). */
  messaging?: MessageChannels;
}

export interface RequestOptions extends Omit<RequestInit, 'body'> {
  /** Sent as a JSON body with `Content-Type: application/json`. */
  json?: unknown;
  body?: RequestInit['body'];
  /** Bearer token to send; `'admin'` sends the platform-admin key. */
  auth?: string;
}

/** A response whose `json()` is untyped, so tests can assert on bodies without casts. */
// biome-ignore lint/suspicious/noExplicitAny: test bodies are checked by assertions, not types.
export type TestResponse = Omit<Response, 'json'> & { json(): Promise<any> };

/** Principals of each kind in region `default` (plus a region admin of region `elsewhere`). */
export interface TestPrincipals {
  learner: TestPerson;
  otherLearner: TestPerson;
  /** A guardian and their minor (the minor is a learner too). */
  guardian: TestPerson;
  minor: TestPerson;
  registrar: TestPerson;
  regionAdmin: TestPerson;
  otherRegionAdmin: TestPerson;
  /** An accredited school in `default` and an `issuer` API key of it. */
  institution: { id: string; key: string };
  platformAdminKey: string;
}

export interface TestPlatform {
  platform: Platform;
  /** In-process request; no network. */
  request(path: string, options?: RequestOptions): Promise<TestResponse>;
  /**
   * A typed in-process client over the route contracts, as `auth` (a token, an API key or
   * `'admin'`; anonymous without): `await t.client(token).people.get({ learnerNumber })`. Pass a
   * plugin's client module for its operations: `t.client(token, [creditBankClient]).creditBank…`.
   */
  client<const P extends readonly PluginContracts[] = []>(auth?: string, plugins?: P): TestClient<P>;
  /** Every log line the platform has written so far, parsed. */
  logs(): Record<string, unknown>[];
  /** Raw log output, for asserting that something never appears in it. */
  rawLogs(): string;
  adminKey: string;
  /** Registers a person through the API (an adult by default) and signs them in. */
  person(options?: TestPersonOptions): Promise<TestPerson>;
  /**
   * One signed-in principal of each kind, created on first use and shared by the file's tests:
   * for authorization matrices. Tokens go in `request(..., { auth })`.
   */
  principals(): Promise<TestPrincipals>;
  /** Runs a plugin's scheduled job now (with the platform's clock). */
  runJob(pluginId: string, name: string): Promise<void>;
  /** Delivers every event that is due to its subscribers, now. */
  drainEvents(): Promise<void>;
  /**
   * Statuses below 500 that `request` got from an operation whose OpenAPI entry does not declare
   * them (each operation and status once): the document must list every status it can give.
   */
  undeclaredStatuses(): Promise<{ operation: string; status: number }[]>;
  close(): Promise<void>;
}

interface Answered {
  method: string;
  path: string;
  status: number;
}

/** Compares what requests got with what /openapi.json declares, per operation. */
function undeclared(
  document: { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> },
  answered: readonly Answered[],
): { operation: string; status: number }[] {
  // Literal segments before parameters: `/invitations/mine` is not `/invitations/{id}`.
  const templates = Object.keys(document.paths)
    .map((template) => ({
      template,
      params: (template.match(/\{/g) ?? []).length,
      // Paths hold only letters, digits, `/`, `-`, `_` and `{parameters}`.
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }))
    .sort((a, b) => a.params - b.params);
  const found = new Map<string, { operation: string; status: number }>();
  for (const { method, path, status } of answered) {
    if (status >= 500) continue;
    for (const { template, pattern } of templates) {
      if (!pattern.test(path)) continue;
      const operation = document.paths[template]?.[method.toLowerCase()];
      if (operation && !(String(status) in operation.responses)) {
        const name = `${method.toUpperCase()} ${template}`;
        found.set(`${name} ${status}`, { operation: name, status });
      }
      break;
    }
  }
  return [...found.values()];
}

/**
 * A started platform on an isolated test database, with captured logs and a typed in-process
 * request helper. One per test file is the intended use: PGlite takes seconds to start.
 *
 * @example
 * const t = await createTestPlatform();
 * afterAll(() => t.close());
 * const res = await t.request('/health/ready');
 */
export async function createTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const database = options.database ?? (await createTestDatabase());
  const platform = createPlatform({
    database,
    env: {},
    settings: {
      adminKey: TEST_ADMIN_KEY,
      passwordHashCost: 10,
      ...TEST_SECRETS,
      ...NO_RATE_LIMITS,
      ...options.settings,
    },
    logger: createLogger({ level: 'info', destination }),
    ...(options.routes ? { routes: options.routes } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.plugins ? { plugins: options.plugins } : {}),
    ...(options.identityVerifiers ? { identityVerifiers: options.identityVerifiers } : {}),
    ...(options.regions ? { regions: options.regions } : {}),
    ...(options.messaging ? { messaging: options.messaging } : {}),
    files: memoryFileStore(),
    scheduleJobs: options.scheduleJobs ?? false,
  });
  try {
    await platform.start({ listen: false });
  } catch (error) {
    // A platform that fails to start (a test of exactly that) must not leave its database behind.
    if (!options.database) await database.close();
    throw error;
  }

  const answered: Answered[] = [];
  const request: TestPlatform['request'] = async (path, { json, auth, headers, ...init } = {}) => {
    const finalHeaders = new Headers(headers);
    if (json !== undefined) finalHeaders.set('Content-Type', 'application/json');
    if (auth) finalHeaders.set('Authorization', `Bearer ${auth === 'admin' ? TEST_ADMIN_KEY : auth}`);
    const res = await platform.app.request(path, {
      ...init,
      headers: finalHeaders,
      ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
    });
    answered.push({ method: init.method ?? 'GET', path: new URL(path, 'http://test').pathname, status: res.status });
    return res as TestResponse;
  };

  async function expectOk(res: TestResponse, what: string): Promise<Record<string, unknown>> {
    const body = res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>);
    if (!res.ok) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(body)}`);
    return body;
  }

  async function ensureVerified(learnerNumber: string): Promise<void> {
    const res = await request(`/v1/people/${learnerNumber}/verification`, {
      method: 'POST',
      auth: 'admin',
      json: { decision: 'approve', evidence: { kind: 'document-check', reference: 'test-guardian' } },
    });
    // 409: verified already (or by a parallel registration of a sibling).
    if (res.status === 409) return;
    await expectOk(res, 'guardian verification');
  }

  let counter = 0;
  async function person(personOptions: TestPersonOptions = {}): Promise<TestPerson> {
    const dateOfBirth = personOptions.dateOfBirth ?? '1990-05-17';
    const nationalId = testNationalId(dateOfBirth);
    const password = `correct horse ${++counter}`;
    if (personOptions.guardian) await ensureVerified(personOptions.guardian.learnerNumber);
    const legalName = personOptions.legalName ?? `Test Person ${counter}`;
    const created = await expectOk(
      await request('/v1/people', {
        method: 'POST',
        json: { legalName, dateOfBirth, nationalId: { scheme: 'CN-RIC', number: nationalId }, password },
        ...(personOptions.guardian ? { auth: personOptions.guardian.token } : {}),
        ...(personOptions.region ? { headers: { 'Lifelong-Region': personOptions.region } } : {}),
      }),
      'registration',
    );
    const learnerNumber = created.learnerNumber as string;
    if (personOptions.verified) {
      await expectOk(
        await request(`/v1/people/${learnerNumber}/verification`, {
          method: 'POST',
          auth: 'admin',
          json: { decision: 'approve', evidence: { kind: 'document-check', reference: `test-${counter}` } },
        }),
        'verification',
      );
    }
    for (const grant of personOptions.roles ?? []) {
      await expectOk(
        await request(`/v1/people/${learnerNumber}/roles`, { method: 'POST', auth: 'admin', json: grant }),
        'role grant',
      );
    }
    const session = await expectOk(
      await request('/v1/sessions', { method: 'POST', json: { learnerNumber, password } }),
      'sign-in',
    );
    return {
      id: created.id as string,
      learnerNumber,
      password,
      token: session.token as string,
      legalName,
      dateOfBirth,
      nationalId,
    };
  }

  let principals: Promise<TestPrincipals> | undefined;
  async function createPrincipals(): Promise<TestPrincipals> {
    const admin = (path: string, json: unknown, method = 'POST') =>
      request(path, { method, auth: 'admin', json }).then((res) => expectOk(res, `${method} ${path}`));
    const regions = (await request('/v1/regions').then((r) => r.json())) as { items: { id: string }[] };
    if (!regions.items.some((r) => r.id === 'elsewhere'))
      await admin('/v1/regions', { id: 'elsewhere', name: 'Elsewhere' });
    const institution = await admin('/v1/institutions', { name: 'Test School', kind: 'school', regionId: 'default' });
    await admin(`/v1/institutions/${institution.id}/accreditation`, { status: 'accredited' }, 'PUT');
    const key = await admin('/v1/api-keys', {
      name: 'Test School system',
      role: 'issuer',
      institutionId: institution.id,
    });
    const inRegion = (role: string, id = 'default') => [{ role, scope: { type: 'region', id } }];
    const guardian = await person({ verified: true });
    return {
      learner: await person({ verified: true }),
      otherLearner: await person({ verified: true }),
      guardian,
      minor: await person({ dateOfBirth: '2015-06-01', guardian, verified: true }),
      registrar: await person({ roles: inRegion('registrar') }),
      regionAdmin: await person({ roles: inRegion('region-admin') }),
      otherRegionAdmin: await person({ roles: inRegion('region-admin', 'elsewhere') }),
      institution: { id: institution.id as string, key: key.key as string },
      platformAdminKey: TEST_ADMIN_KEY,
    };
  }

  const undeclaredStatuses = async () =>
    undeclared(
      (await (await platform.app.request('/openapi.json')).json()) as Parameters<typeof undeclared>[0],
      answered,
    );

  return {
    platform,
    person,
    principals: () => {
      principals ??= createPrincipals();
      return principals;
    },
    runJob: async (pluginId, name) => {
      await platform.jobs.run(pluginId, name);
    },
    drainEvents: async () => {
      await platform.events.drain();
    },
    undeclaredStatuses,
    logs: () => parseLines(lines),
    rawLogs: () => lines.join(''),
    adminKey: TEST_ADMIN_KEY,
    request,
    client: (auth, plugins) => createTestClient(request, auth, plugins),
    async close() {
      // After every test file: no transfer was posted by an actor the policy could never allow.
      // A database that is gone (a test that closed it) has nothing left to check.
      const violations = await (async () => actorViolations(platform.database.db))().catch(() => []);
      // On by default: a status an operation answered but /openapi.json does not declare fails the
      // file (LIFELONG_CHECK_DECLARED_STATUSES=0 turns it off while chasing something else).
      const gaps = process.env.LIFELONG_CHECK_DECLARED_STATUSES === '0' ? [] : await undeclaredStatuses();
      await platform.stop();
      if (!options.database) await database.close();
      if (violations.length > 0) throw new Error(`Ledger actor invariant violated:\n  ${violations.join('\n  ')}`);
      if (gaps.length > 0) {
        throw new Error(
          `Statuses answered but not declared in /openapi.json: ${gaps.map((g) => `${g.operation} ${g.status}`).join('; ')}`,
        );
      }
    },
  };
}

function parseLines(lines: string[]): Record<string, unknown>[] {
  return lines.flatMap((chunk) => chunk.split('\n').filter(Boolean)).map((line) => JSON.parse(line));
}
