import { Type } from '@sinclair/typebox';
import { defineNotification } from '../notifications/notification-ref.js';

// Told to the person (and a minor's guardians) so that an erasure asked for with a stolen session
// is seen while it can still be cancelled.
export const ErasureRequested = defineNotification({
  id: 'core.erasure.requested',
  params: Type.Object({ learnerNumber: Type.String() }),
  text: {
    en: {
      title: 'Erasure of your data was requested',
      body: 'Someone asked to erase the data of learner {learnerNumber}. If this was not you or your guardian, cancel the request under My data now and change your password.',
    },
    'zh-CN': {
      title: '有人申请删除您的数据',
      body: '有人申请删除学习者 {learnerNumber} 的数据。如果这不是您或您的监护人所为，请立即在“我的数据”中撤销申请并更改密码。',
    },
  },
});

export const ErasureRejected = defineNotification({
  id: 'core.erasure.rejected',
  params: Type.Object({ learnerNumber: Type.String(), reason: Type.String() }),
  text: {
    en: {
      title: 'Erasure request declined',
      body: 'The request to erase the data of learner {learnerNumber} was declined: {reason}',
    },
    'zh-CN': { title: '删除申请未获批准', body: '删除学习者 {learnerNumber} 数据的申请未获批准：{reason}' },
  },
});

export const PRIVACY_NOTIFICATIONS = [ErasureRequested, ErasureRejected] as const;
