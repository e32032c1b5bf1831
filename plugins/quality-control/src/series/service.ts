import type { Ctx } from '../context.js';
import { personIdOf } from '../context.js';
import { invalidField } from '../field-error.js';
import { libraryIndicator, managedScope, readableScope } from '../shared/access.js';
import type { Indicator } from '../shared/common-schemas.js';
import { observe, standardsOf } from '../shared/observe.js';
import { PERIOD_PATTERNS, periodRange } from '../shared/periods.js';
import { targets } from '../shared/schema.js';
import { seriesSvg, svgToPng } from './chart.js';
import { csvCell } from './csv-cell.js';
import type { SeriesQuery, SetTargetBody } from './schemas.js';

/** Checks a range against the indicator's period type and the region's limit (400 naming the field). */
export function checkRange(indicator: Indicator, from: string, to: string, maxPeriods: number): void {
  const pattern = PERIOD_PATTERNS[indicator.periodType];
  for (const [name, value] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (!pattern.test(value)) {
      throw invalidField(
        `/query/${name}`,
        'periodType',
        `"${indicator.code}" is measured per ${indicator.periodType}.`,
      );
    }
  }
  if (from > to) throw invalidField('/query/to', 'afterFrom', '`to` comes before `from`.');
  if (periodRange(from, to, maxPeriods + 1).length > maxPeriods) {
    throw invalidField('/query/to', 'maxPeriods', `At most ${maxPeriods} periods per series.`);
  }
}

async function seriesOf(ctx: Ctx, params: { scopeType: string; scopeId: string; code: string }, query: SeriesQuery) {
  const indicator = await libraryIndicator(ctx, params.code);
  const scope = await readableScope(ctx, params.scopeType, params.scopeId, indicator);
  checkRange(indicator, query.from, query.to, ctx.config.maxSeriesPeriods);
  const items = await observe(ctx.db, scope, indicator, query.from, query.to, ctx.config.maxSeriesPeriods);
  return { indicator, scope, items };
}

export async function series(
  ctx: Ctx,
  params: { scopeType: string; scopeId: string; code: string },
  query: SeriesQuery,
) {
  return { items: (await seriesOf(ctx, params, query)).items };
}

export async function seriesCsv(
  ctx: Ctx,
  params: { scopeType: string; scopeId: string; code: string },
  query: SeriesQuery,
) {
  const { items } = await seriesOf(ctx, params, query);
  const lines = [
    'period,value,n,status',
    ...items.map((i) => [i.period, i.value, i.n, i.status].map(csvCell).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

export async function chartSvg(
  ctx: Ctx,
  params: { scopeType: string; scopeId: string; code: string },
  query: SeriesQuery & { width?: number; height?: number },
) {
  const { indicator, scope, items } = await seriesOf(ctx, params, query);
  const standard = (await standardsOf(ctx.db, scope, indicator))(query.to);
  return seriesSvg(`${indicator.name} — ${scope.name}`, indicator, items, standard.target, {
    width: query.width ?? 640,
    height: query.height ?? 320,
  });
}

export async function chartPng(
  ctx: Ctx,
  params: { scopeType: string; scopeId: string; code: string },
  query: SeriesQuery & { width?: number; height?: number },
) {
  return svgToPng(await chartSvg(ctx, params, query)).png;
}

export async function setTarget(
  ctx: Ctx,
  params: { scopeType: string; scopeId: string; code: string },
  body: SetTargetBody,
) {
  const indicator = await libraryIndicator(ctx, params.code);
  const scope = await managedScope(ctx, params.scopeType, params.scopeId);
  const period = body.period ?? '*';
  if (period !== '*' && !PERIOD_PATTERNS[indicator.periodType].test(period)) {
    throw invalidField('/body/period', 'periodType', `"${indicator.code}" is measured per ${indicator.periodType}.`);
  }
  const worse =
    indicator.direction === 'higher-is-better' ? body.threshold <= body.target : body.threshold >= body.target;
  if (!worse) throw invalidField('/body/threshold', 'threshold', 'The threshold lies on the worse side of the target.');
  const values = {
    scopeType: scope.scopeType,
    scopeId: scope.scopeId,
    code: indicator.code,
    period,
    target: body.target,
    threshold: body.threshold,
    margin: body.margin ?? indicator.margin,
    setBy: personIdOf(ctx),
    setAt: ctx.now(),
  };
  await ctx.db
    .insert(targets)
    .values(values)
    .onConflictDoUpdate({
      target: [targets.scopeId, targets.scopeType, targets.code, targets.period],
      set: {
        target: values.target,
        threshold: values.threshold,
        margin: values.margin,
        setBy: values.setBy,
        setAt: values.setAt,
      },
    });
  return {
    scopeType: scope.scopeType,
    scopeId: scope.scopeId,
    code: indicator.code,
    period,
    target: values.target,
    threshold: values.threshold,
    margin: values.margin,
  };
}
