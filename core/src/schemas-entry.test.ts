import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnyRoute } from './http/route.js';
import type { Ledger } from './ledger/ledger.js';
import { ledgerRoutes } from './ledger/routes.js';
import { pluginRoutes } from './plugins/routes.js';
import * as schemas from './schemas.js';
import { packagesLoadedBy } from './testing/packages-loaded-by.js';

const src = dirname(fileURLToPath(import.meta.url));

describe.each(['schemas.ts', 'contract.ts'])('@lifelong/core/%s', (entry) => {
  it('loads no server code: only TypeBox outside its own modules', () => {
    const packages = packagesLoadedBy(resolve(src, entry));
    expect([...packages.keys()]).toEqual(['@sinclair/typebox']);
    expect(new Set([...packages.values()].flat()).size).toBeGreaterThan(5);
  });
});

describe('@lifelong/core/schemas', () => {
  it('holds the very schemas the ledger and plugin routes validate with', () => {
    const unused = () => {
      throw new Error('not called: only the route definitions are read');
    };
    const ledger = ledgerRoutes({ db: unused, ledger: {} as Ledger, access: { canReadOwner: unused } });
    const byPath = (path: string, method: string) => ledger.routes.find((r) => r.path === path && r.method === method);
    expect(byPath('/v1/ledger/accounts', 'post')?.request?.body).toBe(schemas.CreateAccountBody);
    expect(byPath('/v1/ledger/accounts', 'post')?.responses[201]?.schema).toBe(schemas.AccountView);
    expect(byPath('/v1/ledger/transfers', 'post')?.request?.body).toBe(schemas.TransferBatchBody);
    expect(byPath('/v1/ledger/transfers/{transferId}', 'get')?.responses[200]?.schema).toBe(schemas.TransferView);

    const plugins: readonly AnyRoute[] = pluginRoutes(unused, () => []);
    const put = plugins.find((r) => r.method === 'put');
    expect(put?.request?.body).toBe(schemas.RegionPluginBody);
    expect(put?.responses[200]?.schema).toBe(schemas.RegionPluginView);
    expect(plugins.find((r) => r.path === '/v1/plugins')?.responses[200]?.schema).toBe(schemas.PluginList);
  });
});
