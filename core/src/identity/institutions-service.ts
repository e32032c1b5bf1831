import { and, eq, gt } from 'drizzle-orm';
import type { Actor } from '../audit/record.js';
import { recordAudit } from '../audit/record.js';
import type { Database } from '../db/database.js';
import { requestTransaction } from '../db/request-transaction.js';
import { uuidv7 } from '../ids/uuidv7.js';
import { regions } from '../regions/schema.js';
import { forgetCachedApiKeys } from './api-keys.js';
import { requirePermission } from './authorize.js';
import { UnknownInstitution, UnknownRegion } from './errors.js';
import { institutions } from './schema.js';

export type InstitutionRow = typeof institutions.$inferSelect;
export type InstitutionKind = InstitutionRow['kind'];
export type Accreditation = InstitutionRow['accreditation'];

export async function createInstitution(
  db: Database,
  actor: Actor,
  input: { name: string; kind: InstitutionKind; regionId: string },
): Promise<InstitutionRow> {
  requirePermission(actor.principal, 'institutions.manage', { regionId: input.regionId });
  return requestTransaction(db, async (tx) => {
    const [region] = await tx.select({ id: regions.id }).from(regions).where(eq(regions.id, input.regionId)).limit(1);
    if (!region) throw UnknownRegion();
    const [row] = await tx
      .insert(institutions)
      .values({ id: uuidv7(), ...input })
      .returning();
    await recordAudit(tx, actor, {
      action: 'institution.created',
      subjectType: 'institution',
      subjectId: row?.id,
      regionId: input.regionId,
      details: { kind: input.kind },
    });
    return row as InstitutionRow;
  });
}

export async function getInstitution(db: Database, id: string): Promise<InstitutionRow> {
  const [row] = await db.select().from(institutions).where(eq(institutions.id, id)).limit(1);
  if (!row) throw UnknownInstitution();
  return row;
}

export async function listInstitutions(
  db: Database,
  filter: {
    regionId?: string | undefined;
    kind?: InstitutionKind | undefined;
    accreditation?: Accreditation | undefined;
  },
  page: { limit: number; after?: string | undefined },
): Promise<InstitutionRow[]> {
  return db
    .select()
    .from(institutions)
    .where(
      and(
        filter.regionId ? eq(institutions.regionId, filter.regionId) : undefined,
        filter.kind ? eq(institutions.kind, filter.kind) : undefined,
        filter.accreditation ? eq(institutions.accreditation, filter.accreditation) : undefined,
        page.after ? gt(institutions.id, page.after) : undefined,
      ),
    )
    .orderBy(institutions.id)
    .limit(page.limit + 1);
}

export async function setAccreditation(
  db: Database,
  actor: Actor,
  id: string,
  accreditation: Accreditation,
): Promise<InstitutionRow> {
  const changed = await requestTransaction(db, async (tx) => {
    const [current] = await tx.select().from(institutions).where(eq(institutions.id, id)).limit(1);
    if (!current) throw UnknownInstitution();
    requirePermission(actor.principal, 'institutions.manage', { regionId: current.regionId });
    const [row] = await tx.update(institutions).set({ accreditation }).where(eq(institutions.id, id)).returning();
    await recordAudit(tx, actor, {
      action: 'institution.accreditation.changed',
      subjectType: 'institution',
      subjectId: id,
      regionId: current.regionId,
      details: { from: current.accreditation, to: accreditation },
    });
    return row as InstitutionRow;
  });
  // An institution's keys mint credits only while it is accredited.
  forgetCachedApiKeys(db);
  return changed;
}
