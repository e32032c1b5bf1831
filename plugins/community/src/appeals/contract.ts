import { defineContract } from '@lifelong/core/contract';
import {
  AppealClosed,
  AppealNotFound,
  NotAModerator,
  PeopleOnly,
  PostNotAppealable,
  PostNotFound,
  SecondModeratorRequired,
} from '../errors.js';
import { PostParams } from '../shared/post-schemas.js';
import { Appeal, AppealBody, AppealDecisionBody, AppealParams, MessageBody } from './schemas.js';

const parties = { authenticated: 'the appeal’s author and the region’s moderators' } as const;
const notYours = 'Anyone else gets 404 `COMMUNITY_APPEAL_NOT_FOUND`.';

export const createAppeal = defineContract({
  operationId: 'posts.appeals.create',
  method: 'post',
  path: '/posts/{postId}/appeals',
  summary: 'Appeal the hiding or removal of my post, saying why',
  description:
    'The post’s author only (others 404), also while suspended; the post must be hidden or removed and have no ' +
    'open appeal (409 `COMMUNITY_POST_NOT_APPEALABLE`). The message opens the dialogue.',
  access: { authenticated: 'the post’s author' },
  request: { params: PostParams, body: AppealBody },
  responses: { 201: { description: 'The appeal', schema: Appeal } },
  errors: [PeopleOnly, PostNotFound, PostNotAppealable],
});

export const getAppeal = defineContract({
  operationId: 'appeals.get',
  method: 'get',
  path: '/appeals/{appealId}',
  summary: 'An appeal with its dialogue',
  description: notYours,
  access: parties,
  request: { params: AppealParams },
  responses: { 200: { description: 'The appeal', schema: Appeal } },
  errors: [AppealNotFound],
});

export const addMessage = defineContract({
  operationId: 'appeals.messages.create',
  method: 'post',
  path: '/appeals/{appealId}/messages',
  summary: 'Add to an open appeal’s dialogue (a moderator’s question, the author’s answer)',
  description: `While the appeal is open (409 \`COMMUNITY_APPEAL_CLOSED\` after). ${notYours}`,
  access: parties,
  request: { params: AppealParams, body: MessageBody },
  responses: { 201: { description: 'The appeal', schema: Appeal } },
  errors: [PeopleOnly, AppealNotFound, AppealClosed],
});

export const decideAppeal = defineContract({
  operationId: 'appeals.decide',
  method: 'post',
  path: '/appeals/{appealId}/decision',
  summary: 'Uphold or overturn an appeal, stating the reason',
  description:
    '`overturned` publishes the post again, turns its upheld flags into rejected ones and gives back the trust ' +
    'the decision cost. Not by the moderator whose decision is appealed (409 ' +
    '`COMMUNITY_SECOND_MODERATOR_REQUIRED`), nor by the author (403 `CONFLICT_OF_INTEREST`); once (409 ' +
    '`COMMUNITY_APPEAL_CLOSED`). Others get 403 `COMMUNITY_NOT_A_MODERATOR`. Audited.',
  access: { authenticated: 'the region’s community moderators' },
  request: { params: AppealParams, body: AppealDecisionBody },
  responses: { 200: { description: 'The decided appeal', schema: Appeal } },
  errors: [NotAModerator, AppealNotFound, AppealClosed, SecondModeratorRequired],
});
