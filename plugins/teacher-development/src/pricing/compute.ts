import type { Static } from '@sinclair/typebox';
import type { PricingConfig } from './config.js';
import type { PriceFigures } from './schema.js';

type Pricing = Static<typeof PricingConfig>;
const DAY_MS = 86_400_000;

/** The end of a course's free week: `freeDays` whole days after its first publication. */
export const freeUntil = (publishedAt: Date, config: Pricing) =>
  new Date(publishedAt.getTime() + config.freeDays * DAY_MS);

/** The tier for a number of users: the one with the highest `minUsers` not above it (null: none applies). */
export function tierFor(users: number, config: Pricing) {
  return [...config.tiers].sort((a, b) => b.minUsers - a.minUsers).find((tier) => tier.minUsers <= users) ?? null;
}

/**
 * The price from the figures, in integers only:
 * `tierPrice × (10000·users + factorBps·active) / (10000·users)`, rounded half up. Without
 * learning records (or users) it is the tier price.
 */
export function priceFrom(figures: PriceFigures): bigint {
  const tierPrice = BigInt(figures.tierPrice);
  if (!figures.hasLearningRecords || figures.users === 0) return tierPrice;
  const den = 10_000n * BigInt(figures.users);
  const num = tierPrice * (den + BigInt(figures.activityFactorBps) * BigInt(figures.activeLearners));
  return (2n * num + den) / (2n * den);
}

export interface Share {
  teacher: bigint;
  institution: bigint;
  platform: bigint;
}

/**
 * Splits a payment: the teacher's and the institution's shares are rounded down from their basis
 * points, the platform gets the remainder, so the three always sum to the payment exactly. A course
 * without an institution passes the institution's share to the platform.
 */
export function splitPayment(amount: bigint, config: Pricing, hasInstitution: boolean): Share {
  const teacher = (amount * BigInt(config.revenueShare.teacherBps)) / 10_000n;
  const institution = hasInstitution ? (amount * BigInt(config.revenueShare.institutionBps)) / 10_000n : 0n;
  return { teacher, institution, platform: amount - teacher - institution };
}
