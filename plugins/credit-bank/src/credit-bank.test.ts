import { createTestPlatform, type TestPlatform } from '@lifelong/core/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as contracts from './contracts.js';
import creditBank from './index.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ plugins: [creditBank] });
});
afterAll(() => t.close());

it('installs, migrates and is enabled in the default region', async () => {
  const res = await t.request('/v1/plugins');
  const plugin = (await res.json()).items.find((p: { id: string }) => p.id === 'credit-bank');
  expect(plugin).toMatchObject({ id: 'credit-bank', regions: [{ regionId: 'default', enabled: true }] });
});

it('serves every contract at its path, named in OpenAPI by its operationId under creditBank', async () => {
  const document = (await (await t.request('/openapi.json')).json()) as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  const served = Object.entries(document.paths)
    .filter(([path]) => path.startsWith('/v1/credit-bank/'))
    .flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, op]) => `${method} ${path} ${op.operationId}`),
    );
  const declared = Object.values(contracts).map(
    (c) => `${c.method} /v1/credit-bank${c.path} creditBank.${c.operationId}`,
  );
  expect(served.sort()).toEqual(declared.sort());
});
