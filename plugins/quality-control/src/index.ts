import { definePlugin } from '@lifelong/core';
import pkg from '../package.json' with { type: 'json' };
import { registerAlerts } from './alerts/routes.js';
import { QualityControlConfig } from './config.js';
import { registerData } from './data/routes.js';
import { distribution } from './distribution.js';
import { registerLibrary } from './library/routes.js';
import { permissions, roles } from './permissions.js';
import { registerSeries } from './series/routes.js';
import { qualityControlService } from './series-service.js';
import { indicatorOf } from './shared/library.js';
import { observe } from './shared/observe.js';
import { PERIOD_PATTERNS } from './shared/periods.js';
import { resolveScope } from './shared/scopes.js';

export { QualityControlConfig } from './config.js';
export * from './errors.js';
export * from './events.js';
export * from './schemas.js';
export { type QualityControlService, qualityControlService, type SeriesRequest } from './series-service.js';
export { PACKS } from './shared/packs.js';

/**
 * Quality control: a versioned indicator library, data elements fed by the other centers' events
 * and by hand, targets and traffic lights over precomputed aggregates, alerts and improvement
 * actions judged from data, and charts rendered on the server.
 */
const qualityControl = definePlugin({
  id: 'quality-control',
  version: pkg.version,
  description: 'Indicator library, data from every center, targets, alerts, the improvement spiral, charts',
  requires: { core: '^0.1.0' },
  config: QualityControlConfig,
  migrations: new URL('../drizzle', import.meta.url),
  permissions,
  roles,
  distribution,
  register(p) {
    p.provide(qualityControlService, (ctx) => ({
      async series(request) {
        const indicator = await indicatorOf(ctx.db, request.regionId, request.code);
        const scope = indicator && (await resolveScope(ctx, request.regionId, request.scopeType, request.scopeId));
        const pattern = indicator && PERIOD_PATTERNS[indicator.periodType];
        if (!indicator || !scope || !pattern?.test(request.from) || !pattern.test(request.to)) return null;
        const { maxSeriesPeriods } = await ctx.configFor(request.regionId);
        return { items: await observe(ctx.db, scope, indicator, request.from, request.to, maxSeriesPeriods) };
      },
    }));
    registerLibrary(p);
    registerData(p);
    registerSeries(p);
    registerAlerts(p);
  },
});

export default qualityControl;
