import { describe, expect, it } from 'vitest';
import { ConfigError, resolveSettings } from './resolve-settings.js';

function issuesOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error('expected a ConfigError');
}

describe('resolveSettings', () => {
  it('applies defaults when nothing is configured', () => {
    const settings = resolveSettings({ env: {} });
    expect(settings).toMatchObject({ port: 3000, dataDir: '.lifelong/data', logLevel: 'info', migrateOnStart: true });
    expect(settings.databaseUrl).toBeUndefined();
  });

  it('lets environment variables override the config file, converting their types', () => {
    const settings = resolveSettings({
      file: { port: 4000, logLevel: 'warn' },
      env: { PORT: '5000', LIFELONG_MIGRATE_ON_START: 'false', DATABASE_URL: 'postgres://localhost/x' },
    });
    expect(settings.port).toBe(5000);
    expect(settings.migrateOnStart).toBe(false);
    expect(settings.logLevel).toBe('warn');
    expect(settings.databaseUrl).toBe('postgres://localhost/x');
  });

  it('treats an empty environment variable as unset', () => {
    expect(resolveSettings({ env: { PORT: '' } }).port).toBe(3000);
  });

  it('names the environment variable and the rule for a bad value', () => {
    const issues = issuesOf(() => resolveSettings({ env: { PORT: 'abc' } }));
    expect(issues).toEqual([
      { setting: 'PORT', source: 'environment variable PORT', message: expect.stringContaining('"abc"') },
    ]);
    expect(issues[0]?.message).toMatch(/integer/i);
  });

  it('reports every bad setting at once, each with its source', () => {
    const issues = issuesOf(() =>
      resolveSettings({ file: { port: 70000, logLevel: 'loud' as never }, fileName: 'lifelong.config.ts', env: {} }),
    );
    expect(issues.map((i) => i.setting).sort()).toEqual(['logLevel', 'port']);
    expect(issues.find((i) => i.setting === 'port')?.source).toBe('lifelong.config.ts settings.port');
    expect(issues.find((i) => i.setting === 'port')?.message).toMatch(/65535/);
  });

  it('rejects unknown settings in the config file', () => {
    const issues = issuesOf(() => resolveSettings({ file: { prot: 1 } as never, env: {} }));
    expect(issues[0]).toMatchObject({ setting: 'prot', message: expect.stringMatching(/unknown setting/) });
  });

  it('never echoes a secret value in the error', () => {
    const error = (() => {
      try {
        resolveSettings({ env: { LIFELONG_ADMIN_KEY: 'short-secret', DATABASE_URL: 'mysql://user:pw@host/db' } });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.issues.map((i) => i.setting).sort()).toEqual(['DATABASE_URL', 'LIFELONG_ADMIN_KEY']);
    expect(error?.message).not.toContain('short-secret');
    expect(error?.message).not.toContain('pw@host');
  });
});
