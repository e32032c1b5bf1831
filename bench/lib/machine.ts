// What the figures were measured on: they mean little without it.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import postgres from 'postgres';
import { pgbenchVersion } from './pgbench.js';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
  postgresSettings: Record<string, string>;
  pgbench: string;
  autocannon: string;
  commit: string;
  date: string;
  /** 1-minute load average when the run started (and ended): a busy machine gives noisy figures. */
  loadAverage: { start: number; end?: number };
}

function osName(): string {
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    return `${pretty ?? process.platform}, kernel ${release()}`;
  } catch {
    return `${process.platform} ${release()}`;
  }
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

function autocannonVersion(): string {
  const path = new URL(import.meta.resolve('autocannon/package.json'));
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}

export async function describeMachine(adminUrl: string): Promise<Machine> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  let version: string;
  const settings: Record<string, string> = {};
  try {
    const [row] = await sql`select version() as v`;
    version = (row as { v: string }).v;
    for (const name of ['shared_buffers', 'max_connections', 'fsync', 'synchronous_commit', 'wal_level']) {
      const [s] = await sql`select current_setting(${name}) as v`;
      settings[name] = (s as { v: string }).v;
    }
  } finally {
    await sql.end();
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: osName(),
    node: process.version,
    postgres: version,
    postgresSettings: settings,
    pgbench: await pgbenchVersion(),
    autocannon: autocannonVersion(),
    commit: gitCommit(),
    date: new Date().toISOString(),
    loadAverage: { start: Math.round((loadavg()[0] ?? 0) * 100) / 100 },
  };
}
