import { type Static, Type } from '@sinclair/typebox';
import { Id, NullableTimestamp, Timestamp, Title, Topic } from './common-schemas.js';

export const PostKind = Type.Union([Type.Literal('article'), Type.Literal('resource')]);
export const PostStatus = Type.Union(
  [Type.Literal('pending'), Type.Literal('published'), Type.Literal('hidden'), Type.Literal('removed')],
  {
    description:
      '`pending`: waits for a moderator (pre-moderation or a spam signal); `published`: readers see it; ' +
      '`hidden`: by flags or a moderator, pending a decision or an appeal; `removed`: by a moderator.',
  },
);

/** A post as readers see it (authors and moderators also see it while it is not published). */
export const Post = Type.Object({
  id: Id,
  regionId: Type.String(),
  authorPersonId: Id,
  authorDisplayName: Type.Union([Type.String(), Type.Null()], {
    description:
      'The name the author chose to be shown by (null until they choose one); legal names never appear here.',
  }),
  kind: PostKind,
  title: Type.String(),
  body: Type.String(),
  topics: Type.Array(Type.String()),
  status: PostStatus,
  file: Type.Union([
    Type.Object({ contentType: Type.String(), name: Type.String(), size: Type.Integer(), sha256: Type.String() }),
    Type.Null(),
  ]),
  createdAt: Timestamp,
  publishedAt: NullableTimestamp,
});
export type Post = Static<typeof Post>;

export const PostParams = Type.Object({ postId: Id });
export { Id, Title, Topic };
