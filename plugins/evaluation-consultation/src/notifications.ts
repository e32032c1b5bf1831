import { defineNotification } from '@lifelong/core';
import { Type } from '@sinclair/typebox';

// What the engagement tells its people, in every platform language. Params are stage names and
// dates, never personal details.

export const StageEntered = defineNotification({
  id: 'evaluation-consultation.stage.entered',
  params: Type.Object({ stage: Type.String() }),
  text: {
    en: { title: 'Engagement moved on', body: 'The engagement moved to the stage "{stage}".' },
    'zh-CN': { title: '评估咨询进入新阶段', body: '评估咨询已进入“{stage}”阶段。' },
  },
});

export const DraftReleased = defineNotification({
  id: 'evaluation-consultation.draft.released',
  params: Type.Object({ closesAt: Type.String() }),
  text: {
    en: {
      title: 'Draft report to check',
      body: 'The draft report is ready for your factual-accuracy check. Comments are open until {closesAt}.',
    },
    'zh-CN': { title: '报告初稿待核实', body: '报告初稿已发布，请核实事实。意见提交截止于 {closesAt}。' },
  },
});

export const StageDueSoon = defineNotification({
  id: 'evaluation-consultation.stage.due-soon',
  params: Type.Object({ stage: Type.String(), dueAt: Type.String() }),
  text: {
    en: { title: 'Stage due soon', body: 'The stage "{stage}" is due at {dueAt}.' },
    'zh-CN': { title: '阶段即将到期', body: '“{stage}”阶段将于 {dueAt} 到期。' },
  },
});

export const StageOverdueNotice = defineNotification({
  id: 'evaluation-consultation.stage.overdue',
  params: Type.Object({ stage: Type.String(), dueAt: Type.String() }),
  text: {
    en: { title: 'Stage overdue', body: 'The stage "{stage}" was due at {dueAt} and is not done.' },
    'zh-CN': { title: '阶段已逾期', body: '“{stage}”阶段已于 {dueAt} 到期，尚未完成。' },
  },
});

export const notifications = [StageEntered, DraftReleased, StageDueSoon, StageOverdueNotice];
