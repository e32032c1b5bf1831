// Shared by the plugin's tests (not part of the package's entry points): a platform with the
// plugin, LRS credentials of the test school, and an xAPI request helper that speaks HTTP Basic.
import { randomUUID } from 'node:crypto';
import { createTestPlatform, type TestPlatform, type TestPrincipals, type TestResponse } from '@lifelong/core/testing';
import { expect } from 'vitest';
import learningRecords from './index.js';

export const HOME_PAGE = 'https://lifelong.example.org';
export const XAPI = '/v1/learning-records/xapi';

export interface Lrs {
  key: string;
  secret: string;
  id: string;
}

export interface Harness {
  t: TestPlatform;
  p: TestPrincipals;
  /** A credential of the test school with these scopes. */
  credential(scopes: string[], institutionKey?: string, institutionId?: string): Promise<Lrs>;
  /** An xAPI request with the credential as HTTP Basic and the version header (unless given as null). */
  xapi(
    path: string,
    options?: {
      method?: string;
      lrs?: Lrs | null;
      version?: string | null;
      json?: unknown;
      headers?: Record<string, string>;
      body?: string;
    },
  ): Promise<TestResponse>;
}

export const basic = (lrs: Pick<Lrs, 'key' | 'secret'>) =>
  `Basic ${Buffer.from(`${lrs.key}:${lrs.secret}`).toString('base64')}`;

export async function harness(): Promise<Harness> {
  const t = await createTestPlatform({ plugins: [learningRecords] });
  const p = await t.principals();
  let writer: Lrs | undefined;
  const credential: Harness['credential'] = async (
    scopes,
    institutionKey = p.institution.key,
    institutionId = p.institution.id,
  ) => {
    const res = await t.request('/v1/learning-records/credentials', {
      method: 'POST',
      auth: institutionKey,
      json: { institutionId, name: `Test LMS ${randomUUID().slice(0, 8)}`, scopes },
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    return { key: body.key, secret: body.secret, id: body.id };
  };
  const xapi: Harness['xapi'] = async (path, options = {}) => {
    writer ??= await credential(['all']);
    const lrs = options.lrs === undefined ? writer : options.lrs;
    const headers: Record<string, string> = { ...options.headers };
    if (lrs) headers.Authorization = basic(lrs);
    if (options.version !== null) headers['X-Experience-API-Version'] = options.version ?? '1.0.3';
    let body = options.body;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['Content-Type'] ??= 'application/json';
    }
    return t.request(`${XAPI}${path}`, { method: options.method ?? 'GET', headers, body });
  };
  return { t, p, credential, xapi };
}

let counter = 0;
/** A valid statement, unique per call (its activity and actor mailbox carry a counter). */
export function statement(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    actor: { objectType: 'Agent', name: 'Ada', mbox: `mailto:ada${counter}@example.org` },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', 'zh-CN': '完成' } },
    object: {
      objectType: 'Activity',
      id: `https://lms.example.org/courses/${counter}`,
      definition: { name: { 'en-US': 'Algebra', 'zh-CN': '代数' } },
    },
    ...overrides,
  };
}
