import { describe, expect, it } from 'vitest';
import { LifelongError } from '../errors/lifelong-error.js';
import { ledgerAccounts } from '../ledger/schema.js';
import { afterIdCursor } from './id-cursor.js';
import { encodeCursor, isCursorTimestamp } from './pagination.js';

describe('cursor checks', () => {
  it('afterIdCursor refuses a well-formed cursor whose id is not a UUID with a 400 naming /query/cursor', () => {
    expect(afterIdCursor(ledgerAccounts.id, undefined)).toBeUndefined();
    expect(
      afterIdCursor(ledgerAccounts.id, encodeCursor({ id: '0190a5c4-6d2e-7c1a-9c1e-1f2a3b4c5d6e' })),
    ).toBeDefined();
    for (const id of ['not-a-uuid', { $gt: '' }, '-'.repeat(36)]) {
      try {
        afterIdCursor(ledgerAccounts.id, encodeCursor({ id }));
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(LifelongError);
        expect((error as LifelongError).status).toBe(400);
        expect((error as LifelongError).errors).toEqual([
          expect.objectContaining({ path: '/query/cursor', rule: 'cursor' }),
        ]);
      }
    }
  });

  it('isCursorTimestamp accepts dates PostgreSQL can store, not far-off or malformed ones', () => {
    expect(isCursorTimestamp('2026-11-27T06:00:00.000Z')).toBe(true);
    expect(isCursorTimestamp('1850-03-01T00:00:00.000Z')).toBe(true);
    expect(isCursorTimestamp('0001-01-01T00:00:00.000Z')).toBe(true);
    expect(isCursorTimestamp('+275760-09-13T00:00:00.000Z')).toBe(false);
    expect(isCursorTimestamp('-271821-04-20T00:00:00.000Z')).toBe(false);
    expect(isCursorTimestamp('yesterday')).toBe(false);
    expect(isCursorTimestamp(1_700_000_000_000)).toBe(false);
  });
});
