import { type DestinationStream, type LevelWithSilent, type Logger, pino } from 'pino';
import { serializeError } from './error-serializer.js';

/**
 * Log fields that may carry secrets or personal data, wherever they appear (two levels deep).
 * Handlers should not log these at all; this is the net under that rule.
 */
const REDACTED_KEYS = [
  'authorization',
  'password',
  'token',
  'apiKey',
  'adminKey',
  'secret',
  'nationalId',
  'databaseUrl',
  'email',
  'phone',
];
export const REDACT_PATHS = REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Where JSON lines go; stdout by default. Tests pass a stream that captures them. */
  destination?: DestinationStream;
}

/** The platform's structured JSON logger (pino), with secrets, personal data and query values redacted. */
export function createLogger({ level = 'info', destination }: LoggerOptions = {}): Logger {
  const options = {
    level,
    base: { service: 'lifelong' },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // Errors without the values their queries carried (error-serializer.ts).
    serializers: { err: serializeError },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
