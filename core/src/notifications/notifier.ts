import { Value } from '@sinclair/typebox/value';
import type { Queryable } from '../db/database.js';
import { type NotificationLocale, type NotificationRef, pickLocale, renderText } from './notification-ref.js';
import type { NotificationRegistry } from './registry.js';
import { insertNotifications, type NotificationRow } from './store.js';

export interface NotifyOptions {
  /** A portal path the notification opens (relative, starting with `/`). */
  link?: string;
  regionId?: string | null;
}

/**
 * Puts a notification in each person's inbox, in the caller's transaction. The params are checked
 * against the notification's schema: a sender bug fails its own request, not a reader's inbox.
 */
export async function notify<P>(
  db: Queryable,
  registry: NotificationRegistry,
  source: string,
  ref: NotificationRef<P>,
  personIds: readonly string[],
  params: P,
  options: NotifyOptions = {},
): Promise<string[]> {
  if (!registry.has(ref as NotificationRef)) {
    throw new Error(`Notification "${ref.id}" is not declared (definePlugin({ notifications }))`);
  }
  if (!Value.Check(ref.params, params)) {
    const first = [...Value.Errors(ref.params, params)][0];
    throw new Error(`Notification "${ref.id}": params invalid at ${first?.path || '/'}: ${first?.message}`);
  }
  if (options.link !== undefined && !/^\/(?!\/)/.test(options.link)) {
    throw new Error(`Notification "${ref.id}": link must be a portal path starting with one "/"`);
  }
  return insertNotifications(db, {
    personIds,
    regionId: options.regionId ?? null,
    source,
    kind: ref.id,
    params: params as Record<string, unknown>,
    link: options.link ?? null,
  });
}

/** A stored notification in the reader's language. A kind no longer installed still reads, plainly. */
export function notificationView(registry: NotificationRegistry, row: NotificationRow, locale: NotificationLocale) {
  const ref = registry.get(row.kind);
  const text = ref?.text[locale] ?? ref?.text.en;
  return {
    id: row.id,
    kind: row.kind,
    source: row.source,
    locale,
    title: text ? renderText(text.title, row.params) : row.kind,
    body: text ? renderText(text.body, row.params) : '',
    link: row.link,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}

export { pickLocale };
