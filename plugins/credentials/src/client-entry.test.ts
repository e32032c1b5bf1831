import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindContracts } from '@lifelong/core/contract';
import { packagesLoadedBy as loadedBy } from '@lifelong/core/testing';
import { describe, expect, it } from 'vitest';
import client from './client.js';
import * as contracts from './contracts.js';

const src = dirname(fileURLToPath(import.meta.url));

describe('the ./client entry', () => {
  it('loads contracts and schemas only, no server code', () => {
    const serverFree = ['@sinclair/typebox', '@lifelong/core/contract', '@lifelong/core/schemas'];
    for (const entry of ['client.ts', 'schemas.ts']) {
      const others = [...loadedBy(resolve(src, entry))].filter(([name]) => !serverFree.includes(name));
      expect(others).toEqual([]);
    }
  });

  it('names every operation once, none nested under another', () => {
    const ids = Object.values(contracts).map((c) => c.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => ids.some((other) => other.startsWith(`${id}.`)))).toEqual([]);
  });

  it('calls operations at their method and path under /v1/credentials', async () => {
    const calls: string[] = [];
    const bound = bindContracts(
      client.contracts,
      async (call) => {
        calls.push(`${call.contract.method.toUpperCase()} ${call.path}`);
        return {};
      },
      `/v1/${client.id}`,
    );
    await bound.verify({ body: { credential: 'a.b.c' } });
    await bound.people.clr.get({ learnerNumber: 'L1', format: 'jwt_vc' });
    expect(calls).toEqual(['POST /v1/credentials/verify', 'GET /v1/credentials/people/L1/clr']);
  });
});
