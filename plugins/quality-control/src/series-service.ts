import { createServiceRef } from '@lifelong/core';
import type { SeriesItem } from './shared/common-schemas.js';

/** What `qualityControl.series` is asked: one indicator for one scope of a region, over periods. */
export interface SeriesRequest {
  regionId: string;
  scopeType: 'region' | 'institution' | 'programme' | 'course' | 'teacher';
  scopeId: string;
  code: string;
  /** Periods of the indicator's period type (`2026-05`, `2026-Q2`, `2026`), inclusive. */
  from: string;
  to: string;
}

/**
 * The quality control service for plugins that require this one (the evaluation center): the
 * same items as `GET …/indicators/{code}/series`, or null for an unknown scope or indicator, or a
 * range that does not fit the indicator's period type. It does not authorize: the calling plugin
 * decides who may see what it shows.
 */
export interface QualityControlService {
  series(request: SeriesRequest): Promise<{ items: SeriesItem[] } | null>;
}

export const qualityControlService = createServiceRef<QualityControlService>({ id: 'quality-control.series' });
