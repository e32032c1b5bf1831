import type { FieldError } from '@lifelong/core';

/**
 * How far ahead of the server's clock a "happened at" date (a record's `completedAt`) may be:
 * five minutes, for clients whose clocks run a little fast. Anything later has not happened yet
 * and is refused wherever records enter (the API, certificates, imports, other plugins' completions).
 */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** The field error for a date after now + the allowance, or null when the date may stand. */
export function futureDateError(date: Date, now: Date, path: string): FieldError | null {
  if (date.getTime() <= now.getTime() + CLOCK_SKEW_MS) return null;
  return {
    path,
    rule: 'notInFuture',
    message: `Must not be later than now (${now.toISOString()}) plus ${CLOCK_SKEW_MS / 60_000} minutes`,
  };
}
