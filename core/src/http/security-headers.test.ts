import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';
import { DEFAULT_CONTENT_SECURITY_POLICY, pageSecurityPolicy } from './security-headers.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

/** The policy's directives by name, e.g. `{ 'script-src': ["'self'"] }`. */
function directives(policy: string | null): Record<string, string[]> {
  return Object.fromEntries(
    (policy ?? '')
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name as string, values]),
  );
}

function expectCommonHeaders(res: Response) {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(directives(res.headers.get('content-security-policy'))['frame-ancestors']).toEqual(["'none'"]);
}

describe('security headers', () => {
  it('serves /docs under a policy that allows its own scripts and no inline script', async () => {
    const res = await t.request('/docs');
    expect(res.status).toBe(200);
    expectCommonHeaders(res);
    const policy = directives(res.headers.get('content-security-policy'));
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    const html = await res.text();
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      // Every script is a same-origin file the page can load under script-src 'self'.
      expect(attributes).toMatch(/ src="\/docs\/assets\/[a-z.-]+\.js"/);
      expect(body).toBe('');
      const src = /src="([^"]+)"/.exec(attributes as string)?.[1] as string;
      const asset = await t.request(src);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toContain('javascript');
    }
    for (const [, href] of html.matchAll(/<link[^>]* href="([^"]+)"/g)) {
      expect((await t.request(href as string)).status).toBe(200);
    }
  });

  it('sends nosniff, no framing and the default policy with JSON and problem responses', async () => {
    for (const res of [await t.request('/health/live'), await t.request('/v1/nowhere')]) {
      expectCommonHeaders(res);
      expect(res.headers.get('content-security-policy')).toBe(DEFAULT_CONTENT_SECURITY_POLICY);
    }
  });

  it('allows inline styles of a page by their hash, never with unsafe-inline', () => {
    const policy = directives(pageSecurityPolicy({ inlineStyles: ['body{color:red}'] }));
    expect(policy['style-src']).toEqual(["'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='"]);
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['script-src']).toBeUndefined();
  });
});
