import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { closedConfigSchema, configFieldErrors } from './config-schema.js';

const Config = Type.Object({
  maxLength: Type.Integer({ minimum: 1, default: 100 }),
  nested: Type.Object({ rate: Type.Number({ default: 1 }) }, { default: {} }),
  bands: Type.Array(Type.Object({ min: Type.Number() }), { default: [] }),
  labels: Type.Record(Type.String(), Type.String(), { default: {} }),
  open: Type.Optional(Type.Object({}, { additionalProperties: true })),
  either: Type.Optional(Type.Union([Type.Object({ a: Type.Number() }), Type.Object({ b: Type.Number() })])),
  both: Type.Optional(Type.Intersect([Type.Object({ a: Type.Number() }), Type.Object({ b: Type.Number() })])),
});

const errors = (config: unknown) => configFieldErrors(Config, config, '/body/config');

describe('plugin config schemas', () => {
  it('accept a valid config, defaults applied', () => {
    expect(errors({})).toEqual([]);
    expect(errors({ maxLength: 5, nested: { rate: 2 }, bands: [{ min: 1 }], labels: { any: 'key' } })).toEqual([]);
  });

  it('refuse an unknown key at the top, naming it', () => {
    expect(errors({ maxLenght: 10 })).toEqual([
      { path: '/body/config/maxLenght', rule: 'additionalProperties', message: 'Unknown property' },
    ]);
  });

  it('refuse unknown keys in nested objects and in array items', () => {
    expect(errors({ nested: { rat: 2 }, bands: [{ min: 1, max: 2 }] }).map((e) => e.path)).toEqual([
      '/body/config/nested/rat',
      '/body/config/bands/0/max',
    ]);
  });

  it('refuse unknown keys in union branches and intersections, not the keys one member declares', () => {
    expect(errors({ either: { a: 1 }, both: { a: 1, b: 2 } })).toEqual([]);
    expect(errors({ either: { a: 1, c: 3 } }).map((e) => e.path)).toEqual(['/body/config/either']);
    expect(errors({ both: { a: 1, b: 2, c: 3 } }).map((e) => e.path)).toEqual(['/body/config/both/c']);
  });

  it('leave records and explicitly open objects open', () => {
    expect(errors({ labels: { anything: 'x' }, open: { anything: 1 } })).toEqual([]);
  });

  it('treat a plugin without a schema as taking no keys', () => {
    expect(configFieldErrors(undefined, {})).toEqual([]);
    expect(configFieldErrors(undefined, { x: 1 })).toEqual([
      { path: '/x', rule: 'additionalProperties', message: 'Unknown property' },
    ]);
  });

  it('let unknown keys through only when asked to (configs stored before they were refused)', () => {
    expect(configFieldErrors(Config, { maxLenght: 1 }, '', { unknownKeys: 'allow' })).toEqual([]);
    expect(configFieldErrors(Config, { maxLength: 0, x: 1 }, '', { unknownKeys: 'allow' })).toEqual([
      expect.objectContaining({ path: '/maxLength' }),
    ]);
    expect(configFieldErrors(undefined, { x: 1 }, '', { unknownKeys: 'allow' })).toEqual([]);
  });

  it("leave the plugin's own schema untouched and close it once", () => {
    expect(Config.additionalProperties).toBeUndefined();
    expect(closedConfigSchema(Config)).toBe(closedConfigSchema(Config));
  });
});
