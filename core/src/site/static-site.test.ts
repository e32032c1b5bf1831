import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../testing/index.js';

let site: string;
let t: TestPlatform;
let unbuilt: TestPlatform;
const INDEX =
  '<!doctype html><html lang="en"><head><script type="module" src="/assets/app-Ab12Cd34.js"></script></head></html>';

beforeAll(async () => {
  site = await mkdtemp(join(tmpdir(), 'lifelong-site-'));
  await mkdir(join(site, 'assets'));
  await writeFile(join(site, 'index.html'), INDEX);
  await writeFile(join(site, 'assets', 'app-Ab12Cd34.js'), 'console.log("portal")');
  await writeFile(join(site, 'robots.txt'), 'User-agent: *');
  await writeFile(join(tmpdir(), 'lifelong-site-secret.txt'), 'outside');
  t = await createTestPlatform({ settings: { siteDir: site } });
  // PGlite takes seconds and hundreds of MB to start: the other platforms share this one's database.
  unbuilt = await createTestPlatform({ database: t.platform.database, settings: { siteDir: join(site, 'missing') } });
});
afterAll(async () => {
  await unbuilt?.close();
  await t?.close();
  await rm(site, { recursive: true, force: true });
});

describe('the static site', () => {
  it('serves index.html at / with no-cache and a policy that allows no inline script', async () => {
    const res = await t.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(await res.text()).toBe(INDEX);
  });

  it('caches hashed assets for a year and revalidates other files', async () => {
    const asset = await t.request('/assets/app-Ab12Cd34.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    const robots = await t.request('/robots.txt');
    expect(robots.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const first = await t.request('/');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    const again = await t.request('/', { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
  });

  it("answers the SPA's client-side routes with index.html", async () => {
    for (const path of ['/transcript', '/wallet/history', '/zh-CN/sign-in']) {
      const res = await t.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe(INDEX);
    }
  });

  it('answers a missing asset with a 404 problem, not the HTML', async () => {
    const res = await t.request('/assets/gone-12345678.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('never shadows the API, the docs, health or the OpenAPI document', async () => {
    for (const path of ['/v1', '/v1/no-such-thing', '/docs/nothing', '/health', '/health/nothing']) {
      const res = await t.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toBe('application/problem+json');
    }
    expect((await t.request('/health/live')).status).toBe(200);
    expect((await t.request('/openapi.json')).headers.get('content-type')).toContain('application/json');
    expect((await t.request('/docs')).headers.get('content-security-policy')).toContain("'unsafe-inline'");
    expect((await t.request('/v1/plugins')).status).toBe(200);
  });

  it('never serves a file outside its folder', async () => {
    for (const path of [
      '/../lifelong-site-secret.txt',
      '/%2e%2e/lifelong-site-secret.txt',
      '/assets/..%2f..%2flifelong-site-secret.txt',
    ]) {
      const res = await t.request(path);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('outside');
    }
  });

  it('answers writes to site paths as the API would (404 problem)', async () => {
    const res = await t.request('/transcript', { method: 'POST', json: {} });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('says how to build the site when it is not built (HTML for a browser, a problem otherwise)', async () => {
    const page = await unbuilt.request('/', { headers: { Accept: 'text/html,*/*' } });
    expect(page.status).toBe(404);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('npm run build');
    const api = await unbuilt.request('/');
    expect(api.status).toBe(404);
    expect((await api.json()).detail).toContain('npm run build');
  });
});

describe('without a site', () => {
  it('answers / with a 404 problem', async () => {
    const plain = await createTestPlatform({ database: t.platform.database });
    try {
      const res = await plain.request('/');
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
    } finally {
      await plain.close();
    }
  });
});
