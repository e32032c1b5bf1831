import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';

/**
 * The policy of every response that does not bring its own: nothing may load from it, and no
 * page may frame it. JSON needs nothing more, and an HTML page that forgets to declare what it
 * loads renders unstyled rather than running something it did not mean to.
 */
export const DEFAULT_CONTENT_SECURITY_POLICY =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

type SourceDirective = 'script-src' | 'style-src' | 'img-src' | 'connect-src' | 'font-src';

export interface PagePolicyOptions {
  /** Contents of the page's inline `<style>` elements, allowed by their SHA-256 (no `'unsafe-inline'`). */
  inlineStyles?: readonly string[];
  /** What else the page loads, e.g. `{ 'script-src': ["'self'"] }`. */
  sources?: Partial<Record<SourceDirective, readonly string[]>>;
}

const sha256Source = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * A `Content-Security-Policy` for an HTML page: the default policy plus exactly what the page
 * loads. Inline scripts are not offered: serve them as files and allow `'self'`.
 *
 * @example
 * const policy = pageSecurityPolicy({ inlineStyles: [CSS] });
 * new Response(html, { headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy } });
 */
export function pageSecurityPolicy({ inlineStyles = [], sources = {} }: PagePolicyOptions): string {
  const directives = new Map<string, string[]>(Object.entries(sources).map(([name, list]) => [name, [...list]]));
  if (inlineStyles.length > 0) {
    directives.set('style-src', [...(directives.get('style-src') ?? []), ...inlineStyles.map(sha256Source)]);
  }
  const extra = [...directives].map(([name, list]) => `${name} ${list.join(' ')}`);
  return [DEFAULT_CONTENT_SECURITY_POLICY, ...extra].join('; ');
}

/**
 * Security headers on every response, errors included: `nosniff` (a JSON body is never run as a
 * script or page), no framing (`frame-ancestors` and the legacy `X-Frame-Options`), no `Referer`
 * (a share link's path is its bearer token, which must not travel to the sites it links to), and
 * the default policy unless the route set its own (`pageSecurityPolicy`).
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async function setSecurityHeaders(c, next) {
    await next();
    let headers = c.res.headers;
    try {
      headers.set('X-Content-Type-Options', 'nosniff');
    } catch {
      // Headers of a `Response.redirect()` or a fetched response are immutable: copy the response.
      c.res = new Response(c.res.body, c.res);
      headers = c.res.headers;
    }
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('X-Frame-Options', 'DENY');
    headers.set('Referrer-Policy', 'no-referrer');
    if (!headers.has('Content-Security-Policy')) {
      headers.set('Content-Security-Policy', DEFAULT_CONTENT_SECURITY_POLICY);
    }
  };
}
