import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../core/bin/lifelong.js', import.meta.url));

/** Secrets for a scratch platform; generated per run, never used anywhere else. */
export const ADMIN_KEY = `llk_reliability-${randomBytes(12).toString('hex')}`;
const SECRETS = {
  LIFELONG_ADMIN_KEY: ADMIN_KEY,
  LIFELONG_NATIONAL_ID_HMAC_KEY: randomBytes(32).toString('base64'),
  LIFELONG_NATIONAL_ID_ENCRYPTION_KEYS: `rel:${randomBytes(32).toString('base64')}`,
};

// A folder without lifelong.config.ts: the platform runs on defaults and the environment alone.
const cwd = mkdtempSync(join(tmpdir(), 'lifelong-reliability-'));

export function platformEnv(databaseUrl: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    DATABASE_URL: databaseUrl,
    PORT: '0',
    LOG_LEVEL: 'warn',
    ...SECRETS,
    ...extra,
  };
}

export interface PlatformProcess {
  url: string;
  child: ChildProcess;
  /** stderr and stdout so far, for failure messages. */
  output(): string;
  /** Resolves with the exit code or signal once the process has exited. */
  exited: Promise<number | NodeJS.Signals | null>;
}

/** Starts `lifelong start` and resolves once it prints the URL it listens on. */
export async function startPlatform(env: NodeJS.ProcessEnv): Promise<PlatformProcess> {
  const child = spawn(process.execPath, [CLI, 'start'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the platform did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the platform exited (${how}) before it listened:\n${output}`));
    });
  });
  return { url, child, output: () => output, exited };
}

/** Runs the CLI to completion (e.g. `ledger verify`). */
export function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.once('exit', (code) => resolve({ code, output }));
  });
}

/** A JSON request to the platform with the admin key; never waits longer than `timeoutMs`. */
export async function call(
  url: string,
  path: string,
  init: { method?: string; json?: unknown; timeoutMs?: number; auth?: string | null } = {},
): Promise<{ status: number; headers: Headers; body: unknown; ms: number }> {
  const started = performance.now();
  const headers: Record<string, string> = {};
  if (init.auth !== null) headers.authorization = `Bearer ${init.auth ?? ADMIN_KEY}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}),
    signal: AbortSignal.timeout(init.timeoutMs ?? 15_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: kept as text for the assertion message.
  }
  return { status: res.status, headers: res.headers, body, ms: performance.now() - started };
}
