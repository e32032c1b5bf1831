import { describe, expect, it } from 'vitest';
import { FREE_FAILURES, lockSeconds, MAX_LOCK_SECONDS, throttleKeys } from './throttle.js';

describe('sign-in back-off', () => {
  it('doubles the wait with each failure past the free ones, up to 15 minutes', () => {
    const free = FREE_FAILURES.account;
    expect(lockSeconds(free - 1, free)).toBe(0);
    expect([free, free + 1, free + 2, free + 3].map((n) => lockSeconds(n, free))).toEqual([1, 2, 4, 8]);
    expect(lockSeconds(free + 40, free)).toBe(MAX_LOCK_SECONDS);
  });

  it('counts against the account always and the address only when it is known', () => {
    expect(throttleKeys('123', 'unknown').map((k) => k.key)).toEqual(['account:123']);
    expect(throttleKeys('123', '203.0.113.9')).toEqual([
      { key: 'account:123', freeFailures: FREE_FAILURES.account },
      { key: 'address:203.0.113.9', freeFailures: FREE_FAILURES.address },
    ]);
  });
});
