import { CENTERS } from '../centers/index.js';
import { en } from './en.js';
import type { Locale } from './locale.js';

/** Messages: strings, nested by key. */
export interface MessageTree {
  [key: string]: string | MessageTree;
}

import { zhCN } from './zh-CN.js';

/** Every message of the portal by language: the core pages' and each center's (under its namespace). */
export const messages: Record<Locale, MessageTree> = {
  en: { ...en, ...Object.fromEntries(CENTERS.map((center) => [center.namespace, center.messages.en])) },
  'zh-CN': { ...zhCN, ...Object.fromEntries(CENTERS.map((center) => [center.namespace, center.messages['zh-CN']])) },
};
