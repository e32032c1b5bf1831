import { describe, expect, it } from 'vitest';
import { type AnyPlugin, definePlugin } from './define-plugin.js';
import { dependentsOf, requirementsOf } from './requirements.js';

const plugin = (id: string, requires: string[] = []): AnyPlugin =>
  definePlugin({
    id,
    version: '1.0.0',
    requires: { plugins: Object.fromEntries(requires.map((r) => [r, '^1.0.0'])) },
    register() {},
  });

// courses → bank → ledgerish; reports → bank; loner alone; ghost requires an uninstalled plugin.
const plugins = [
  plugin('ledgerish'),
  plugin('bank', ['ledgerish']),
  plugin('courses', ['bank']),
  plugin('reports', ['bank']),
  plugin('loner'),
  plugin('ghost', ['not-installed']),
];

describe('plugin requirements', () => {
  it('lists what a plugin requires, transitively', () => {
    expect(requirementsOf(plugins, 'courses')).toEqual(['bank', 'ledgerish']);
    expect(requirementsOf(plugins, 'loner')).toEqual([]);
  });

  it('lists what requires a plugin, transitively', () => {
    expect(dependentsOf(plugins, 'ledgerish')).toEqual(['bank', 'courses', 'reports']);
    expect(dependentsOf(plugins, 'courses')).toEqual([]);
  });

  it('ignores requirements that are not installed (preflight refuses those)', () => {
    expect(requirementsOf(plugins, 'ghost')).toEqual([]);
  });
});
