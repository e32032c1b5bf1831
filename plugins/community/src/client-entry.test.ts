import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindContracts } from '@lifelong/core/contract';
import { packagesLoadedBy as loadedBy } from '@lifelong/core/testing';
import { describe, expect, it } from 'vitest';
import client from './client.js';
import * as contracts from './contracts.js';

const src = dirname(fileURLToPath(import.meta.url));

const packagesLoadedBy = (entry: string) => loadedBy(resolve(src, entry));

describe('the ./client entry', () => {
  it('loads contracts and schemas only, no server code', () => {
    const serverFree = ['@sinclair/typebox', '@lifelong/core/contract', '@lifelong/core/schemas'];
    for (const entry of ['client.ts', 'schemas.ts']) {
      const others = [...packagesLoadedBy(entry)].filter(([name]) => !serverFree.includes(name));
      expect(others).toEqual([]);
    }
  });

  it('names every operation once, none nested under another', () => {
    const ids = Object.values(contracts).map((c) => c.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const prefixes = ids.filter((id) => ids.some((other) => other.startsWith(`${id}.`)));
    expect(prefixes).toEqual([]);
    expect(() => bindContracts(client.contracts, async () => undefined)).not.toThrow();
  });

  it('calls each operation at its method and path under /v1/community', async () => {
    const calls: string[] = [];
    const bound = bindContracts(
      client.contracts,
      async (call) => {
        calls.push(`${call.contract.method.toUpperCase()} ${call.path}`);
        return { items: [], nextCursor: null };
      },
      `/v1/${client.id}`,
    );
    await bound.needs.offers.accept({ needId: 'n1', offerId: 'o1' });
    await bound.moderation.queue.list({});
    expect(calls).toEqual(['POST /v1/community/needs/n1/offers/o1/accept', 'GET /v1/community/moderation/queue']);
  });
});
