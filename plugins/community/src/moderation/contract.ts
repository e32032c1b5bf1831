import { defineContract } from '@lifelong/core/contract';
import {
  AlreadyFlagged,
  MemberNotFound,
  NotAModerator,
  PeopleOnly,
  PostNotFound,
  SecondModeratorRequired,
  Suspended,
  SuspensionNotFound,
  TrustLevelTooLow,
} from '../errors.js';
import { Post, PostParams } from '../shared/post-schemas.js';
import {
  ActionPage,
  ActionQuery,
  CreateFlagBody,
  DecisionBody,
  Flag,
  PersonParams,
  QueuePage,
  QueueQuery,
  Suspension,
  SuspensionBody,
  SuspensionParams,
  Warning,
  WarningBody,
} from './schemas.js';

const moderators = { authenticated: 'the region’s community moderators' } as const;
const modOnly = 'Everyone else gets 403 `COMMUNITY_NOT_A_MODERATOR`.';

export const flagPost = defineContract({
  operationId: 'posts.flags.create',
  method: 'post',
  path: '/posts/{postId}/flags',
  summary: 'Flag a post with a reason (trust level 1 and up)',
  description:
    'Readers of a published post, from trust level 1 (403 `COMMUNITY_TRUST_LEVEL_TOO_LOW` says how to get there); ' +
    'not its author (403 `CONFLICT_OF_INTEREST`); once per person (409 `COMMUNITY_ALREADY_FLAGGED`). When the ' +
    "region's `autoHideFlags` flags are open the post is hidden from readers at once, until a moderator decides. " +
    'Posts the caller cannot see are 404.',
  access: { authenticated: 'readers of the post from trust level 1' },
  request: { params: PostParams, body: CreateFlagBody },
  responses: { 201: { description: 'The flag', schema: Flag } },
  errors: [PeopleOnly, PostNotFound, Suspended, TrustLevelTooLow, AlreadyFlagged],
});

export const reviewQueue = defineContract({
  operationId: 'moderation.queue.list',
  method: 'get',
  path: '/moderation/queue',
  summary: "The region's one review queue, highest score first",
  description:
    'Pending posts and posts with open flags. score = Σ open flags (weight(reason) × flagger accuracy) + 2 × spam ' +
    "signals + (4 − author's trust level) + min(hours waiting, 72) / 24; weights illegal 10, abuse 6, spam 5, " +
    'offTopic 2, other 1; accuracy = (upheld + 1) / (upheld + rejected + 2). Pages keep the first page’s time. ' +
    modOnly,
  access: moderators,
  request: { query: QueueQuery },
  responses: { 200: { description: 'A page of the queue', schema: QueuePage } },
  errors: [NotAModerator],
});

export const decide = defineContract({
  operationId: 'moderation.posts.decide',
  method: 'post',
  path: '/moderation/posts/{postId}/decision',
  summary: 'Approve, hide or remove a post, with a stated reason',
  description:
    '`approve` publishes it and rejects its open flags; `hide` and `remove` take it from readers at once and uphold ' +
    'them (the flaggers’ accuracy and the author’s trust follow). Not on one’s own post (403 ' +
    '`CONFLICT_OF_INTEREST`). Audited. ' +
    modOnly,
  access: moderators,
  request: { params: PostParams, body: DecisionBody },
  responses: { 200: { description: 'The post after the decision', schema: Post } },
  errors: [NotAModerator, PostNotFound],
});

export const warn = defineContract({
  operationId: 'moderation.people.warnings.create',
  method: 'post',
  path: '/moderation/people/{personId}/warnings',
  summary: 'Warn a person, with a stated reason',
  description: `Audited; never oneself. ${modOnly}`,
  access: moderators,
  request: { params: PersonParams, body: WarningBody },
  responses: { 201: { description: 'The warning', schema: Warning } },
  errors: [NotAModerator, MemberNotFound],
});

export const proposeSuspension = defineContract({
  operationId: 'moderation.people.suspensions.create',
  method: 'post',
  path: '/moderation/people/{personId}/suspensions',
  summary: 'Propose a suspension (a second moderator must confirm it)',
  description: `The suspension is \`proposed\` until another moderator confirms it. Audited; never oneself. ${modOnly}`,
  access: moderators,
  request: { params: PersonParams, body: SuspensionBody },
  responses: { 201: { description: 'The proposal', schema: Suspension } },
  errors: [NotAModerator, MemberNotFound],
});

export const confirmSuspension = defineContract({
  operationId: 'moderation.suspensions.confirm',
  method: 'post',
  path: '/moderation/suspensions/{suspensionId}/confirmation',
  summary: 'Confirm a proposed suspension (a different moderator)',
  description:
    'Puts it in force for its days from now: the person may read but not post, flag or offer. The proposer gets ' +
    `409 \`COMMUNITY_SECOND_MODERATOR_REQUIRED\`; confirming twice changes nothing. ${modOnly}`,
  access: moderators,
  request: { params: SuspensionParams },
  responses: { 200: { description: 'The suspension', schema: Suspension } },
  errors: [NotAModerator, SuspensionNotFound, SecondModeratorRequired],
});

export const actionLog = defineContract({
  operationId: 'moderation.actions.list',
  method: 'get',
  path: '/moderation/actions',
  summary: "The region's moderation log, oldest first",
  description: `Every decision, warning, suspension step, trust level change and appeal outcome, with its reason. ${modOnly}`,
  access: moderators,
  request: { query: ActionQuery },
  responses: { 200: { description: 'A page of the log', schema: ActionPage } },
  errors: [NotAModerator],
});
