import { state } from '../../session.js';

// The community has no "my posts" or "my appeals" list yet (docs/plugins/community.md): the portal
// remembers, in this browser, the ids of the posts a person wrote and the appeals they opened.
const key = (what: 'posts' | 'appeals') => `lifelong.community.${what}.${state.me?.person?.learnerNumber ?? ''}`;

function read(what: 'posts' | 'appeals'): Record<string, string> {
  try {
    const raw = globalThis.localStorage?.getItem(key(what));
    const value: unknown = raw ? JSON.parse(raw) : {};
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function write(what: 'posts' | 'appeals', value: Record<string, string>) {
  try {
    globalThis.localStorage?.setItem(key(what), JSON.stringify(value));
  } catch {
    // storage refused (private mode): nothing remembered
  }
}

/** The ids of the posts I wrote here, newest first. */
export const myPostIds = (): string[] => Object.keys(read('posts')).reverse();
export function rememberPost(postId: string): void {
  write('posts', { ...read('posts'), [postId]: new Date().toISOString() });
}

/** The appeal I opened against a post's decision, if I did here. */
export const appealOf = (postId: string): string | undefined => read('appeals')[postId];
export function rememberAppeal(postId: string, appealId: string): void {
  write('appeals', { ...read('appeals'), [postId]: appealId });
}
