import { Type } from '@sinclair/typebox';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { actorOf } from '../http/request-context.js';
import { defineRoute } from '../http/route.js';
import { RegionExists, UnknownRegion } from '../identity/errors.js';
import { HumanText } from '../text/human-text.js';
import { RegionId } from './region-id.js';
import { regions } from './schema.js';

const RegionView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
});
const toView = (row: typeof regions.$inferSelect) => ({ ...row, createdAt: row.createdAt.toISOString() });

export function regionRoutes(db: () => Database) {
  return [
    defineRoute({
      method: 'get',
      path: '/regions',
      summary: 'List regions',
      description: 'Public: every region with its parent, ordered by id.',
      access: { public: true },
      responses: { 200: { description: 'Every region', schema: Type.Object({ items: Type.Array(RegionView) }) } },
      handler: async () => ({
        status: 200,
        body: { items: (await db().select().from(regions).orderBy(regions.id)).map(toView) },
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/regions',
      summary: 'Create a region',
      description: 'Regions are platform-wide: only a platform-scoped grant of `regions.manage` may create one.',
      access: { permission: 'regions.manage', scope: 'platform' },
      errors: [RegionExists, UnknownRegion],
      request: {
        body: Type.Object(
          { id: RegionId, name: HumanText({ minLength: 1, maxLength: 200 }), parentId: Type.Optional(RegionId) },
          { additionalProperties: false },
        ),
      },
      responses: { 201: { description: 'Created', schema: RegionView } },
      handler: async ({ body }, c) => {
        const row = await requestTransaction(db(), async (tx) => {
          if (body.parentId) {
            const [parent] = await tx.select().from(regions).where(eq(regions.id, body.parentId)).limit(1);
            if (!parent) throw UnknownRegion({ detail: `Parent region "${body.parentId}" does not exist.` });
          }
          const [created] = await tx
            .insert(regions)
            .values({ id: body.id, name: body.name, parentId: body.parentId ?? null })
            .onConflictDoNothing()
            .returning();
          if (!created) throw RegionExists();
          await recordAudit(tx, actorOf(c), {
            action: 'region.created',
            subjectType: 'region',
            subjectId: body.id,
            regionId: body.id,
          });
          return created;
        });
        return { status: 201, body: toView(row) };
      },
    }),
  ];
}
