import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { actorOf } from '../http/request-context.js';
import { route } from '../http/route.js';
import { RegionExists, UnknownRegion } from '../identity/errors.js';
import * as contract from './contract.js';
import { regions } from './schema.js';

const toView = (row: typeof regions.$inferSelect) => ({ ...row, createdAt: row.createdAt.toISOString() });

export function regionRoutes(db: () => Database) {
  return [
    route(contract.listRegions, async () => ({
      status: 200,
      body: { items: (await db().select().from(regions).orderBy(regions.id)).map(toView) },
    })),
    route(contract.createRegion, async ({ body }, c) => {
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
    }),
  ];
}
