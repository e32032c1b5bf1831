import { Type } from '@sinclair/typebox';
import { defineNotification } from '../notifications/notification-ref.js';

// The core's own notifications: security events a person must hear about even when they did not
// cause them (someone else holding their password is the reason to tell them).

export const PasswordChanged = defineNotification({
  id: 'core.password.changed',
  params: Type.Object({ sessionsEnded: Type.Integer() }),
  text: {
    en: {
      title: 'Your password was changed',
      body: 'Your password was changed and {sessionsEnded} other session(s) were signed out. If this was not you, contact your registrar now.',
    },
    'zh-CN': {
      title: '您的密码已更改',
      body: '您的密码已更改，其他 {sessionsEnded} 个会话已退出登录。如果这不是您本人操作，请立即联系登记员。',
    },
  },
});

export const PasswordSetByGuardian = defineNotification({
  id: 'core.password.set-by-guardian',
  params: Type.Object({}),
  text: {
    en: {
      title: 'Your guardian set a new password',
      body: 'Your guardian set a new password for you. Ask them for it to sign in.',
    },
    'zh-CN': { title: '监护人为您设置了新密码', body: '您的监护人为您设置了新密码。请向监护人询问新密码后登录。' },
  },
});

export const CORE_NOTIFICATIONS = [PasswordChanged, PasswordSetByGuardian];
