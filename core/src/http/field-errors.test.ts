import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../index.js';

describe('fieldErrors (public)', () => {
  const Row = Type.Object({ id: Type.String({ format: 'uuid' }), hours: Type.Number({ exclusiveMinimum: 0 }) });

  it('names each failing field under the prefix, with its rule', () => {
    const errors = fieldErrors(Row, { id: 'nope', hours: -1 }, '/rows/3');
    expect(errors).toEqual([
      expect.objectContaining({ path: '/rows/3/id', rule: 'stringFormat' }),
      expect.objectContaining({ path: '/rows/3/hours', rule: 'numberExclusiveMinimum' }),
    ]);
  });

  it('is empty for a valid value', () => {
    expect(fieldErrors(Row, { id: '0190a8d4-6a1e-7c3b-9f00-000000000001', hours: 2 }, '')).toEqual([]);
  });
});
