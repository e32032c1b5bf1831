import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { type AnyPlugin, definePlugin } from './define-plugin.js';
import { dependencyOrder, preflight } from './preflight.js';

const plugin = (id: string, extra: Partial<Parameters<typeof definePlugin>[0]> = {}): AnyPlugin =>
  definePlugin({ id, version: '1.0.0', register() {}, ...extra });

const codes = (plugins: AnyPlugin[], regions = [{ id: 'default', name: 'Default' }]) =>
  preflight(plugins, { coreVersion: '0.1.0', regions }).map((i) => [i.code, i.plugin]);

describe('plugin preflight', () => {
  it('passes a sound set of plugins', () => {
    expect(codes([plugin('a'), plugin('b', { requires: { core: '^0.1.0', plugins: { a: '^1.0.0' } } })])).toEqual([]);
  });

  it('refuses an invalid id at definition time and in preflight', () => {
    expect(() => plugin('Bad_Id')).toThrow(/invalid: use lowercase words joined by hyphens/);
    const handMade = { ...plugin('ok'), id: 'Not OK' } as AnyPlugin;
    expect(codes([handMade])).toEqual([['PLUGIN_INVALID_ID', 'Not OK']]);
  });

  it('refuses a version that is not semver', () => {
    expect(codes([plugin('a', { version: 'latest' })])).toEqual([['PLUGIN_INVALID_VERSION', 'a']]);
  });

  it('refuses duplicate ids', () => {
    expect(codes([plugin('a'), plugin('a')])).toEqual([['PLUGIN_DUPLICATE_ID', 'a']]);
  });

  it('refuses a missing dependency, naming it and the fix', () => {
    const [issue] = preflight([plugin('b', { requires: { plugins: { a: '^1.0.0' } } })], {
      coreVersion: '0.1.0',
      regions: [],
    });
    expect(issue).toMatchObject({
      code: 'PLUGIN_MISSING_DEPENDENCY',
      plugin: 'b',
      fix: expect.stringContaining('"a"'),
    });
  });

  it('refuses a dependency in the wrong version', () => {
    expect(codes([plugin('a', { version: '2.0.0' }), plugin('b', { requires: { plugins: { a: '^1.0.0' } } })])).toEqual(
      [['PLUGIN_DEPENDENCY_VERSION_MISMATCH', 'b']],
    );
  });

  it('refuses a dependency cycle, naming every plugin on it', () => {
    const result = codes([
      plugin('a', { requires: { plugins: { c: '*' } } }),
      plugin('b', { requires: { plugins: { a: '*' } } }),
      plugin('c', { requires: { plugins: { b: '*' } } }),
      plugin('free'),
    ]);
    expect(result).toEqual([
      ['PLUGIN_DEPENDENCY_CYCLE', 'a'],
      ['PLUGIN_DEPENDENCY_CYCLE', 'b'],
      ['PLUGIN_DEPENDENCY_CYCLE', 'c'],
    ]);
  });

  it('refuses a plugin built for another core version', () => {
    expect(codes([plugin('a', { requires: { core: '^2.0.0' } })])).toEqual([['PLUGIN_CORE_VERSION_MISMATCH', 'a']]);
  });

  it("refuses a region's invalid config, naming the region and the field", () => {
    const configured = plugin('a', { config: Type.Object({ rate: Type.Integer({ minimum: 1, default: 5 }) }) });
    const [issue] = preflight([configured], {
      coreVersion: '0.1.0',
      regions: [{ id: 'cn-bj', name: 'Beijing', plugins: { a: { config: { rate: 0 } } } }],
    });
    expect(issue).toMatchObject({
      code: 'PLUGIN_INVALID_CONFIG',
      plugin: 'a',
      message: expect.stringMatching(/"cn-bj".*\/rate/),
    });
    expect(codes([configured], [{ id: 'cn-bj', name: 'B', plugins: { a: { config: {} } } } as never])).toEqual([]);
  });

  it("refuses an unknown key in a region's config, naming it", () => {
    const configured = plugin('a', { config: Type.Object({ maxLength: Type.Integer({ default: 5 }) }) });
    const [issue] = preflight([configured], {
      coreVersion: '0.1.0',
      regions: [{ id: 'cn-bj', name: 'Beijing', plugins: { a: { config: { maxLenght: 10 } } } }],
    });
    expect(issue).toMatchObject({
      code: 'PLUGIN_INVALID_CONFIG',
      plugin: 'a',
      message: 'Config for region "cn-bj" is invalid at /maxLenght: Unknown property.',
    });
  });

  it('refuses a region that enables a plugin but disables one it requires', () => {
    const bank = plugin('bank');
    const courses = plugin('courses', { requires: { plugins: { bank: '^1.0.0' } } });
    const seeds = (plugins: Record<string, { enabled: boolean }>) => [{ id: 'cn-bj', name: 'B', plugins }];
    const [issue] = preflight([bank, courses], { coreVersion: '0.1.0', regions: seeds({ bank: { enabled: false } }) });
    expect(issue).toMatchObject({
      code: 'PLUGIN_REQUIREMENT_DISABLED',
      plugin: 'courses',
      message: 'Region "cn-bj" enables it but disables "bank", which it requires.',
      fix: expect.stringContaining('regions["cn-bj"].plugins["bank"]'),
    });
    expect(codes([bank, courses], seeds({ bank: { enabled: false }, courses: { enabled: false } }))).toEqual([]);
    expect(codes([bank, courses], seeds({ courses: { enabled: false } }))).toEqual([]);
  });

  it('refuses config for a plugin that is not installed', () => {
    expect(codes([], [{ id: 'default', name: 'D', plugins: { ghost: {} } } as never])).toEqual([
      ['PLUGIN_UNKNOWN', 'ghost'],
    ]);
  });

  it('reports every problem at once', () => {
    expect(
      codes([plugin('a', { version: 'x' }), plugin('a'), plugin('b', { requires: { plugins: { z: '*' } } })]),
    ).toHaveLength(3);
  });
});

describe('dependency order', () => {
  it('puts dependencies first and otherwise keeps the given order', () => {
    const order = dependencyOrder([
      plugin('teacher', { requires: { plugins: { bank: '*' } } }),
      plugin('community'),
      plugin('bank'),
    ]).order.map((p) => p.id);
    expect(order).toEqual(['community', 'bank', 'teacher']);
  });
});
