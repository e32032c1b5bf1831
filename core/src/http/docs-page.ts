import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './app-env.js';

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
});
`;

/** Mounts the interactive API reference at `/docs`, reading `/openapi.json`. */
export function mountDocsPage(app: Hono<AppEnv>): void {
  const assetsDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Promise<Buffer>>();

  app.get('/docs', (c) => c.html(PAGE));
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
