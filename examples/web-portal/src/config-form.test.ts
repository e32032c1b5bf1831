import { describe, expect, it } from 'vitest';
import { ConfigFieldError, configFromLeaves, configLeaves } from './config-form.js';

describe("a plugin's config form", () => {
  const config = { holdHours: 48, exchange: { vouchers: true, note: 'hi', kinds: ['a', 'b'], cap: null } };

  it('has a field of the right kind for every setting, objects opened up', () => {
    expect(configLeaves(config)).toEqual([
      { path: ['holdHours'], kind: 'number', value: 48 },
      { path: ['exchange', 'vouchers'], kind: 'boolean', value: true },
      { path: ['exchange', 'note'], kind: 'string', value: 'hi' },
      { path: ['exchange', 'kinds'], kind: 'json', value: '["a","b"]' },
      { path: ['exchange', 'cap'], kind: 'json', value: 'null' },
    ]);
  });

  it('gives back the same config when nothing changed, and the edits when something did', () => {
    expect(configFromLeaves(configLeaves(config))).toEqual(config);
    const leaves = configLeaves(config);
    (leaves[0] as { value: unknown }).value = '72';
    expect(configFromLeaves(leaves)).toMatchObject({ holdHours: 72 });
  });

  it('names the field whose text is not a number or not JSON', () => {
    const leaves = configLeaves(config);
    (leaves[3] as { value: unknown }).value = '[oops';
    expect(() => configFromLeaves(leaves)).toThrow(ConfigFieldError);
    try {
      configFromLeaves(leaves);
    } catch (error) {
      expect((error as ConfigFieldError).path).toEqual(['exchange', 'kinds']);
    }
  });
});
