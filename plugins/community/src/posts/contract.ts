import { defineContract } from '@lifelong/core/contract';
import {
  FileMismatch,
  FileTooLarge,
  LimitReached,
  PeopleOnly,
  PostNotFound,
  Suspended,
  TrustLevelTooLow,
} from '../errors.js';
import { CreatePostBody, FileQuery, Post, PostListQuery, PostPage, PostParams } from './schemas.js';

const FILE_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'video/mp4', 'video/webm', 'audio/mpeg'];
const notYours =
  'A post that is not published is seen only by its author and the region’s moderators; anyone else gets 404 ' +
  '`COMMUNITY_POST_NOT_FOUND`, as for no post at all.';

export const createPost = defineContract({
  operationId: 'posts.create',
  method: 'post',
  path: '/posts',
  summary: 'Publish an article or a resource (anyone signed in)',
  description:
    "Any signed-in person, under the region's content rules (400 naming the field: `allowedKind`, `maxBodyLength`, " +
    '`contentRule` for a blocked term) and their trust level: `linksPerPost` (400, rule `linksPerPost`) and ' +
    '`postsPerDay` in any 24 hours (429 `COMMUNITY_RATE_LIMITED` with `max`, `used`, `retryAt`); each message says ' +
    'the limit and how to reach the next level. Below `premoderateBelowLevel` (new providers), and for ' +
    'near-duplicates of a recent post of the region, the post is `pending` until a moderator approves it. ' +
    'Suspended people get 403 `COMMUNITY_SUSPENDED`; API keys 403 `COMMUNITY_PEOPLE_ONLY`.',
  access: { authenticated: 'any signed-in person' },
  request: { body: CreatePostBody },
  responses: { 201: { description: 'The post (status `published` or `pending`)', schema: Post } },
  errors: [PeopleOnly, Suspended, LimitReached],
});

export const listPosts = defineContract({
  operationId: 'posts.list',
  method: 'get',
  path: '/posts',
  summary: "The region's published posts, oldest first",
  description: 'Public. Only published posts: pending, hidden and removed ones never appear. `?topic=` filters.',
  access: { public: true },
  request: { query: PostListQuery },
  responses: { 200: { description: 'A page of posts', schema: PostPage } },
});

export const getPost = defineContract({
  operationId: 'posts.get',
  method: 'get',
  path: '/posts/{postId}',
  summary: 'One post',
  description: `Public for published posts; a signed-in person's first read of another's post counts towards their trust level. ${notYours}`,
  access: { public: true },
  request: { params: PostParams },
  responses: { 200: { description: 'The post', schema: Post } },
  errors: [PostNotFound],
});

export const attachFile = defineContract({
  operationId: 'posts.file.put',
  method: 'put',
  path: '/posts/{postId}/file',
  summary: 'Attach a file to a post (its author), replacing any earlier one',
  description:
    'The raw body is one file (`application/pdf`, `image/png`, `image/jpeg`, `video/mp4`, `video/webm`, ' +
    "`audio/mpeg`), streamed to the core's file store; its bytes are sniffed and must match the declared type " +
    "(415 `COMMUNITY_FILE_TYPE_MISMATCH`), within the region's `maxFileBytes` (413 `COMMUNITY_FILE_TOO_LARGE`) and " +
    "the author's `filesPerDay` (429 `COMMUNITY_RATE_LIMITED`). `?name=` is the download's file name. Others' posts " +
    'are 404.',
  access: { authenticated: 'the post’s author' },
  request: {
    params: PostParams,
    query: FileQuery,
    upload: { contentTypes: FILE_TYPES, maxBytes: 200 * 1024 * 1024, stream: true },
  },
  responses: { 200: { description: 'The post with its file', schema: Post } },
  errors: [PeopleOnly, PostNotFound, Suspended, TrustLevelTooLow, FileMismatch, FileTooLarge, LimitReached],
});

export const getFile = defineContract({
  operationId: 'posts.file.get',
  method: 'get',
  path: '/posts/{postId}/file',
  summary: "Download a post's file",
  description:
    `For whoever may see the post. ${notYours} A post without a file is 404 too. Served as an attachment with ` +
    'its sniffed type, `nosniff` and a sandboxing CSP; supports `Range` and `If-None-Match`.',
  access: { public: true },
  request: { params: PostParams },
  responses: {
    200: { description: 'The file', file: { contentTypes: FILE_TYPES } },
    206: { description: 'A byte range of the file', file: { contentTypes: FILE_TYPES } },
    304: { description: 'Not modified' },
  },
  errors: [PostNotFound],
});
