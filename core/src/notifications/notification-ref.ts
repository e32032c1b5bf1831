import type { Static, TObject } from '@sinclair/typebox';

/** The languages every notification is written in; the first is the fallback. */
export const NOTIFICATION_LOCALES = ['en', 'zh-CN'] as const;
export type NotificationLocale = (typeof NOTIFICATION_LOCALES)[number];

/** A notification's words in one language: `{name}` is replaced by the param of that name. */
export interface NotificationText {
  title: string;
  body: string;
}

declare const paramsType: unique symbol;

/**
 * One kind of notification: an id (`<source>.<noun>.<verb>`, like events), the params it carries
 * and its text in every platform language. Stored as id + params and rendered when read, in the
 * reader's language, so a notification reads right after a person switches languages.
 */
export interface NotificationRef<P = Record<string, unknown>> {
  readonly id: string;
  readonly params: TObject;
  readonly text: Readonly<Record<NotificationLocale, NotificationText>>;
  readonly [paramsType]?: P;
}

const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-zA-Z0-9-]*){2}$/;
const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/**
 * Declares a notification. Every placeholder must be a declared param, in every language, so a
 * template can never render a literal `{name}` to a person.
 *
 * @example
 * export const CertificateDecided = defineNotification({
 *   id: 'credit-bank.certificate.decided',
 *   params: Type.Object({ title: Type.String(), decision: Type.String() }),
 *   text: {
 *     en: { title: 'Certificate {decision}', body: 'Your certificate "{title}" was {decision}.' },
 *     'zh-CN': { title: '证书{decision}', body: '您的证书“{title}”已{decision}。' },
 *   },
 * });
 */
export function defineNotification<S extends TObject>(definition: {
  id: string;
  params: S;
  text: Record<NotificationLocale, NotificationText>;
}): NotificationRef<Static<S>> {
  if (!ID_PATTERN.test(definition.id)) {
    throw new Error(`Notification id "${definition.id}" must look like "<source>.<noun>.<verb>"`);
  }
  for (const locale of NOTIFICATION_LOCALES) {
    const text = definition.text[locale];
    if (!text) throw new Error(`Notification "${definition.id}" has no ${locale} text`);
    for (const part of [text.title, text.body]) {
      for (const [, name] of part.matchAll(PLACEHOLDER)) {
        if (!(name && name in definition.params.properties)) {
          throw new Error(`Notification "${definition.id}" (${locale}) uses {${name}}, which is not a param`);
        }
      }
    }
  }
  return Object.freeze({ ...definition }) as NotificationRef<Static<S>>;
}

/** Fills `{name}` placeholders; values are text, never markup (clients must not render HTML). */
export function renderText(template: string, params: Record<string, unknown>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => String(params[name] ?? ''));
}

/**
 * The best platform language for an `Accept-Language` header (RFC 9110 weights; `zh`, `zh-Hans`
 * and `zh-CN` all mean zh-CN); English without a match.
 */
export function pickLocale(acceptLanguage: string | undefined): NotificationLocale {
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranges) {
    if (tag === 'zh' || tag.startsWith('zh-cn') || tag.startsWith('zh-hans') || tag === 'zh-sg') return 'zh-CN';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return 'en';
}
