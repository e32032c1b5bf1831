import { Secret, TOTP } from 'otpauth';

/**
 * TOTP (RFC 6238) through `otpauth`: HMAC-SHA1, six digits, 30-second steps — what every
 * authenticator app reads from an `otpauth://` URI. One step either side is accepted for clock
 * drift; the caller remembers the last accepted step so that a code works once.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_ALGORITHM = 'SHA1';
const DRIFT_STEPS = 1;

/** A fresh 160-bit secret (RFC 4226 §4 recommends 160 bits), base32 as authenticator apps take it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

const totp = (secretBase32: string, label = 'Lifelong', issuer = 'Lifelong') =>
  new TOTP({
    issuer,
    label,
    secret: Secret.fromBase32(secretBase32),
    algorithm: TOTP_ALGORITHM,
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
  });

/** The `otpauth://totp/…` URI an authenticator app scans (as a QR code) or takes pasted. */
export function totpUri(secretBase32: string, label: string, issuer: string): string {
  return totp(secretBase32, label, issuer).toString();
}

/** The time step of a moment (RFC 6238 §4: T = floor((unix time − T0) / X)). */
export const totpStep = (at: Date): number => TOTP.counter({ period: TOTP_PERIOD_SECONDS, timestamp: at.getTime() });

/**
 * The step a code belongs to (now, or one step either side), or null when it matches none or only
 * steps at or before `lastStep` (already used: a replayed or shoulder-surfed code).
 */
export function acceptedStep(secretBase32: string, code: string, at: Date, lastStep: number | null): number | null {
  if (!/^[0-9]{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: at.getTime(), window: DRIFT_STEPS });
  if (delta === null) return null;
  const step = totpStep(at) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** A code for a moment, with any RFC 6238 parameters (the test vectors use 8 digits and SHA-256/512). */
export function totpAt(
  secret: { hex: string } | { base32: string },
  at: Date,
  options: { digits?: number; algorithm?: 'SHA1' | 'SHA256' | 'SHA512' } = {},
): string {
  return TOTP.generate({
    secret: 'hex' in secret ? Secret.fromHex(secret.hex) : Secret.fromBase32(secret.base32),
    algorithm: options.algorithm ?? TOTP_ALGORITHM,
    digits: options.digits ?? TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: at.getTime(),
  });
}
