import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { NotFound } from '../errors/core-errors.js';
import { actorOf, signedIn } from '../http/request-context.js';
import { route } from '../http/route.js';
import { requirePermission } from '../identity/authorize.js';
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
    route(contract.setTwoFactorPolicy, async ({ params, body }, c) => {
      // Not yours and not there answer alike: a region admin of another region learns nothing.
      requirePermission(signedIn(c), 'regions.security.manage', { regionId: params.regionId });
      const row = await requestTransaction(db(), async (tx) => {
        const [before] = await tx.select().from(regions).where(eq(regions.id, params.regionId)).for('update').limit(1);
        if (!before) throw NotFound({ detail: `No region "${params.regionId}".` });
        const [updated] = await tx
          .update(regions)
          .set({ twoFactorRequired: body.required })
          .where(eq(regions.id, params.regionId))
          .returning();
        await recordAudit(tx, actorOf(c), {
          action: 'region.two-factor.set',
          subjectType: 'region',
          subjectId: params.regionId,
          regionId: params.regionId,
          details: { from: before.twoFactorRequired, to: body.required },
        });
        return updated as typeof regions.$inferSelect;
      });
      return { status: 200, body: toView(row) };
    }),
  ];
}
