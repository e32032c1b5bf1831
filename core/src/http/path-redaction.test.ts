import { describe, expect, it } from 'vitest';
import { pathRedactor } from './path-redaction.js';
import type { AnyRoute, RouteGroup } from './route.js';

const route = (path: string, secretParams?: string[]) =>
  ({
    method: 'get',
    path,
    summary: path,
    access: { public: true },
    responses: {},
    secretParams,
  }) as unknown as AnyRoute;

const groups: RouteGroup[] = [
  {
    prefix: '/v1/shop',
    tag: 'Shop',
    routes: [route('/links/{token}', ['token']), route('/orders/{orderId}/receipts/{code}', ['code'])],
  },
];
const redact = pathRedactor(groups);

describe('path redaction for the request log', () => {
  it('replaces the declared secret segments only', () => {
    expect(redact('/v1/shop/links/abc123')).toBe('/v1/shop/links/[redacted]');
    expect(redact('/v1/shop/orders/42/receipts/s3cr3t')).toBe('/v1/shop/orders/42/receipts/[redacted]');
  });

  it('also hides the secret when the request misses the route by extra segments', () => {
    expect(redact('/v1/shop/links/abc123/extra')).toBe('/v1/shop/links/[redacted]/extra');
  });

  it('leaves other paths alone', () => {
    expect(redact('/v1/shop/links')).toBe('/v1/shop/links');
    expect(redact('/v1/other/links/abc123')).toBe('/v1/other/links/abc123');
    expect(pathRedactor([{ prefix: '/v1/x', tag: 'X', routes: [route('/{id}')] }])('/v1/x/1')).toBe('/v1/x/1');
  });
});
