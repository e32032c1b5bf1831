import type { Context } from 'hono';
import { RateLimited } from '../errors/core-errors.js';
import type { Principal } from '../identity/principal.js';
import type { AppEnv } from './app-env.js';
import { clientAddress } from './request-context.js';
import type { AnyRoute } from './route.js';

export interface BucketLimit {
  /** Tokens added per minute; 0 disables the limit. */
  perMinute: number;
  /** Bucket size: how many requests may come at once. */
  burst: number;
}

/**
 * Token buckets by key, in this process's memory: each instance limits on its own, so N instances
 * behind a load balancer allow up to N times the rate. Good enough to stop one runaway client
 * from starving the others; a shared limit belongs in the load balancer.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly perMs: number;

  constructor(
    private readonly limit: BucketLimit,
    private readonly now: () => number = Date.now,
  ) {
    this.perMs = limit.perMinute / 60_000;
  }

  /** Takes a token for `key`: 0 when allowed, else the whole seconds until a token is due. */
  take(key: string): number {
    if (this.limit.perMinute === 0) return 0;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    bucket.at = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      if (this.buckets.size > 10_000) this.prune(now);
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  /** Forgets full buckets: a key seen again starts full anyway, so memory stays bounded by active keys. */
  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.at) * this.perMs >= this.limit.burst) this.buckets.delete(key);
    }
  }
}

export interface RateLimitOptions {
  writes: BucketLimit;
  signIns: BucketLimit;
  trustProxy: boolean;
  now?: () => number;
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);

/** The platform admin's own key is not limited: it is the operator's, used for imports and repairs. */
function isPlatformAdmin(principal: Principal): boolean {
  return principal.kind === 'apiKey' && principal.roles.some((r) => r.role === 'platform-admin');
}

/**
 * The per-route rate-limit check: sign-in routes count per client address, other writes per
 * principal (person or API key; anonymous callers per address). Reads are not limited.
 */
export function rateLimiter({ writes, signIns, trustProxy, now }: RateLimitOptions) {
  const writeBuckets = new TokenBuckets(writes, now);
  const signInBuckets = new TokenBuckets(signIns, now);
  return function checkRateLimit(route: AnyRoute, c: Context<AppEnv>): void {
    let wait = 0;
    if (route.rateLimit === 'signIn') {
      wait = signInBuckets.take(clientAddress(c, trustProxy));
    } else if (WRITE_METHODS.has(route.method)) {
      const principal = c.get('principal');
      if (isPlatformAdmin(principal)) return;
      const key = principal.kind === 'anonymous' ? `address:${clientAddress(c, trustProxy)}` : principal.id;
      wait = writeBuckets.take(key);
    }
    if (wait > 0) {
      throw RateLimited({
        detail: `Too many ${route.rateLimit === 'signIn' ? 'sign-in attempts' : 'writes'}; retry in ${wait} s.`,
        headers: { 'Retry-After': String(wait) },
      });
    }
  };
}
