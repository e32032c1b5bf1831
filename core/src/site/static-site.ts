import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import type { Context, Hono } from 'hono';
import { NotFound } from '../errors/core-errors.js';
import type { AppEnv } from '../http/app-env.js';
import { problemResponse } from '../http/problem.js';
import { CONTENT_TYPES, SITE_CONTENT_SECURITY_POLICY } from './content-types.js';

export interface SiteOptions {
  /** The folder of a built single-page application (an `index.html` and its assets). */
  dir: string;
  /**
   * Paths the site never answers, so an API path that matches no route stays a problem+json 404
   * (or 405) instead of the SPA's HTML. Each entry matches itself and everything below it.
   */
  reserved?: readonly string[];
  /** Where the bundler writes content-hashed files: cached for a year (default `/assets/`). */
  immutablePrefix?: string;
}

/** What the platform itself answers; the site may not shadow any of it. */
export const RESERVED_PATHS = ['/v1', '/docs', '/health', '/openapi.json'] as const;

const IMMUTABLE = 'public, max-age=31536000, immutable';
// index.html names the current hashed assets: a browser must revalidate it on every load.
const REVALIDATE = 'no-cache';

/**
 * Serves a built single-page application at `/`: its files (content-hashed assets cached for a
 * year, everything else revalidated), and `index.html` for any other GET of a path without a file
 * extension (the SPA's client-side routes). Reserved paths (`/v1`, `/docs`, ...) are never
 * answered here, and a site that is not built answers a page saying how to build it, not a crash.
 *
 * @example
 * mountSite(app, { dir: '/srv/portal/dist' });
 */
export function mountSite(
  app: Hono<AppEnv>,
  { dir, reserved = RESERVED_PATHS, immutablePrefix = '/assets/' }: SiteOptions,
): void {
  const root = resolve(dir);
  const isReserved = (path: string) => reserved.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

  app.get('*', async function serveSite(c) {
    const path = c.req.path;
    if (isReserved(path)) return c.notFound();
    const file = await findFile(root, path);
    if (file) return sendFile(c, file, path.startsWith(immutablePrefix) ? IMMUTABLE : REVALIDATE);
    // A missing file with an extension is a missing asset: HTML in its place would only confuse.
    if (extname(path) !== '') return c.notFound();
    const index = await findFile(root, '/index.html');
    if (index) return sendFile(c, index, REVALIDATE);
    return notBuilt(c, root);
  });
}

interface FoundFile {
  path: string;
  size: number;
  mtimeMs: number;
}

/** The regular file a URL path names inside `root`, or undefined (never anything outside it). */
async function findFile(root: string, urlPath: string): Promise<FoundFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return undefined;
  const candidate = resolve(root, `.${decoded.endsWith('/') ? `${decoded}index.html` : decoded}`);
  if (candidate !== root && !candidate.startsWith(`${root}${sep}`)) return undefined;
  try {
    const info = await stat(candidate);
    return info.isFile() ? { path: candidate, size: info.size, mtimeMs: info.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

async function sendFile(c: Context<AppEnv>, file: FoundFile, cacheControl: string): Promise<Response> {
  const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
  const type = CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'Cache-Control': cacheControl, ETag: etag, 'Content-Type': type };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = SITE_CONTENT_SECURITY_POLICY;
  if (c.req.header('If-None-Match') === etag) return c.body(null, 304, headers);
  return c.body(new Uint8Array(await readFile(file.path)), 200, headers);
}

/** The site folder has no index.html yet: say so, in HTML for a browser and as a problem otherwise. */
function notBuilt(c: Context<AppEnv>, root: string): Response {
  const detail = `The web site is not built (no index.html in ${root}): run "npm run build", then reload.`;
  if (!(c.req.header('Accept') ?? '').includes('text/html')) return problemResponse(c, NotFound({ detail }));
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Lifelong</title></head>
<body><main><h1>Lifelong is running</h1><p>The web portal is not built yet: run <code>npm run build</code>, then reload this page.</p>
<p>The API is at <a href="/v1/plugins">/v1</a>; its reference is at <a href="/docs">/docs</a>.</p></main></body></html>
`;
  return c.html(html, 404, { 'Cache-Control': REVALIDATE, 'Content-Security-Policy': SITE_CONTENT_SECURITY_POLICY });
}
