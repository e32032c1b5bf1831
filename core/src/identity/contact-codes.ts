import { randomInt, timingSafeEqual } from 'node:crypto';
import type { NotificationLocale } from '../notifications/notification-ref.js';
import type { NationalIdProtector } from './national-id/protector.js';

/** How long a code works, how often one may be sent, how many guesses it takes. */
export const CODE_TTL_SECONDS = 10 * 60;
export const CODE_RESEND_SECONDS = 60;
export const CODE_MAX_ATTEMPTS = 5;

/** Six digits from the platform's CSPRNG. */
export const newCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * Codes are kept as a keyed hash bound to their purpose and owner, so a leaked row neither shows
 * the code nor lets it be tried elsewhere; six digits are guessable offline only with the key.
 */
export function codeHash(protector: NationalIdProtector, purpose: string, owner: string, code: string): string {
  return protector.hmac(`code:${purpose}`, `${owner}:${code}`);
}

export function codeMatches(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'hex');
  const b = Buffer.from(actual, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `wang@example.com` → `w***@example.com`; `+8613812345678` → `+86138****5678`. */
export function maskContact(kind: 'email' | 'phone', value: string): string {
  if (kind === 'email') {
    const at = value.lastIndexOf('@');
    return `${value.slice(0, 1)}***${value.slice(at)}`;
  }
  return `${value.slice(0, Math.max(value.length - 8, 2))}****${value.slice(-4)}`;
}

/** Canonical forms: emails lower-cased (domains are case-free; we treat the local part so too). */
export function normalizeContact(kind: 'email' | 'phone', value: string): string {
  return kind === 'email' ? value.trim().toLowerCase() : value.trim();
}

const TEXTS = {
  verify: {
    en: {
      subject: 'Your Lifelong verification code',
      text: (code: string) =>
        `Your Lifelong verification code is ${code}. It works once, for 10 minutes. If you did not ask for it, ignore this message.`,
    },
    'zh-CN': {
      subject: '您的终身学习验证码',
      text: (code: string) => `您的终身学习验证码是 ${code}，10 分钟内有效，仅可使用一次。如非本人操作，请忽略本消息。`,
    },
  },
  reset: {
    en: {
      subject: 'Reset your Lifelong password',
      text: (code: string) =>
        `Your Lifelong password reset code is ${code}. It works once, for 10 minutes. If you did not ask for it, your password is unchanged: ignore this message.`,
    },
    'zh-CN': {
      subject: '重置您的终身学习密码',
      text: (code: string) =>
        `您的终身学习密码重置码是 ${code}，10 分钟内有效，仅可使用一次。如非本人操作，您的密码不会改变，请忽略本消息。`,
    },
  },
} as const;

export function codeMessage(purpose: 'verify' | 'reset', locale: NotificationLocale, code: string) {
  const text = TEXTS[purpose][locale];
  return { subject: text.subject, text: text.text(code) };
}
