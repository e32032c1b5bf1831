import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env.js';
import { pageSecurityPolicy } from './security-headers.js';

// Served from the swagger-ui-dist package, so /docs works offline and without a CDN.
const ASSETS = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
} as const;

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Lifelong API reference</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="api-reference"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/init.js"></script>
</body>
</html>
`;

const INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#api-reference',
  deepLinking: true,
  persistAuthorization: false,
  // The default sends the spec to validator.swagger.io for a badge: nothing leaves the network.
  validatorUrl: null,
});
`;

/**
 * What the page loads: its own scripts and styles, the spec from the same origin (and the calls
 * "Try it out" makes there). Swagger UI sets style attributes and inlines its icons as data: URIs,
 * so styles need 'unsafe-inline' and images data:; scripts stay 'self' only.
 */
const DOCS_POLICY = pageSecurityPolicy({
  sources: {
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
  },
});

/** Mounts the interactive API reference at `/docs`, reading `/openapi.json`. */
export function mountDocsPage(app: Hono<AppEnv>): void {
  const assetsDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Promise<Buffer>>();

  app.get('/docs', (c) => c.html(PAGE, 200, { 'Content-Security-Policy': DOCS_POLICY }));
  app.get('/docs/assets/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
  app.get('/docs/assets/:file{[a-z.-]+}', async (c) => {
    const file = c.req.param('file');
    if (!Object.hasOwn(ASSETS, file)) return c.notFound();
    let content = cache.get(file);
    if (!content) {
      content = readFile(join(assetsDir, file));
      cache.set(file, content);
    }
    return c.body(new Uint8Array(await content), 200, {
      'Content-Type': ASSETS[file as keyof typeof ASSETS],
      'Cache-Control': 'public, max-age=86400',
    });
  });
}
