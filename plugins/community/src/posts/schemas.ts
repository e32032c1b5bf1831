import { Page, PageQuery } from '@lifelong/core/schemas';
import { type Static, Type } from '@sinclair/typebox';
import { Post, PostKind, Title, Topic } from '../shared/post-schemas.js';

export const CreatePostBody = Type.Object(
  {
    kind: PostKind,
    title: Title,
    body: Type.String({
      minLength: 1,
      maxLength: 100_000,
      description: "Plain text or Markdown; the region's `maxBodyLength` may be shorter.",
    }),
    topics: Type.Optional(Type.Array(Topic, { maxItems: 10, uniqueItems: true, description: 'Default: none.' })),
  },
  { additionalProperties: false },
);
export type CreatePostBody = Static<typeof CreatePostBody>;

export const PostListQuery = Type.Object(
  { ...PageQuery.properties, topic: Type.Optional(Topic) },
  { additionalProperties: false },
);
export type PostListQuery = Static<typeof PostListQuery>;
export const PostPage = Page(Post);

export const FileQuery = Type.Object(
  { name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '^[^/\\\\]+$' })) },
  { additionalProperties: false },
);

export { Post, PostParams } from '../shared/post-schemas.js';
