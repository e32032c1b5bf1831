// pgbench, installed with PostgreSQL: the database ceiling every ledger figure is compared to.
import { execFile } from 'node:child_process';
import { basename } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const PGBENCH = process.env.PGBENCH ?? 'pgbench';

function connectionArgs(url: string): { args: string[]; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const args = ['-h', u.hostname, '-p', u.port || '5432'];
  if (u.username) args.push('-U', decodeURIComponent(u.username));
  const env = { ...process.env, ...(u.password ? { PGPASSWORD: decodeURIComponent(u.password) } : {}) };
  return { args, env };
}

export async function pgbenchVersion(): Promise<string> {
  return (await run(PGBENCH, ['--version'], { encoding: 'utf8' })).stdout.trim();
}

export async function pgbenchInit(url: string, scale: number): Promise<string> {
  const { args, env } = connectionArgs(url);
  const db = new URL(url).pathname.slice(1);
  await run(PGBENCH, [...args, '-i', '-q', '-s', String(scale), db], { env, encoding: 'utf8' });
  return `pgbench -i -q -s ${scale} ${db}`;
}

export interface PgbenchResult {
  tps: number;
  latencyMs: number;
  command: string;
}

async function pgbench(url: string, own: string[]): Promise<PgbenchResult> {
  const { args, env } = connectionArgs(url);
  const db = new URL(url).pathname.slice(1);
  const { stdout } = await run(PGBENCH, [...args, ...own, db], { env, encoding: 'utf8' });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
  const latencyMs = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]);
  if (!Number.isFinite(tps) || !Number.isFinite(latencyMs)) throw new Error(`unexpected pgbench output:\n${stdout}`);
  return { tps, latencyMs, command: `pgbench ${own.join(' ')}` };
}

/** pgbench's built-in tpcb-like; -j: one pgbench thread per core of the machines this suite targets. */
export function pgbenchRun(url: string, clients: number, seconds: number): Promise<PgbenchResult> {
  return pgbench(url, ['-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds)]);
}

/** A custom script file (-f), without pgbench's own tables (-n: no vacuum of them first). */
export async function pgbenchScript(
  url: string,
  file: string,
  clients: number,
  seconds: number,
): Promise<PgbenchResult> {
  const own = ['-n', '-f', file, '-c', String(clients), '-j', String(Math.min(clients, 2)), '-T', String(seconds)];
  const result = await pgbench(url, own);
  return { ...result, command: result.command.replace(file, basename(file)) };
}
