import type { Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { describe, expect, it } from 'vitest';
import { priceFrom, splitPayment, tierFor } from './compute.js';
import { PricingConfig } from './config.js';

const config = Value.Default(PricingConfig, {}) as Static<typeof PricingConfig>;
const figures = (users: number, active: number, hasLearningRecords = true) => ({
  freeUntil: '2026-01-08T00:00:00.000Z',
  users,
  tierMinUsers: 0,
  tierPrice: '50',
  hasLearningRecords,
  activeLearners: active,
  activeWindowDays: 14,
  activityFactorBps: 5000,
});

describe('tiers', () => {
  it('pick the highest tier not above the number of users', () => {
    expect(tierFor(0, config)?.price).toBe(50);
    expect(tierFor(99, config)?.price).toBe(50);
    expect(tierFor(100, config)?.price).toBe(80);
    expect(tierFor(5000, config)?.price).toBe(120);
    expect(tierFor(3, { ...config, tiers: [{ minUsers: 10, price: 5 }] })).toBeNull();
  });
});

describe('the activity formula', () => {
  it('is the tier price without learning records, and rises with the active share, rounded half up', () => {
    expect(priceFrom(figures(3, 0, false))).toBe(50n);
    expect(priceFrom(figures(4, 0))).toBe(50n);
    expect(priceFrom(figures(4, 4))).toBe(75n); // +50% for a fully active audience
    expect(priceFrom(figures(4, 1))).toBe(56n); // 50 × 1.125 = 56.25 → 56
    expect(priceFrom(figures(3, 1))).toBe(58n); // 50 × 1.1666… = 58.33 → 58
    expect(priceFrom({ ...figures(4, 1), tierPrice: '7' })).toBe(8n); // 7 × 1.125 = 7.875 → 8
    expect(priceFrom({ ...figures(2, 1), tierPrice: '2' })).toBe(3n); // 2 × 1.25 = 2.5 → 3 (half up)
  });
});

describe('the revenue split', () => {
  it('sums exactly to the payment for awkward amounts: shares rounded down, remainder to the platform', () => {
    for (const amount of [1n, 2n, 3n, 7n, 9n, 10n, 33n, 99n, 101n, 12_345n, 9_999_999_999_999_999n]) {
      for (const withInstitution of [true, false]) {
        const share = splitPayment(amount, config, withInstitution);
        expect(share.teacher + share.institution + share.platform).toBe(amount);
        expect(share.teacher).toBe((amount * 7000n) / 10_000n);
        expect(share.platform >= 0n).toBe(true);
      }
    }
    expect(splitPayment(33n, config, true)).toEqual({ teacher: 23n, institution: 6n, platform: 4n });
    expect(splitPayment(33n, config, false)).toEqual({ teacher: 23n, institution: 0n, platform: 10n });
  });
});
