import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagesLoadedBy as loadedBy } from '@lifelong/core/testing';
import { describe, expect, it } from 'vitest';
import creditBankClient, { LEVELS, creditBankClient as named, STAGES } from './client.js';
import * as contracts from './contracts.js';

const src = dirname(fileURLToPath(import.meta.url));

const packagesLoadedBy = (entry: string) => loadedBy(resolve(src, entry));

describe('@lifelong/plugin-credit-bank/client', () => {
  it('loads no server code: only TypeBox and the server-free core entries', () => {
    const packages = packagesLoadedBy('client.ts');
    expect([...packages.keys()].sort()).toEqual([
      '@lifelong/core/contract',
      '@lifelong/core/schemas',
      '@sinclair/typebox',
    ]);
  });

  it('serves every contract, and only contracts, under the plugin id', () => {
    expect(named).toBe(creditBankClient);
    expect(creditBankClient.id).toBe('credit-bank');
    const all = Object.values(creditBankClient.contracts);
    expect(all).toHaveLength(48);
    expect(all.every((c) => typeof c.operationId === 'string' && typeof c.method === 'string')).toBe(true);
    expect(Object.keys(creditBankClient.contracts).sort()).toEqual(Object.keys(contracts).sort());
    for (const [name, contract] of Object.entries(contracts)) {
      expect(creditBankClient.contracts[name as keyof typeof contracts]).toBe(contract);
    }
  });

  it('offers the stages and levels its contracts take, for forms', () => {
    const body = creditBankClient.contracts.submitCertificate.request?.body;
    if (!body) throw new Error('the certificate contract has a body');
    const consts = (schema: { anyOf: { const: string }[] }) => schema.anyOf.map((branch) => branch.const);
    expect(consts(body.properties.stage)).toEqual([...STAGES]);
    expect(consts(body.properties.level)).toEqual([...LEVELS]);
  });

  it('gives no operation an id that another one nests under', () => {
    const ids = Object.values(contracts).map((c) => c.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => ids.some((other) => other.startsWith(`${id}.`)))).toEqual([]);
  });
});
