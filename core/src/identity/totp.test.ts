import { describe, expect, it } from 'vitest';
import { acceptedStep, newTotpSecret, totpAt, totpStep, totpUri } from './totp.js';

// RFC 6238 Appendix B: the seeds are the ASCII strings "12345678901234567890" repeated to the
// hash's key length (20, 32 and 64 bytes), 8 digits, 30-second steps, T0 = 0.
const hex = (ascii: string) => Buffer.from(ascii, 'ascii').toString('hex');
const SEEDS = {
  SHA1: hex('12345678901234567890'),
  SHA256: hex('12345678901234567890123456789012'),
  SHA512: hex('1234567890123456789012345678901234567890123456789012345678901234'),
} as const;
const VECTORS: [number, string, keyof typeof SEEDS][] = [
  [59, '94287082', 'SHA1'],
  [59, '46119246', 'SHA256'],
  [59, '90693936', 'SHA512'],
  [1111111109, '07081804', 'SHA1'],
  [1111111109, '68084774', 'SHA256'],
  [1111111109, '25091201', 'SHA512'],
  [1111111111, '14050471', 'SHA1'],
  [1111111111, '67062674', 'SHA256'],
  [1111111111, '99943326', 'SHA512'],
  [1234567890, '89005924', 'SHA1'],
  [1234567890, '91819424', 'SHA256'],
  [1234567890, '93441116', 'SHA512'],
  [2000000000, '69279037', 'SHA1'],
  [2000000000, '90698825', 'SHA256'],
  [2000000000, '38618901', 'SHA512'],
  [20000000000, '65353130', 'SHA1'],
  [20000000000, '77737706', 'SHA256'],
  [20000000000, '47863826', 'SHA512'],
];

describe('TOTP (RFC 6238)', () => {
  for (const [seconds, code, algorithm] of VECTORS) {
    it(`Appendix B: T=${seconds} ${algorithm} → ${code}`, () => {
      expect(totpAt({ hex: SEEDS[algorithm] }, new Date(seconds * 1000), { digits: 8, algorithm })).toBe(code);
    });
  }

  it('Appendix B time steps (T in hex) match', () => {
    expect(totpStep(new Date(59_000)).toString(16)).toBe('1');
    expect(totpStep(new Date(1111111109_000)).toString(16).toUpperCase()).toBe('23523EC');
    expect(totpStep(new Date(20000000000_000)).toString(16).toUpperCase()).toBe('27BC86AA');
  });

  it('accepts the current step and one either side, once; refuses others and used steps', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-03-01T08:00:10Z');
    const step = totpStep(now);
    const at = (offsetSteps: number) => new Date(now.getTime() + offsetSteps * 30_000);
    expect(acceptedStep(secret, totpAt({ base32: secret }, now), now, null)).toBe(step);
    expect(acceptedStep(secret, totpAt({ base32: secret }, at(-1)), now, null)).toBe(step - 1);
    expect(acceptedStep(secret, totpAt({ base32: secret }, at(1)), now, null)).toBe(step + 1);
    expect(acceptedStep(secret, totpAt({ base32: secret }, at(-2)), now, null)).toBeNull();
    expect(acceptedStep(secret, totpAt({ base32: secret }, at(2)), now, null)).toBeNull();
    // Used: the same step (or an earlier one) never works twice.
    expect(acceptedStep(secret, totpAt({ base32: secret }, now), now, step)).toBeNull();
    expect(acceptedStep(secret, totpAt({ base32: secret }, at(-1)), now, step)).toBeNull();
    expect(acceptedStep(secret, totpAt({ base32: secret }, at(1)), now, step)).toBe(step + 1);
    expect(acceptedStep(secret, 'abcdef', now, null)).toBeNull();
    expect(acceptedStep(secret, '1234567', now, null)).toBeNull();
  });

  it('secrets are 160 random bits; the URI is what authenticator apps read', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, '482910573618203X', 'Lifelong'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Lifelong:482910573618203X');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: 'Lifelong',
      secret,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});
