import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testNationalId } from '../../testing/national-ids.js';
import { cnResidentId } from './cn-ric.js';
import { NationalIdProtector } from './protector.js';
import { nationalIdErrors } from './scheme.js';

const schemes = new Map([[cnResidentId.id, cnResidentId]]);
const errorsFor = (number: string, dateOfBirth = '1949-12-31') =>
  nationalIdErrors(schemes, { scheme: 'CN-RIC', number }, dateOfBirth);

describe('CN-RIC national IDs', () => {
  it('accepts a well-formed number whose date matches', () => {
    expect(errorsFor('11010519491231002X')).toEqual([]);
    expect(errorsFor('11010519491231002x')).toEqual([]);
  });

  it('rejects a wrong check character, bad length, impossible dates and a zero area code', () => {
    expect(errorsFor('110105194912310021')[0]?.message).toMatch(/check character/);
    expect(errorsFor('1101051949123100')[0]?.message).toMatch(/17 digits/);
    expect(errorsFor('110105194902300020', '1949-02-30')[0]?.message).toMatch(/not a real date/);
    expect(errorsFor('01010519491231002X')[0]?.message).toMatch(/area code/);
  });

  it('rejects a date of birth that differs from the one the number encodes', () => {
    expect(errorsFor('11010519491231002X', '1950-01-01')).toEqual([
      expect.objectContaining({ path: '/body/dateOfBirth', rule: 'matchesNationalId' }),
    ]);
  });

  it('names an unknown scheme and the known ones', () => {
    const [error] = nationalIdErrors(schemes, { scheme: 'XX', number: '1' }, '2000-01-01');
    expect(error).toMatchObject({ path: '/body/nationalId/scheme', message: expect.stringContaining('CN-RIC') });
  });

  it('masks all but the area code and the last four characters', () => {
    expect(cnResidentId.mask('11010519491231002X')).toBe('110105********002X');
  });

  it('generates valid test numbers', () => {
    for (let i = 0; i < 100; i++) expect(errorsFor(testNationalId('2001-02-03'), '2001-02-03')).toEqual([]);
  });
});

describe('NationalIdProtector', () => {
  const key = () => randomBytes(32);
  const hmacKey = key();

  it('hashes equal IDs equally and encrypts them differently each time', () => {
    const protector = new NationalIdProtector({ hmacKey, encryptionKeys: new Map([['k1', key()]]), activeKeyId: 'k1' });
    const a = protector.protect('CN-RIC', '11010519491231002X');
    const b = protector.protect('CN-RIC', '11010519491231002X');
    expect(a.hmac).toBe(b.hmac);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(a.ciphertext).not.toContain('11010519491231002X');
    expect(protector.reveal('CN-RIC', a)).toBe('11010519491231002X');
  });

  it('decrypts with the key id stored, after rotation to a new active key', () => {
    const k1 = key();
    const old = new NationalIdProtector({ hmacKey, encryptionKeys: new Map([['k1', k1]]), activeKeyId: 'k1' });
    const stored = old.protect('CN-RIC', '11010519491231002X');
    const rotated = new NationalIdProtector({
      hmacKey,
      encryptionKeys: new Map([
        ['k2', key()],
        ['k1', k1],
      ]),
      activeKeyId: 'k2',
    });
    expect(rotated.reveal('CN-RIC', stored)).toBe('11010519491231002X');
    expect(rotated.protect('CN-RIC', '11010519491231002X').keyId).toBe('k2');
  });

  it('refuses a ciphertext replayed under another scheme', () => {
    const protector = new NationalIdProtector({ hmacKey, encryptionKeys: new Map([['k1', key()]]), activeKeyId: 'k1' });
    const stored = protector.protect('CN-RIC', '11010519491231002X');
    expect(() => protector.reveal('OTHER', stored)).toThrow();
  });
});
