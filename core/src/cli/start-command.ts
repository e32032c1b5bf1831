import { relative } from 'node:path';
import { loadConfigFile } from '../config/load-config-file.js';
import { coreVersion } from '../db/core-migrations.js';
import { createPlatform } from '../platform.js';

export interface StartCommandOptions {
  configPath?: string | undefined;
}

/** `lifelong start`: serve until SIGINT/SIGTERM, then shut down gracefully (exit 0). */
export async function runStart({ configPath }: StartCommandOptions): Promise<number> {
  const { config, file } = await loadConfigFile(configPath);
  const platform = createPlatform({
    settings: config.settings,
    ...(config.plugins ? { plugins: config.plugins } : {}),
    ...(config.regions ? { regions: config.regions } : {}),
    settingsSource: file ? relative(process.cwd(), file) : 'config',
  });
  const { url, generatedAdminKey } = await platform.start();

  // The banner goes to stderr: stdout carries only JSON log lines, for log collectors.
  const lines = [
    '',
    `  Lifelong ${coreVersion()} is running at ${url}`,
    ...(platform.settings.siteDir ? [`  Web portal:     ${url}/`] : []),
    `  API reference:  ${url}/docs`,
    `  Database:       ${platform.database.description}`,
    `  Config:         ${file ?? '(none found: defaults and environment)'}`,
    `  Plugins:        ${(config.plugins ?? []).map((p) => `${p.id}@${p.version}`).join(', ') || '(none)'}`,
  ];
  if (generatedAdminKey) {
    lines.push(
      '',
      '  Platform-admin API key (shown once; store it now, only its hash is kept):',
      `    ${generatedAdminKey}`,
      '  Send it as "Authorization: Bearer <key>". Set LIFELONG_ADMIN_KEY to choose it yourself.',
    );
  }
  process.stderr.write(`${lines.join('\n')}\n\n  Press Ctrl-C to stop.\n\n`);

  await new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      platform.logger.info({ signal }, 'shutting down');
      // A second signal while draining means "now".
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  await platform.stop();
  return 0;
}
