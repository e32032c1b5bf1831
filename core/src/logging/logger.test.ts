import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture() {
  let out = '';
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      out += chunk;
      callback();
    },
  });
  return { logger: createLogger({ destination }), output: () => out };
}

describe('logger', () => {
  it('writes one JSON object per line with level, message and service', () => {
    const { logger, output } = capture();
    logger.info({ requestId: 'r1' }, 'hello');
    const line = JSON.parse(output().trim());
    expect(line).toMatchObject({ level: 30, msg: 'hello', service: 'lifelong', requestId: 'r1' });
  });

  it('redacts secrets and personal data at the top level and nested', () => {
    const { logger, output } = capture();
    logger.info(
      {
        password: 'pw-1',
        nationalId: '11010519491231002X',
        person: { nationalId: '11010519491231002X', email: 'a@example.org', phone: '+86 138 0000 0000' },
        req: { headers: { authorization: 'Bearer llk_secret' } },
      },
      'sensitive',
    );
    const text = output();
    for (const secret of ['pw-1', '11010519491231002X', 'a@example.org', '138 0000', 'llk_secret']) {
      expect(text).not.toContain(secret);
    }
    expect(JSON.parse(text).person.nationalId).toBe('[redacted]');
  });

  it('logs an error with its code and cause but without the query values a driver attached', () => {
    const { logger, output } = capture();
    // postgres.js attaches the values in debug mode; drizzle wraps the driver's error as its cause.
    const driverError = Object.assign(new Error('invalid input value for enum kind: "llr_secret-1"'), {
      code: '22P02',
      parameters: ['llr_secret-2'],
      detail: 'Key (token_hash)=(llr_secret-3) already exists.',
    });
    const queryError = Object.assign(new Error('Failed query: select $1\nparams: llr_secret-4'), {
      query: 'select $1',
      params: ['llr_secret-4'],
      cause: driverError,
    });
    logger.error({ err: queryError }, 'request failed');
    const text = output();
    expect(text).not.toContain('llr_secret');
    const { err } = JSON.parse(text);
    expect(err).toMatchObject({ message: 'Failed query: select $1', query: 'select $1', cause: { code: '22P02' } });
    expect(err.cause.message).toBe('invalid input value for enum kind: "[redacted]"');
  });
});
