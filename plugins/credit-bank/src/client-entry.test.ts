import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import creditBankClient, { creditBankClient as named } from './client.js';
import * as contracts from './contracts.js';

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

/** The packages the entry loads, with the plugin files that load each. */
function packagesLoadedBy(entry: string): Map<string, string[]> {
  const seen = new Set<string>();
  const packages = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else packages.set(specifier, [...(packages.get(specifier) ?? []), relative(src, file)]);
    }
  };
  visit(resolve(src, entry));
  return packages;
}

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
    expect(all).toHaveLength(42);
    expect(all.every((c) => typeof c.operationId === 'string' && typeof c.method === 'string')).toBe(true);
    expect(Object.keys(creditBankClient.contracts).sort()).toEqual(Object.keys(contracts).sort());
    for (const [name, contract] of Object.entries(contracts)) {
      expect(creditBankClient.contracts[name as keyof typeof contracts]).toBe(contract);
    }
  });

  it('gives no operation an id that another one nests under', () => {
    const ids = Object.values(contracts).map((c) => c.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => ids.some((other) => other.startsWith(`${id}.`)))).toEqual([]);
  });
});
