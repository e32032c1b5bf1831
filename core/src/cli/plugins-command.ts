import { relative } from 'node:path';
import { loadConfigFile } from '../config/load-config-file.js';
import { coreVersion } from '../db/core-migrations.js';
import { preflight } from '../plugins/preflight.js';
import { DEFAULT_REGION_SEED } from '../plugins/region-seeds.js';

/** `lifelong plugins check`: preflight alone (ids, versions, dependencies, cycles, region config). */
export async function runPluginsCheck({ configPath }: { configPath?: string | undefined }): Promise<number> {
  const { config, file } = await loadConfigFile(configPath);
  const plugins = config.plugins ?? [];
  const regions = config.regions && config.regions.length > 0 ? config.regions : [DEFAULT_REGION_SEED];
  const issues = preflight(plugins, { coreVersion: coreVersion(), regions });
  const source = file ? relative(process.cwd(), file) : '(no config file)';
  if (issues.length === 0) {
    const list = plugins.map((p) => `${p.id}@${p.version}`).join(', ') || 'none';
    process.stdout.write(
      `Preflight passed for ${source}: plugins ${list}; regions ${regions.map((r) => r.id).join(', ')}\n`,
    );
    return 0;
  }
  process.stderr.write(`Preflight failed for ${source}:\n`);
  for (const issue of issues) {
    process.stderr.write(`  - [${issue.code}] ${issue.plugin}: ${issue.message}\n      Fix: ${issue.fix}\n`);
  }
  return 1;
}
