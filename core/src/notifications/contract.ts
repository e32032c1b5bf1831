import { Type } from '@sinclair/typebox';
import { Forbidden, NotFound } from '../errors/core-errors.js';
import { defineContract } from '../http/contract.js';
import { Page, PageQuery } from '../http/page-schemas.js';

export const NotificationView = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.String({ description: 'What happened, e.g. `core.password.changed`.' }),
  source: Type.String({ description: 'The plugin that sent it, or `core`.' }),
  locale: Type.String({ description: 'The language title and body are in (`en` or `zh-CN`).' }),
  title: Type.String(),
  body: Type.String({ description: 'Plain text: never render it as HTML.' }),
  link: Type.Union([Type.String(), Type.Null()], { description: 'A portal path to open, if any.' }),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

const IdParams = Type.Object({ notificationId: Type.String({ format: 'uuid' }) }, { additionalProperties: false });

export const listNotifications = defineContract({
  operationId: 'me.notifications.list',
  method: 'get',
  path: '/v1/me/notifications',
  summary: 'My notifications, newest first',
  description:
    "The signed-in person's in-app inbox, in the language of Accept-Language (en or zh-CN; English otherwise). " +
    '`unread=true` lists only unread ones; `unreadCount` counts all unread.',
  access: { authenticated: 'a signed-in person' },
  errors: [Forbidden],
  request: {
    query: Type.Composite(
      [PageQuery, Type.Object({ unread: Type.Optional(Type.Boolean({ description: 'Only unread ones.' })) })],
      { additionalProperties: false },
    ),
  },
  responses: {
    200: {
      description: 'A page of notifications',
      schema: Type.Composite([Page(NotificationView), Type.Object({ unreadCount: Type.Integer({ minimum: 0 }) })]),
    },
  },
});

export const readNotification = defineContract({
  operationId: 'me.notifications.read',
  method: 'post',
  path: '/v1/me/notifications/{notificationId}/read',
  summary: 'Mark one of my notifications read',
  description:
    'Idempotent: reading it again keeps the first time. Another person’s notification is a 404, like an unknown one.',
  access: { authenticated: 'a signed-in person' },
  errors: [Forbidden, NotFound],
  request: { params: IdParams },
  responses: { 200: { description: 'Read', schema: NotificationView } },
});

export const readAllNotifications = defineContract({
  operationId: 'me.notifications.readAll',
  method: 'post',
  path: '/v1/me/notifications/read',
  summary: 'Mark all my notifications read',
  description:
    'Marks every unread notification of the signed-in person read and says how many it marked; read ones keep their first time.',
  access: { authenticated: 'a signed-in person' },
  errors: [Forbidden],
  responses: {
    200: { description: 'Done', schema: Type.Object({ marked: Type.Integer({ minimum: 0 }) }) },
  },
});
