// The report logic, not the figures: benchmarks themselves never run as tests.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ratio, ratioAtLeast } from './judge.js';
import type { Machine } from './machine.js';
import { BEGIN, END, formatMet, formatValue, type Report, writeDocs } from './report.js';
import type { BenchContext, Row } from './types.js';

const machine: Machine = {
  cpu: 'Test CPU',
  cores: 2,
  memoryGiB: 4,
  os: 'Test OS',
  node: 'v20.0.0',
  postgres: 'PostgreSQL 15',
  postgresSettings: { fsync: 'on' },
  pgbench: 'pgbench 15',
  autocannon: '9.0.0',
  commit: 'abc',
  date: '2026-11-27T04:00:00.000Z',
  loadAverage: { start: 0.1, end: 0.2 },
};

const rows: Row[] = [
  { id: 'ceiling.x', section: 'Ceilings', figure: 'x', value: 1000, unit: 'TPS' },
  {
    id: 'ledger.y',
    section: 'Ledger',
    figure: 'y | z',
    value: 500,
    unit: 'req/s',
    ratio: { value: 0.5, of: 'x' },
    target: { text: '≥ 1.0× x', met: false },
  },
  {
    id: 'growth.t',
    section: 'Growth',
    figure: 't',
    value: null,
    unit: 'ms',
    target: { text: 'p99 < 100 ms', met: null },
    note: 'not measured: credit-bank plugin not installed',
  },
];
const report: Report = { command: 'npm run bench', quick: false, machine, durationSeconds: 10, rows, failures: [] };

function ctxWith(figures: Record<string, number>): BenchContext {
  return { figure: (id: string) => figures[id] ?? null } as unknown as BenchContext;
}

describe('judging', () => {
  it('divides by the ceiling of the same run and judges the target from the ratio', () => {
    const r = ratio(ctxWith({ c: 2000 }), 500, 'c', 'c');
    expect(r?.value).toBe(0.25);
    expect(ratioAtLeast(r, 0.4, '≥ 40%').met).toBe(false);
    expect(ratioAtLeast(r, 0.2, '≥ 20%').met).toBe(true);
  });

  it('leaves a target unjudged when the ceiling was not measured', () => {
    const r = ratio(ctxWith({}), 500, 'c', 'c');
    expect(r?.value).toBeNull();
    expect(ratioAtLeast(r, 1, '≥ 1×').met).toBeNull();
  });
});

describe('formatting', () => {
  it('says "not measured" instead of a number, and marks targets', () => {
    expect(formatValue(rows[2] as Row)).toBe('not measured');
    expect(formatValue(rows[1] as Row)).toBe('500 req/s');
    expect(formatMet(rows[1] as Row, true)).toBe('**not met**');
    expect(formatMet(rows[2] as Row)).toBe('—');
  });
});

describe('writeDocs', () => {
  it('replaces only the generated block and keeps the hand-written text around it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
    const md = join(dir, 'PERFORMANCE.md');
    const json = join(dir, 'performance.json');
    writeFileSync(md, `# Performance\n\nIntro by hand.\n\n${BEGIN}\nold figures\n${END}\n\n## Analysis\n\nKept.\n`);
    writeDocs(md, json, report);
    writeDocs(md, json, report); // twice: regeneration must be stable
    const doc = readFileSync(md, 'utf8');
    expect(doc.startsWith('# Performance\n\nIntro by hand.\n\n')).toBe(true);
    expect(doc.endsWith('\n\n## Analysis\n\nKept.\n')).toBe(true);
    expect(doc).not.toContain('old figures');
    expect(doc.split(BEGIN)).toHaveLength(2);
    expect(doc).toContain('| Ledger | y \\| z | 500 req/s | 0.50× x | ≥ 1.0× x | **not met** |');
    expect(doc).toContain('not measured: credit-bank plugin not installed');
    expect(JSON.parse(readFileSync(json, 'utf8')).rows).toHaveLength(3);
  });
});
