import industrySupport from '@lifelong/plugin-industry-support/client';
import { centerApi } from '../../api.js';

/** The industry support plugin's calls, as the signed-in person (its client loads with these pages only). */
export const industryApi = () => centerApi(industrySupport).industrySupport;

/** A level or weight as people read it: at most two decimals, in the chosen language. */
export const level = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);

/** A 0–1 share as a percentage. */
export const percent = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
