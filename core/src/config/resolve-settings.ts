import { Value } from '@sinclair/typebox/value';
import { describeValueError } from '../http/validation.js';
import { SETTINGS_ENV, Settings, type SettingsInput } from './settings.js';

/** One bad setting: which one, where it came from, and what is wrong with it. */
export interface SettingIssue {
  setting: string;
  source: string;
  message: string;
}

/** Boot-time configuration error listing every bad setting, one per line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'CONFIG_INVALID';
  constructor(readonly issues: SettingIssue[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i.setting} (${i.source}): ${i.message}`).join('\n')}`);
  }
}

export interface ResolveSettingsOptions {
  /** Settings from the config file (`lifelong.config.ts` → `settings`). */
  file?: SettingsInput | undefined;
  /** Where `file` came from, for error messages. */
  fileName?: string;
  /** The environment; pass `{}` to ignore it (tests). */
  env?: Record<string, string | undefined>;
}

// Values of these settings are secrets: error messages never echo them.
const SECRET_SETTINGS = new Set(['adminKey', 'databaseUrl', 'nationalIdHmacKey', 'nationalIdEncryptionKeys']);

const envBySetting = new Map<string, string>(Object.entries(SETTINGS_ENV).map(([env, key]) => [key, env]));

/**
 * Merges config-file settings with environment variables, applies defaults and validates.
 * Throws a `ConfigError` naming every bad setting and its source.
 */
export function resolveSettings({
  file = {},
  fileName = 'config',
  env = process.env,
}: ResolveSettingsOptions = {}): Settings {
  const merged: Record<string, unknown> = { ...file };
  const source = new Map<string, string>(Object.keys(file).map((key) => [key, `${fileName} settings.${key}`]));

  const fromEnv = new Set<string>();
  for (const [variable, key] of Object.entries(SETTINGS_ENV)) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    // Environment values are strings: convert to the setting's type before validating.
    merged[key] = Value.Convert(Settings.properties[key], raw);
    source.set(key, `environment variable ${variable}`);
    fromEnv.add(key);
  }

  const withDefaults = Value.Default(Settings, merged) as Record<string, unknown>;
  const issues: SettingIssue[] = [];
  const seen = new Set<string>();
  for (const error of Value.Errors(Settings, withDefaults)) {
    const key = error.path.split('/')[1] ?? '';
    if (seen.has(key)) continue;
    seen.add(key);
    const isUnknown = !(key in Settings.properties);
    issues.push({
      // Name the setting as the operator wrote it: the variable for env values, else the key.
      setting: fromEnv.has(key) ? (envBySetting.get(key) ?? key) : key,
      source: source.get(key) ?? 'default',
      message: isUnknown
        ? `unknown setting (known: ${Object.keys(Settings.properties).join(', ')})`
        : `${describeValueError(error).message}${SECRET_SETTINGS.has(key) ? '' : ` (got ${JSON.stringify(error.value)})`}`,
    });
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return withDefaults as Settings;
}
