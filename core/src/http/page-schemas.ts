// Apart from the cursor code (which needs Buffer and the error types) so that the schemas entry
// loads no server code.
import { type Static, type TSchema, Type } from '@sinclair/typebox';

/** Query parameters of every list route: `?limit=&cursor=`. */
export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'Page size.' })),
    cursor: Type.Optional(
      Type.String({ maxLength: 512, pattern: '^[A-Za-z0-9_-]+$', description: 'From the previous page.' }),
    ),
  },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

/** The response of every list route: `{ items, nextCursor }` (`null` on the last page). */
export function Page<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) });
}
