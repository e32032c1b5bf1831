import type { Context } from 'hono';
import type { Database } from '../db/database.js';
import { NotFound } from '../errors/core-errors.js';
import type { AppEnv } from '../http/app-env.js';
import { signedInPerson } from '../http/request-context.js';
import { route } from '../http/route.js';
import * as contract from './contract.js';
import { notificationView, pickLocale } from './notifier.js';
import type { NotificationRegistry } from './registry.js';
import { listNotifications, markAllRead, markRead, unreadCount } from './store.js';

const personOf = (c: Context<AppEnv>) => signedInPerson(c, 'API keys have no inbox.').id;

export function notificationRoutes(db: () => Database, registry: NotificationRegistry, now: () => Date) {
  return [
    route(contract.listNotifications, async ({ query }, c) => {
      const personId = personOf(c);
      const locale = pickLocale(c.req.header('accept-language'));
      const page = await listNotifications(db(), personId, {
        limit: query.limit ?? 50,
        cursor: query.cursor,
        unread: query.unread,
      });
      return {
        status: 200,
        body: {
          items: page.items.map((row) => notificationView(registry, row, locale)),
          nextCursor: page.nextCursor,
          unreadCount: await unreadCount(db(), personId),
        },
      };
    }),
    route(contract.readNotification, async ({ params }, c) => {
      const personId = personOf(c);
      const row = await markRead(db(), personId, params.notificationId, now());
      if (!row) throw NotFound({ detail: `You have no notification ${params.notificationId}.` });
      return { status: 200, body: notificationView(registry, row, pickLocale(c.req.header('accept-language'))) };
    }),
    route(contract.readAllNotifications, async (_input, c) => {
      const personId = personOf(c);
      return { status: 200, body: { marked: await markAllRead(db(), personId, now()) } };
    }),
  ];
}
