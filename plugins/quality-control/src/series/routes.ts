import type { QualityControlRegistrar } from '../config.js';
import * as contract from './contract.js';
import * as service from './service.js';

const file = (body: string | Uint8Array, contentType: string, filename: string) => ({
  response: new Response(body, {
    status: 200,
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `inline; filename="${filename}"`,
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Cache-Control': 'private, max-age=60',
    },
  }),
});

/** Serves observations: series (JSON, CSV), charts (SVG, PNG), and targets. */
export function registerSeries(p: QualityControlRegistrar): void {
  p.route(contract.getSeries, async ({ params, query }, ctx) => ({
    status: 200,
    body: await service.series(ctx, params, query),
  }));
  p.route(contract.getSeriesCsv, async ({ params, query }, ctx) =>
    file(await service.seriesCsv(ctx, params, query), 'text/csv; charset=utf-8', `${params.code}.csv`),
  );
  p.route(contract.getChartSvg, async ({ params, query }, ctx) =>
    file(await service.chartSvg(ctx, params, query), 'image/svg+xml', `${params.code}.svg`),
  );
  p.route(contract.getChartPng, async ({ params, query }, ctx) =>
    file(new Uint8Array(await service.chartPng(ctx, params, query)), 'image/png', `${params.code}.png`),
  );
  p.route(contract.setTarget, async ({ params, body }, ctx) => ({
    status: 200,
    body: await service.setTarget(ctx, params, body),
  }));
}
