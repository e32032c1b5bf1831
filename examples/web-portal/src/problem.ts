import { LifelongError, LifelongNetworkError, LifelongTimeoutError } from '@lifelong/sdk';

export interface ShownError {
  /** What to show: the problem's `detail` (or title), or a plain sentence when there was no answer. */
  message: string;
  /** Field messages by request field name (`/body/legalName` → `legalName`). */
  fields: Record<string, string>;
}

/**
 * Turns anything a call threw into what the page shows. The platform's problem+json `detail` is
 * shown as it is (it names the field and the rule) unless `byCode` translates the problem's `code`
 * (the platform writes details in English); no answer at all becomes `offline`.
 */
export function describeError(
  error: unknown,
  offline: string,
  fallback: string,
  byCode?: (code: string) => string | undefined,
): ShownError {
  if (error instanceof LifelongError) {
    const fields: Record<string, string> = {};
    for (const item of error.errors) {
      const field = item.path.replace(/^\/body\//, '').split('/')[0];
      if (field && !(field in fields)) fields[field] = item.message;
    }
    const translated = byCode?.(error.code);
    if (translated) return { message: translated, fields };
    const detail = error.problem.detail ?? error.problem.title;
    return { message: typeof detail === 'string' && detail !== '' ? detail : fallback, fields };
  }
  if (error instanceof LifelongNetworkError || error instanceof LifelongTimeoutError)
    return { message: offline, fields: {} };
  return { message: fallback, fields: {} };
}

/** Formats an amount in minor units (`"15"` at scale 1 is `"1.5"`) without floating point. */
export function formatScaled(minor: string, scale: number, locale: string): string {
  const negative = minor.startsWith('-');
  const digits = (negative ? minor.slice(1) : minor).padStart(scale + 1, '0');
  const whole = BigInt(digits.slice(0, digits.length - scale));
  const fraction = scale > 0 ? digits.slice(digits.length - scale) : '';
  const wholeText = new Intl.NumberFormat(locale).format(whole);
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  return `${negative ? '-' : ''}${wholeText}${fraction ? decimal + fraction : ''}`;
}
