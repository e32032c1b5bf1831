import { defineContract } from '@lifelong/core/contract';
import { IndicatorNotFound, ScopeNotFound } from '../errors.js';
import { ChartQuery, ScopeIndicatorParams, Series, SeriesQuery, SetTargetBody, Target } from './schemas.js';

const readers =
  "Staff with `quality-control.read` for the scope (its region's admins, its institution's registrars and API " +
  'key), the teacher of a teacher scope, and, for a `public` indicator at a region or institution, any signed-in ' +
  'person (anonymous aggregates). Anyone else gets 404 `QUALITY_CONTROL_SCOPE_NOT_FOUND`, as for an unknown scope.';
const range =
  '`from` and `to` are periods of the indicator’s period type (`2026-05`, `2026-Q2` or `2026`), `from` ≤ `to`, at ' +
  "most the region's `maxSeriesPeriods` periods (400 naming `/query/from` or `/query/to` otherwise).";

export const getSeries = defineContract({
  operationId: 'scopes.indicators.series',
  method: 'get',
  path: '/scopes/{scopeType}/{scopeId}/indicators/{code}/series',
  summary: "An indicator's observations for a scope, one per period, with traffic-light status",
  description:
    `${readers} ${range} Read from precomputed aggregates. Below the indicator's minimum n the value is \`null\` ` +
    'and the status `suppressed` (never a zero).',
  access: { authenticated: 'readers of the scope' },
  request: { params: ScopeIndicatorParams, query: SeriesQuery },
  responses: { 200: { description: 'The series', schema: Series } },
  errors: [ScopeNotFound, IndicatorNotFound],
});

export const getChartSvg = defineContract({
  operationId: 'scopes.indicators.chartSvg',
  method: 'get',
  path: '/scopes/{scopeType}/{scopeId}/indicators/{code}/chart.svg',
  summary: 'The same series as an SVG line chart (rendered on the server with Vega)',
  description: `${readers} ${range} Each point is labelled with its value; suppressed periods are labelled "suppressed".`,
  access: { authenticated: 'readers of the scope' },
  request: { params: ScopeIndicatorParams, query: ChartQuery },
  responses: { 200: { description: 'The chart', file: { contentTypes: ['image/svg+xml'] } } },
  errors: [ScopeNotFound, IndicatorNotFound],
});

export const getChartPng = defineContract({
  operationId: 'scopes.indicators.chartPng',
  method: 'get',
  path: '/scopes/{scopeType}/{scopeId}/indicators/{code}/chart.png',
  summary: 'The same series as a PNG chart (the SVG rasterised with resvg)',
  description: `${readers} ${range}`,
  access: { authenticated: 'readers of the scope' },
  request: { params: ScopeIndicatorParams, query: ChartQuery },
  responses: { 200: { description: 'The chart', file: { contentTypes: ['image/png'] } } },
  errors: [ScopeNotFound, IndicatorNotFound],
});

export const getSeriesCsv = defineContract({
  operationId: 'scopes.indicators.seriesCsv',
  method: 'get',
  path: '/scopes/{scopeType}/{scopeId}/indicators/{code}/series.csv',
  summary: 'The same series as CSV (`period,value,n,status`; a suppressed value is empty)',
  description: `${readers} ${range}`,
  access: { authenticated: 'readers of the scope' },
  request: { params: ScopeIndicatorParams, query: SeriesQuery },
  responses: { 200: { description: 'The series', file: { contentTypes: ['text/csv'] } } },
  errors: [ScopeNotFound, IndicatorNotFound],
});

export const setTarget = defineContract({
  operationId: 'scopes.indicators.target',
  method: 'put',
  path: '/scopes/{scopeType}/{scopeId}/indicators/{code}/target',
  summary: "Set the scope's target and threshold for an indicator (for one period, or every period)",
  description:
    'Needs `quality-control.manage` for the scope (404 otherwise, as for an unknown scope). Without one, the ' +
    "indicator's standard applies. The threshold lies on the worse side of the target (400 `/body/threshold`, " +
    "rule `threshold`); `margin` defaults to the indicator's.",
  access: { authenticated: 'managers of the scope' },
  request: { params: ScopeIndicatorParams, body: SetTargetBody },
  responses: { 200: { description: 'The target', schema: Target } },
  errors: [ScopeNotFound, IndicatorNotFound],
});
