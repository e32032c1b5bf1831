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
});
