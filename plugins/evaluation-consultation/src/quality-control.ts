// The seam to the quality-control center (issue #14), not wired yet: the engagement keeps its own
// measurements (grades and measured values per visit) and works without it. When quality control
// lands, it is expected to provide a service of this shape under the ref id
// `quality-control.series`; this plugin will ask it only in regions where it is enabled (which
// needs an optional plugin requirement the core does not have today).

/** One point of an indicator series for a school (or another scope) and a period. */
export interface QualitySeriesPoint {
  period: string;
  value: number;
  n: number;
  status: string;
}

/** What the evaluation center will ask quality control for. */
export interface QualityControlSeries {
  series(query: { scopeType: string; scopeId: string; code: string; from: string; to: string }): Promise<{
    items: QualitySeriesPoint[];
  }>;
}
