import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindContracts } from '@lifelong/core/contract';
import { describe, expect, it } from 'vitest';
import client from './client.js';
import * as contracts from './contracts.js';

const src = dirname(fileURLToPath(import.meta.url));

/** Every module specifier the file loads at run time (`import type` / `export type` load nothing). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'/gms)]
    .filter((m) => !m[1])
    .map((m) => m[2] as string);
}

/** The packages the module graph from `entry` loads, each with the files that import it. */
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

describe('the ./client entry', () => {
  it('loads contracts and schemas only, no server code', () => {
    const serverFree = [
      '@sinclair/typebox',
      '@lifelong/core/contract',
      '@lifelong/core/schemas',
      '@lifelong/plugin-credit-bank/schemas',
    ];
    const others = [...packagesLoadedBy('client.ts')].filter(([name]) => !serverFree.includes(name));
    expect(others).toEqual([]);
  });

  it('names every operation once, none nested under another', () => {
    const ids = Object.values(contracts).map((c) => c.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const prefixes = ids.filter((id) => ids.some((other) => other.startsWith(`${id}.`)));
    expect(prefixes).toEqual([]);
    expect(() => bindContracts(client.contracts, async () => undefined)).not.toThrow();
  });

  it('calls each operation at its method and path under /v1/teacher-development', async () => {
    const calls: string[] = [];
    const bound = bindContracts(
      client.contracts,
      async (call) => {
        calls.push(`${call.contract.method.toUpperCase()} ${call.path}`);
        return { items: [], nextCursor: null };
      },
      `/v1/${client.id}`,
    );
    await bound.enrolments.lessons.events.record({
      enrolmentId: 'e1',
      lessonId: 'l1',
      body: { type: 'completed', secondsSpent: 60 },
    });
    await bound.courses.list({ teacherId: 't1' });
    expect(calls).toEqual([
      'POST /v1/teacher-development/enrolments/e1/lessons/l1/events',
      'GET /v1/teacher-development/courses',
    ]);
  });
});
