// Every first-party plugin, in one place: the platform figures (cold start, idle memory,
// /health/ready) are measured with all of them enabled, through startup/lifelong.config.ts.
// When a first-party plugin lands, add its import here and its package to bench/package.json.
import readingClub from '@lifelong-examples/plugin-reading-club';

export const firstPartyPlugins = [readingClub];

/** For the report: which plugins the platform figures were measured with. */
export const firstPartyPluginNames = ['@lifelong-examples/plugin-reading-club'];
