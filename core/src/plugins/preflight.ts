import type { TObject } from '@sinclair/typebox';
import semver from 'semver';
import { type ConfigCheckOptions, configFieldErrors } from './config-schema.js';
import { type AnyPlugin, PLUGIN_ID_PATTERN } from './define-plugin.js';
import type { RegionSeed } from './region-seeds.js';

export type PreflightCode =
  | 'PLUGIN_INVALID_ID'
  | 'PLUGIN_INVALID_VERSION'
  | 'PLUGIN_DUPLICATE_ID'
  | 'PLUGIN_CORE_VERSION_MISMATCH'
  | 'PLUGIN_MISSING_DEPENDENCY'
  | 'PLUGIN_DEPENDENCY_VERSION_MISMATCH'
  | 'PLUGIN_DEPENDENCY_CYCLE'
  | 'PLUGIN_INVALID_CONFIG'
  | 'PLUGIN_REQUIREMENT_DISABLED'
  | 'PLUGIN_UNKNOWN';

/** One preflight failure: which plugin, what is wrong, and how to fix it. */
export interface PreflightIssue {
  code: PreflightCode;
  plugin: string;
  message: string;
  fix: string;
}

/** Boot refused: every preflight issue, one per line. */
export class PluginPreflightError extends Error {
  override readonly name = 'PluginPreflightError';
  constructor(readonly issues: PreflightIssue[]) {
    super(
      `Plugin preflight failed:\n${issues.map((i) => `  - [${i.code}] ${i.plugin}: ${i.message} Fix: ${i.fix}`).join('\n')}`,
    );
  }
}

// Each check is one small function returning its issues (the Fastify plugin-utils way).

function checkIds(plugins: readonly AnyPlugin[]): PreflightIssue[] {
  return plugins
    .filter((p) => typeof p.id !== 'string' || !PLUGIN_ID_PATTERN.test(p.id))
    .map((p) => ({
      code: 'PLUGIN_INVALID_ID',
      plugin: String(p.id),
      message: 'The id is not lowercase words joined by hyphens.',
      fix: 'Rename it, e.g. "credit-bank"; define it with definePlugin().',
    }));
}

function checkVersions(plugins: readonly AnyPlugin[]): PreflightIssue[] {
  return plugins
    .filter((p) => !semver.valid(p.version))
    .map((p) => ({
      code: 'PLUGIN_INVALID_VERSION',
      plugin: p.id,
      message: `Version "${p.version}" is not semver.`,
      fix: "Take the version from the plugin package's package.json.",
    }));
}

function checkDuplicates(plugins: readonly AnyPlugin[]): PreflightIssue[] {
  const seen = new Set<string>();
  const issues: PreflightIssue[] = [];
  for (const p of plugins) {
    if (seen.has(p.id)) {
      issues.push({
        code: 'PLUGIN_DUPLICATE_ID',
        plugin: p.id,
        message: 'Two plugins share this id.',
        fix: 'Install each plugin once; a third-party plugin must pick an id of its own.',
      });
    }
    seen.add(p.id);
  }
  return issues;
}

function checkCore(plugins: readonly AnyPlugin[], coreVersion: string): PreflightIssue[] {
  return plugins
    .filter((p) => p.requires?.core && !semver.satisfies(coreVersion, p.requires.core, { includePrerelease: true }))
    .map((p) => ({
      code: 'PLUGIN_CORE_VERSION_MISMATCH',
      plugin: p.id,
      message: `Needs @lifelong/core ${p.requires?.core}; this is ${coreVersion}.`,
      fix: 'Install a plugin version built for this core, or upgrade the core.',
    }));
}

function checkDependencies(plugins: readonly AnyPlugin[]): PreflightIssue[] {
  const byId = new Map(plugins.map((p) => [p.id, p]));
  const issues: PreflightIssue[] = [];
  for (const p of plugins) {
    for (const [dependency, range] of Object.entries(p.requires?.plugins ?? {})) {
      const installed = byId.get(dependency);
      if (!installed) {
        issues.push({
          code: 'PLUGIN_MISSING_DEPENDENCY',
          plugin: p.id,
          message: `Needs plugin "${dependency}" ${range}, which is not installed.`,
          fix: `Add "${dependency}" to the plugins in lifelong.config.ts.`,
        });
      } else if (!semver.satisfies(installed.version, range, { includePrerelease: true })) {
        issues.push({
          code: 'PLUGIN_DEPENDENCY_VERSION_MISMATCH',
          plugin: p.id,
          message: `Needs "${dependency}" ${range}; ${installed.version} is installed.`,
          fix: `Install a version of "${dependency}" in ${range}.`,
        });
      }
    }
  }
  return issues;
}

