import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { AnyRoute } from './http/route.js';
import type { Ledger } from './ledger/ledger.js';
import { ledgerRoutes } from './ledger/routes.js';
import { pluginRoutes } from './plugins/routes.js';
import * as schemas from './schemas.js';

const src = dirname(fileURLToPath(import.meta.url));

/** Every module specifier the file loads at run time (`import type` / `export type` load nothing). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gms)) {
    if (!m[1]) found.push(m[2] as string);
  }
  return found;
}

describe.each(['schemas.ts', 'contract.ts'])('@lifelong/core/%s', (entry) => {
  it('loads no server code: only TypeBox outside its own modules', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const specifier of runtimeImports(file)) {
        if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
        else packages.add(specifier);
      }
    };
    visit(resolve(src, entry));
    expect(seen.size).toBeGreaterThan(5);
    expect([...packages]).toEqual(['@sinclair/typebox']);
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
