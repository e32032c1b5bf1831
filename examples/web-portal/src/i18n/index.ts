import { createI18n } from 'vue-i18n';
import { type Locale, pickLocale } from './locale.js';
import { messages } from './messages.js';

export { LOCALE_NAMES, LOCALES, type Locale } from './locale.js';

const STORAGE_KEY = 'lifelong.locale';

export const i18n = createI18n({
  legacy: false,
  locale: pickLocale(safeStorage()?.getItem(STORAGE_KEY) ?? null, navigator.languages),
  fallbackLocale: 'en',
  messages,
});

/** The current language. */
export const currentLocale = (): Locale => i18n.global.locale.value as Locale;

/** Switches the language, remembers it and tells assistive technology through `<html lang>`. */
export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  safeStorage()?.setItem(STORAGE_KEY, locale);
}

// Storage can be unavailable (privacy modes); the portal then simply forgets.
function safeStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}
