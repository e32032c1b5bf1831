import { describe, expect, it } from 'vitest';
import { en } from './en.js';
import { pickLocale } from './locale.js';
import { zhCN } from './zh-CN.js';

/** Every leaf key path of a message tree, e.g. `signIn.title`. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value as object, `${prefix}${key}.`),
  );
}

describe('messages', () => {
  it('zh-CN has exactly the keys of en, none of them empty', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort());
    for (const key of keys(zhCN)) {
      const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], zhCN);
      expect(value, key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys(en)) {
      const get = (tree: object) =>
        key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string;
      expect(placeholders(get(zhCN)), key).toEqual(placeholders(get(en)));
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
