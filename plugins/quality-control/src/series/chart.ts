import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import type { Indicator, SeriesItem } from '../shared/common-schemas.js';

const COLOURS = { green: '#2e7d32', amber: '#f9a825', red: '#c62828', suppressed: '#9e9e9e' } as const;

/**
 * A line chart of a series as SVG, rendered by Vega on the server (no browser, no canvas): one
 * point per period coloured by status and labelled with its value, the target as a dashed rule,
 * and suppressed periods labelled "suppressed" on the axis (never drawn as zero).
 */
export async function seriesSvg(
  title: string,
  indicator: Pick<Indicator, 'unit'>,
  items: readonly SeriesItem[],
  target: number,
  size: { width: number; height: number },
): Promise<string> {
  const values = items.map((i) => ({
    period: i.period,
    value: i.value,
    label: i.value === null ? 'suppressed' : String(i.value),
    colour: COLOURS[i.status],
  }));
  const spec: vega.Spec = {
    width: size.width,
    height: size.height,
    padding: 8,
    title: { text: title, fontSize: 13 },
    data: [
      { name: 'all', values },
      { name: 'shown', source: 'all', transform: [{ type: 'filter', expr: 'datum.value !== null' }] },
      { name: 'hidden', source: 'all', transform: [{ type: 'filter', expr: 'datum.value === null' }] },
      { name: 'target', values: [{ target }] },
    ],
    scales: [
      { name: 'x', type: 'point', domain: { data: 'all', field: 'period' }, range: 'width', padding: 0.5 },
      {
        name: 'y',
        type: 'linear',
        domain: {
          fields: [
            { data: 'shown', field: 'value' },
            { data: 'target', field: 'target' },
          ],
        },
        range: 'height',
        zero: true,
        nice: true,
      },
    ],
    axes: [
      {
        orient: 'bottom',
        scale: 'x',
        labelAngle: items.length > 8 ? -45 : 0,
        labelAlign: items.length > 8 ? 'right' : 'center',
      },
      { orient: 'left', scale: 'y', title: indicator.unit, grid: true },
    ],
    marks: [
      {
        type: 'rule',
        from: { data: 'target' },
        encode: {
          enter: {
            x: { value: 0 },
            x2: { signal: 'width' },
            y: { scale: 'y', field: 'target' },
            stroke: { value: '#555' },
            strokeDash: { value: [4, 4] },
          },
        },
      },
      {
        type: 'line',
        from: { data: 'all' },
        encode: {
          enter: {
            x: { scale: 'x', field: 'period' },
            y: { scale: 'y', field: 'value' },
            defined: { signal: 'datum.value !== null' }, // a gap where the value is suppressed
            stroke: { value: '#1565c0' },
            strokeWidth: { value: 2 },
          },
        },
      },
      {
        type: 'symbol',
        from: { data: 'shown' },
        encode: {
          enter: {
            x: { scale: 'x', field: 'period' },
            y: { scale: 'y', field: 'value' },
            fill: { field: 'colour' },
            size: { value: 80 },
          },
        },
      },
      {
        type: 'text',
        name: 'values',
        from: { data: 'shown' },
        encode: {
          enter: {
            x: { scale: 'x', field: 'period' },
            y: { scale: 'y', field: 'value', offset: -10 },
            text: { field: 'label' },
            align: { value: 'center' },
            fontSize: { value: 11 },
            fill: { value: '#222' },
          },
        },
      },
      {
        type: 'text',
        name: 'suppressed',
        from: { data: 'hidden' },
        encode: {
          enter: {
            x: { scale: 'x', field: 'period' },
            y: { signal: 'height', offset: -6 },
            text: { field: 'label' },
            align: { value: 'center' },
            fontSize: { value: 10 },
            fill: { value: COLOURS.suppressed },
          },
        },
      },
    ],
  };
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The SVG rasterised to PNG by resvg, at the SVG's own size. */
export function svgToPng(svg: string): { png: Buffer; width: number; height: number } {
  const rendered = new Resvg(svg, { fitTo: { mode: 'original' }, background: '#ffffff' }).render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}
