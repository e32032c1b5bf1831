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

export const TwoFactorEnabled = defineNotification({
  id: 'core.two-factor.enabled',
  params: Type.Object({ sessionsEnded: Type.Integer() }),
  text: {
    en: {
      title: 'Two-factor sign-in is on',
      body: 'Signing in now needs a code from your authenticator app; {sessionsEnded} other session(s) were signed out. If this was not you, contact your registrar now.',
    },
    'zh-CN': {
      title: '双重验证登录已开启',
      body: '现在登录需要身份验证器应用中的验证码；其他 {sessionsEnded} 个会话已退出登录。如果这不是您本人操作，请立即联系登记员。',
    },
  },
});

export const TwoFactorDisabled = defineNotification({
  id: 'core.two-factor.disabled',
  params: Type.Object({}),
  text: {
    en: {
      title: 'Two-factor sign-in is off',
      body: 'Signing in no longer needs an authenticator code. If this was not you, change your password and contact your registrar now.',
    },
    'zh-CN': {
      title: '双重验证登录已关闭',
      body: '登录不再需要身份验证器验证码。如果这不是您本人操作，请立即更改密码并联系登记员。',
    },
  },
});

export const RecoveryCodeUsed = defineNotification({
  id: 'core.two-factor.recovery-code-used',
  params: Type.Object({ left: Type.Integer() }),
  text: {
    en: {
      title: 'A recovery code was used to sign in',
      body: 'Someone signed in with one of your recovery codes; {left} are left. If this was not you, change your password now.',
    },
    'zh-CN': {
      title: '有人使用恢复码登录',
      body: '有人使用您的一个恢复码登录，剩余 {left} 个。如果这不是您本人操作，请立即更改密码。',
    },
  },
});

export const CORE_NOTIFICATIONS = [
  PasswordChanged,
  PasswordSetByGuardian,
  TwoFactorEnabled,
  TwoFactorDisabled,
  RecoveryCodeUsed,
];
