// Apart from the error handling in problem.ts (which needs hono) so that the schemas entry loads
// no server code.
import { Type } from '@sinclair/typebox';

/** The RFC 9457 body every error response has; also the OpenAPI `Problem` component. */
export const Problem = Type.Object(
  {
    type: Type.String({ description: 'Stable URI naming the kind of problem, e.g. urn:lifelong:problem:not-found.' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String({ description: 'The request path.' })),
    code: Type.String({ description: 'Stable machine-readable code, e.g. NOT_FOUND.' }),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(
      Type.Array(Type.Object({ path: Type.String(), rule: Type.String(), message: Type.String() })),
    ),
  },
  { additionalProperties: true, $id: 'Problem' },
);
