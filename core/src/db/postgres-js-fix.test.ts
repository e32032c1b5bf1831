import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  applyPostgresJsFix,
  assertPostgresJsFixed,
  hasPostgresJsFix,
  PostgresJsUnfixedError,
} from './postgres-js-fix.js';

// The copy npm installed, untouched: nothing patches node_modules any more.
const INSTALLED = fileURLToPath(new URL('../../../node_modules/postgres/src/connection.js', import.meta.url));
const ENTRY = fileURLToPath(new URL('../cli/entry.ts', import.meta.url));
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

describe("Lifelong's postgres.js fix", () => {
  it('applies to the installed postgres.js, once, and marks the fixed source', async () => {
    const source = await readFile(INSTALLED, 'utf8');
    expect(hasPostgresJsFix(source)).toBe(false);
    const fixed = applyPostgresJsFix(source);
    expect(hasPostgresJsFix(fixed)).toBe(true);
    expect(fixed).toContain('if (socket === null) {\n      // Closed since the write was queued');
    expect(fixed.match(/chunk = nextWriteTimer = null/g)).toHaveLength(4);
    expect(applyPostgresJsFix(fixed)).toBe(fixed);
  });

  it('refuses to patch a connection.js whose code has changed', async () => {
    const changed = (await readFile(INSTALLED, 'utf8')).replace(
      'function nextWrite(fn) {',
      'function nextWrite(fn, x) {',
    );
    expect(() => applyPostgresJsFix(changed, 'connection.js')).toThrow(
      /connection\.js has changed since Lifelong's postgres\.js fix was written/,
    );
  });

  it('refuses a postgres.js that loaded without the fix, naming the bug', () => {
    expect(() => assertPostgresJsFixed(undefined)).toThrow(PostgresJsUnfixedError);
    expect(() => assertPostgresJsFixed(undefined)).toThrow(/porsager\/postgres#1154 and #1208/);
  });

  it('is what the tests load (vitest.config.ts fixes postgres.js as the build does)', async () => {
    await import('postgres');
    expect(() => assertPostgresJsFixed()).not.toThrow();
  });

  it('makes the CLI run from sources refuse PostgreSQL, before connecting, with the unfixed installed copy', async () => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, ENTRY, 'migrate'], {
      cwd: tmpdir(),
      // Port 1: were it to connect, the error would be ECONNREFUSED.
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: 'postgres://lifelong@127.0.0.1:1/none' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(stderr).toContain("The postgres.js that was loaded lacks Lifelong's fix");
    expect(stderr).not.toContain('ECONNREFUSED');
    expect(code).toBe(1);
  });
});
