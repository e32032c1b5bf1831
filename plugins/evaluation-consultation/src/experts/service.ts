import { type PersonName, toPage } from '@lifelong/core';
import { eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { personOf } from '../context.js';
import { AlreadyDone, ExpertConflicted, ExpertNotFound } from '../errors.js';
import { invalidField } from '../field-error.js';
import { type Access, engagementFor, isLead, isSchool, isTeam, requireActive, requirePart } from '../shared/access.js';
import { record } from '../shared/history.js';
import { type ExpertRow, findings } from '../shared/schema.js';
import { type Candidate, rankExperts } from './ranking.js';
import type { CreateExpertBody } from './schemas.js';
import {
  addExpertMember,
  affiliationsOf,
  assignedExpert,
  expertPage,
  expertRow,
  insertAffiliations,
  insertExpert,
  insertRating,
  ratingsOf,
  regionExperts,
} from './store.js';

// The expert registry: experts of the region, ranked for a school's needs with reasons, never
// assigned where they are in conflict, rated by the schools they worked with.

/** The caller's names for these people (the core gives legal names only to those who may read people). */
const namesOf = (ctx: Ctx, personIds: string[]) => ctx.identity.names(personIds, { legalNames: true });
// A person the core does not know (merged away) has no name to show.
const named = (name: PersonName | undefined): PersonName => name ?? { displayName: null };

const view = (row: ExpertRow, affs: { institutionId: string; until: string }[], name: PersonName | undefined) => ({
  id: row.id,
  personId: row.personId,
  ...named(name),
  fields: row.fields,
  regions: row.regions,
  languages: row.languages,
  available: row.available,
  affiliations: affs.map((a) => ({ institutionId: a.institutionId, until: a.until })),
  createdAt: row.createdAt.toISOString(),
});

export async function registerExpert(ctx: Ctx, body: CreateExpertBody) {
  const actor = personOf(ctx);
  ctx.require('experts.manage', { regionId: ctx.regionId });
  if (!(await ctx.identity.personById(body.personId))) {
    throw invalidField('/body/personId', 'personExists', `No person ${body.personId}.`);
  }
  const row = await insertExpert(ctx.db, {
    regionId: ctx.regionId,
    personId: body.personId,
    fields: body.fields,
    regions: body.regions,
    languages: body.languages,
    available: body.available,
    createdBy: actor,
    createdAt: ctx.now(),
  });
  if (!row) throw AlreadyDone({ detail: 'The person is already in the region’s registry.' });
  await insertAffiliations(ctx.db, row.id, body.affiliations ?? []);
  return view(row, body.affiliations ?? [], (await namesOf(ctx, [row.personId])).get(row.personId));
}

export async function listExperts(ctx: Ctx, query: { limit?: number; cursor?: string }) {
  ctx.require('experts.manage', { regionId: ctx.regionId });
  const limit = query.limit ?? 50;
  const rows = await expertPage(ctx.db, ctx.regionId, limit, query.cursor);
  const affs = await affiliationsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const names = await namesOf(
    ctx,
    rows.map((r) => r.personId),
  );
  return toPage(
    rows,
    limit,
    (r) => ({ id: r.id }),
    (r) =>
      view(
        r,
        affs.filter((a) => a.expertId === r.id),
        names.get(r.personId),
      ),
  );
}

/** Why the expert may not work with the engagement's school, or null. */
async function conflictOf(ctx: Ctx, a: Access, expert: ExpertRow, affs: { institutionId: string; until: string }[]) {
  const school = a.row.schoolInstitutionId;
  const since = new Date(ctx.now());
  since.setUTCFullYear(since.getUTCFullYear() - ctx.config.conflictYears);
  const cutoff = since.toISOString().slice(0, 10);
  const recent = affs.find((x) => x.institutionId === school && x.until >= cutoff);
  if (recent) return `worked for the school until ${recent.until} (within ${ctx.config.conflictYears} years)`;
  const coi = await ctx.identity.conflictOfInterest(expert.personId, { institutionIds: [school] });
  if (coi) return `conflict of interest with the school (${coi.rule})`;
  return null;
}

export async function recommend(ctx: Ctx, engagementId: string, query: { needs?: string; language?: string }) {
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, isTeam, 'the team');
  const needs = query.needs
    ? query.needs.split(',')
    : [
        ...new Set(
          (await ctx.db.select().from(findings).where(eq(findings.engagementId, a.row.id)))
            .filter((f) => f.kind === 'improvement' && f.indicatorCode)
            .map((f) => f.indicatorCode as string),
        ),
      ];
  const all = await regionExperts(ctx.db, a.row.regionId);
  const affs = await affiliationsOf(
    ctx.db,
    all.map((e) => e.id),
  );
  const rates = await ratingsOf(
    ctx.db,
    all.map((e) => e.id),
  );
  const candidates: Candidate[] = [];
  for (const e of all) {
    candidates.push({
      expertId: e.id,
      fields: e.fields,
      regions: e.regions,
      languages: e.languages,
      available: e.available,
      ratings: rates.filter((r) => r.expertId === e.id).map((r) => r.score),
      conflict: await conflictOf(
        ctx,
        a,
        e,
        affs.filter((x) => x.expertId === e.id),
      ),
    });
  }
  const { ranked, excluded } = rankExperts(candidates, {
    fields: needs,
    regionId: a.row.regionId,
    language: query.language,
  });
  const personOfExpert = new Map(all.map((e) => [e.id, e.personId]));
  const ids = ranked.map((r) => personOfExpert.get(r.expertId) as string);
  const names = await namesOf(ctx, ids);
  const items = ranked.map((r, i) => ({ ...r, personId: ids[i] as string, ...named(names.get(ids[i] as string)) }));
  return { needs, items, excluded };
}

export async function assign(ctx: Ctx, engagementId: string, expertId: string) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, isLead, 'the team lead');
  if (a.row.status === 'closed') requireActive(a);
  const expert = await expertRow(ctx.db, a.row.regionId, expertId);
  if (!expert) throw ExpertNotFound({ detail: `No expert ${expertId} in the region’s registry.` });
  const reason = await conflictOf(ctx, a, expert, await affiliationsOf(ctx.db, [expert.id]));
  if (reason) throw ExpertConflicted({ detail: `The expert ${reason}.`, extensions: { reason } });
  const now = ctx.now();
  const row = await addExpertMember(ctx.db, {
    engagementId: a.row.id,
    personId: expert.personId,
    expertId: expert.id,
    addedBy: actor,
    addedAt: now,
  });
  if (!row) throw AlreadyDone({ detail: 'The expert is already assigned.' });
  await record(ctx.db, a.row.id, 'expert.assigned', { expertId: expert.id }, actor, now);
  return { expertId: expert.id, personId: expert.personId, addedAt: now.toISOString() };
}

export async function rate(ctx: Ctx, engagementId: string, expertId: string, score: number) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, isSchool, 'the school’s contacts');
  const assigned = await assignedExpert(ctx.db, a.row.id, expertId);
  if (!assigned) throw ExpertNotFound({ detail: `Expert ${expertId} did not work on this engagement.` });
  await ctx.refuseConflictOfInterest({ action: 'rate this expert', personIds: [assigned.personId] });
  const now = ctx.now();
  const row = await insertRating(ctx.db, { engagementId: a.row.id, expertId, score, ratedBy: actor, ratedAt: now });
  if (!row) throw AlreadyDone({ detail: 'The school already rated this expert for this engagement.' });
  await record(ctx.db, a.row.id, 'expert.rated', { expertId, score }, actor, now);
  return { expertId, score, ratedAt: now.toISOString() };
}
