import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import { ConfigError, type SettingIssue } from '../../config/resolve-settings.js';
import type { Settings } from '../../config/settings.js';
import { type NationalIdKeys, parseEncryptionKeys } from './protector.js';

interface StoredSecrets {
  nationalIdHmacKey: string;
  nationalIdEncryptionKeys: string;
}

function generate(): StoredSecrets {
  return {
    nationalIdHmacKey: randomBytes(32).toString('base64'),
    nationalIdEncryptionKeys: `k1:${randomBytes(32).toString('base64')}`,
  };
}

function toKeys({ nationalIdHmacKey, nationalIdEncryptionKeys }: StoredSecrets): NationalIdKeys {
  const { keys, activeKeyId } = parseEncryptionKeys(nationalIdEncryptionKeys);
  return { hmacKey: Buffer.from(nationalIdHmacKey, 'base64'), encryptionKeys: keys, activeKeyId };
}

/**
 * What is wrong with the national ID key settings, checked before anything opens the database:
 * PostgreSQL deployments must configure both keys, as keys kept beside the database would
 * protect nothing. Embedded mode may leave them unset (they are generated, see below).
 */
export function nationalIdKeyIssues(settings: Settings): SettingIssue[] {
  if (!settings.databaseUrl || (settings.nationalIdHmacKey && settings.nationalIdEncryptionKeys)) return [];
  return (['nationalIdHmacKey', 'nationalIdEncryptionKeys'] as const)
    .filter((key) => !settings[key])
    .map((key) => ({
      setting: key === 'nationalIdHmacKey' ? 'LIFELONG_NATIONAL_ID_HMAC_KEY' : 'LIFELONG_NATIONAL_ID_ENCRYPTION_KEYS',
      source: 'missing',
      message: 'required when DATABASE_URL is set (see docs/configuration.md for how to generate it)',
    }));
}

/**
 * The keys that protect national IDs. Configured keys win. Without them, embedded mode (the
 * quick start) generates keys once into `secrets.json` beside the data directory (in memory for
 * `memory://`), so the zero-setup platform works; PostgreSQL deployments must configure them
 * (`nationalIdKeyIssues`).
 */
export async function resolveNationalIdKeys(settings: Settings, logger: Logger): Promise<NationalIdKeys> {
  const issues = nationalIdKeyIssues(settings);
  if (issues.length > 0) throw new ConfigError(issues);
  if (settings.nationalIdHmacKey && settings.nationalIdEncryptionKeys) {
    return toKeys({
      nationalIdHmacKey: settings.nationalIdHmacKey,
      nationalIdEncryptionKeys: settings.nationalIdEncryptionKeys,
    });
  }
  if (settings.dataDir.startsWith('memory://')) return toKeys(generate());

  const file = join(dirname(resolve(settings.dataDir)), 'secrets.json');
  if (existsSync(file)) return toKeys(JSON.parse(await readFile(file, 'utf8')) as StoredSecrets);
  const secrets = generate();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
  logger.warn({ file }, 'generated national ID keys for embedded mode; configure them for production');
  return toKeys(secrets);
}
