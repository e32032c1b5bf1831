import { describe, expect, it } from 'vitest';
import { CENTERS } from '../centers/index.js';
import { en } from './en.js';
import { pickLocale } from './locale.js';
import { messages } from './messages.js';
import { zhCN } from './zh-CN.js';

/** Every leaf key path of a message tree, e.g. `signIn.title`. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

describe('messages', () => {
  it('zh-CN has exactly the keys of en, none of them empty (the core pages and every center)', () => {
    const zh = messages['zh-CN'];
    expect(keys(zh).sort()).toEqual(keys(messages.en).sort());
    for (const key of keys(zh)) {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zh);
      expect(value, key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys(messages.en)) {
      const get = (tree: object) =>
        key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
      expect(placeholders(get(messages['zh-CN'])), key).toEqual(placeholders(get(messages.en)));
    }
  });

  it('labels the sign-in form as the acceptance asks, in both languages', () => {
    expect([en.signIn.learnerNumber, en.signIn.password, en.signIn.submit]).toEqual([
      'Learner number',
      'Password',
      'Sign in',
    ]);
    expect([zhCN.signIn.learnerNumber, zhCN.signIn.password, zhCN.signIn.submit]).toEqual([
      '学习者编号',
      '密码',
      '登录',
    ]);
  });
});

describe('the centers', () => {
  it('each has its own namespace, not shadowing a core page', () => {
    const namespaces = CENTERS.map((center) => center.namespace);
    expect(new Set(namespaces).size).toBe(namespaces.length);
    for (const namespace of namespaces) expect(Object.keys(en)).not.toContain(namespace);
  });

  it('each has a name for the navigation and the home page, in both languages (centers.<namespace>)', () => {
    expect(Object.keys(en.centers).sort()).toEqual(CENTERS.map((center) => center.namespace).sort());
    expect(Object.keys(zhCN.centers).sort()).toEqual(Object.keys(en.centers).sort());
  });

  it("marks every route as its plugin's and for signed-in people, titled by one of its messages", () => {
    for (const center of CENTERS) {
      for (const route of center.routes) {
        expect(route.meta).toMatchObject({ auth: true, plugin: center.pluginId });
        expect(String(route.meta?.title)).toMatch(new RegExp(`^${center.namespace}\\.`));
        expect(keys(messages.en)).toContain(route.meta?.title);
      }
      for (const entry of center.nav) {
        expect(keys(messages.en)).toContain(entry.label);
        expect(center.routes.map((route) => route.path)).toContain(entry.to);
      }
    }
  });
});

describe('the initial language', () => {
  it('is the remembered one when there is one', () => {
    expect(pickLocale('en', ['zh-CN'])).toBe('en');
  });
  it("is the browser's first supported language otherwise (any Chinese is zh-CN)", () => {
    expect(pickLocale(null, ['fr-FR', 'zh-TW', 'en'])).toBe('zh-CN');
    expect(pickLocale(null, ['en-GB', 'zh-CN'])).toBe('en');
    expect(pickLocale('klingon', ['de'])).toBe('en');
  });
});