/**
 * Dependency order (dependencies first), keeping the given order among independent plugins; the
 * plugins on a cycle are returned separately.
 */
export function dependencyOrder(plugins: readonly AnyPlugin[]): { order: AnyPlugin[]; cyclic: AnyPlugin[] } {
  const byId = new Map(plugins.map((p) => [p.id, p]));
  const placed = new Set<string>();
  const order: AnyPlugin[] = [];
  let progress = true;
  while (progress) {
    progress = false;
    for (const p of plugins) {
      if (placed.has(p.id)) continue;
      const deps = Object.keys(p.requires?.plugins ?? {}).filter((d) => byId.has(d));
      if (deps.every((d) => placed.has(d))) {
        placed.add(p.id);
        order.push(p);
        progress = true;
      }
    }
  }
  return { order, cyclic: plugins.filter((p) => !placed.has(p.id)) };
}

function checkCycles(plugins: readonly AnyPlugin[]): PreflightIssue[] {
  const { cyclic } = dependencyOrder(plugins);
  const ids = cyclic.map((p) => p.id);
  return cyclic.map((p) => ({
    code: 'PLUGIN_DEPENDENCY_CYCLE',
    plugin: p.id,
    message: `Is on a dependency cycle among ${ids.join(', ')}.`,
    fix: 'Break the cycle: move the shared part into one plugin, or communicate through events.',
  }));
}

/**
 * Problems with one region's config for a plugin, as `path: message` strings; empty when valid.
 * Unknown keys are problems too (config-schema.ts).
 */
export function configErrors(schema: TObject | undefined, config: unknown, options: ConfigCheckOptions = {}): string[] {
  return configFieldErrors(schema, config, '', options)
    .slice(0, 10)
    .map(({ path, message }) => `${path}: ${message}`);
}

function checkRegionConfig(plugins: readonly AnyPlugin[], regions: readonly RegionSeed[]): PreflightIssue[] {
  const byId = new Map(plugins.map((p) => [p.id, p]));
  const issues: PreflightIssue[] = [];
  for (const region of regions) {
    for (const [pluginId, seed] of Object.entries(region.plugins ?? {})) {
      const plugin = byId.get(pluginId);
      if (!plugin) {
        issues.push({
          code: 'PLUGIN_UNKNOWN',
          plugin: pluginId,
          message: `Region "${region.id}" configures a plugin that is not installed.`,
          fix: 'Install the plugin or remove it from the region in lifelong.config.ts.',
        });
        continue;
      }
      for (const error of configErrors(plugin.config, seed.config)) {
        issues.push({
          code: 'PLUGIN_INVALID_CONFIG',
          plugin: pluginId,
          message: `Config for region "${region.id}" is invalid at ${error}.`,
          fix: `Correct regions["${region.id}"].plugins["${pluginId}"].config in lifelong.config.ts.`,
        });
      }
    }
  }
  return issues;
}

/**
 * A seeded region that enables a plugin (explicitly or by default) but disables a plugin it
 * requires would boot, then fail on the first request that needs the requirement.
 */
function checkRegionRequirements(plugins: readonly AnyPlugin[], regions: readonly RegionSeed[]): PreflightIssue[] {
  const installed = new Set(plugins.map((p) => p.id));
  const issues: PreflightIssue[] = [];
  for (const region of regions) {
    const enabled = (id: string) => region.plugins?.[id]?.enabled ?? true;
    for (const plugin of plugins.filter((p) => enabled(p.id))) {
      const disabled = Object.keys(plugin.requires?.plugins ?? {}).filter((id) => installed.has(id) && !enabled(id));
      for (const requirement of disabled) {
        issues.push({
          code: 'PLUGIN_REQUIREMENT_DISABLED',
          plugin: plugin.id,
          message: `Region "${region.id}" enables it but disables "${requirement}", which it requires.`,
          fix: `In lifelong.config.ts, enable regions["${region.id}"].plugins["${requirement}"] or disable "${plugin.id}" there too.`,
        });
      }
    }
  }
  return issues;
}

/** Runs every check; returns all issues (empty: the plugins may boot). */
export function preflight(
  plugins: readonly AnyPlugin[],
  { coreVersion, regions }: { coreVersion: string; regions: readonly RegionSeed[] },
): PreflightIssue[] {
  return [
    ...checkIds(plugins),
    ...checkVersions(plugins),
    ...checkDuplicates(plugins),
    ...checkCore(plugins, coreVersion),
    ...checkDependencies(plugins),
    ...checkCycles(plugins),
    ...checkRegionConfig(plugins, regions),
    ...checkRegionRequirements(plugins, regions),
  ];
}
