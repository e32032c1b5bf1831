import { toPage } from '@lifelong/core';
import type { Ctx } from '../context.js';
import { personOf } from '../context.js';
import { AlreadyDone, ComplaintNotFound, MilestonesMissing, WrongStage } from '../errors.js';
import { EngagementAdvanced } from '../events.js';
import { invalidField } from '../field-error.js';
import { StageEntered } from '../notifications.js';
import {
  type Access,
  engagementFor,
  isLead,
  isSchool,
  isTeam,
  type Role,
  requireActive,
  requirePart,
  stageKey,
} from '../shared/access.js';
import { afterWorkingDays, workingDaysBetween } from '../shared/calendar.js';
import { record } from '../shared/history.js';
import { stageMilestones } from '../shared/milestones.js';
import type { EngagementRow } from '../shared/schema.js';
import { templateFor } from '../shared/templates.js';
import type { CreateEngagementBody } from './schemas.js';
import {
  complaintRow,
  complaintRows,
  engagementView,
  historyPage,
  insertComplaint,
  insertEngagement,
  insertMember,
  insertMilestone,
  listEngagements as listEngagementRows,
  memberRows,
  resolveComplaintRow,
  rolesOf,
  summaryView,
  updateEngagement,
} from './store.js';

// Engagements: opened by the region's managers for one of its schools, staffed by a lead, walked
// stage by stage when each stage's milestones are met; suspension and complaints on the side.

const view = async (ctx: Ctx, a: Access) => engagementView(a, await stageMilestones(ctx.db, a.row, ctx.now()));

async function deadline(ctx: Ctx, from: Date, workingDays: number) {
  return afterWorkingDays(ctx.config.calendar, from, workingDays);
}

export async function createEngagement(ctx: Ctx, body: CreateEngagementBody) {
  const caller = personOf(ctx);
  ctx.require('engagements.manage', { regionId: ctx.regionId });
  const school = await ctx.identity.institution(body.schoolInstitutionId);
  if (!school || school.regionId !== ctx.regionId) {
    throw invalidField(
      '/body/schoolInstitutionId',
      'institutionOfRegion',
      `No institution ${body.schoolInstitutionId} in region "${ctx.regionId}".`,
    );
  }
  const template = await templateFor(ctx.db, ctx.regionId, body.templateId).catch(() => {
    throw invalidField(
      '/body/templateId',
      'templateExists',
      `No template ${body.templateId} in region "${ctx.regionId}".`,
    );
  });
  const lead = body.leadPersonId ?? caller;
  if (!(await ctx.identity.personById(lead))) {
    throw invalidField('/body/leadPersonId', 'personExists', `No person ${lead}.`);
  }
  const now = ctx.now();
  const first = template.definition.stages[0];
  const row = await insertEngagement(ctx.db, {
    regionId: ctx.regionId,
    schoolInstitutionId: school.id,
    templateId: template.id,
    templateKey: template.key,
    templateVersion: template.version,
    definition: template.definition,
    stageIndex: 0,
    stageEnteredAt: now,
    stageDueAt: await deadline(ctx, now, first?.durationWorkingDays ?? 0),
    status: 'active',
    createdBy: caller,
    createdAt: now,
  });
  await insertMember(ctx.db, { engagementId: row.id, personId: lead, role: 'lead', addedBy: caller, addedAt: now });
  await record(ctx.db, row.id, 'created', { templateId: template.id, lead }, caller, now);
  return view(ctx, { row, roles: new Set<Role>(lead === caller ? ['lead'] : []), admin: true });
}

export async function listEngagements(ctx: Ctx, query: { limit?: number; cursor?: string }) {
  const limit = query.limit ?? 50;
  const personId = ctx.principal.kind === 'person' ? ctx.principal.id : null;
  const all = ctx.can('engagements.manage', { regionId: ctx.regionId });
  const rows = await listEngagementRows(ctx.db, { regionId: ctx.regionId, personId, all }, limit, query.cursor);
  const roles = await rolesOf(
    ctx.db,
    rows.map((r) => r.id),
    personId,
  );
  return toPage(
    rows,
    limit,
    (r) => ({ id: r.id }),
    (r) => summaryView(r, roles.get(r.id) ?? []),
  );
}

export async function getEngagement(ctx: Ctx, engagementId: string) {
  return view(ctx, await engagementFor(ctx, engagementId));
}

async function enterStage(ctx: Ctx, a: Access, index: number, actor: string) {
  const now = ctx.now();
  const from = stageKey(a.row);
  const stage = a.row.definition.stages[index];
  const last = index >= a.row.definition.stages.length - 1;
  const row = await updateEngagement(ctx.db, a.row.id, {
    stageIndex: index,
    stageEnteredAt: now,
    stageDueAt: await deadline(ctx, now, stage?.durationWorkingDays ?? 0),
    status: last ? 'closed' : 'active',
  });
  await record(ctx.db, row.id, 'advanced', { from, to: stageKey(row) }, actor, now);
  await ctx.emit(
    EngagementAdvanced,
    {
      engagementId: row.id,
      regionId: row.regionId,
      schoolInstitutionId: row.schoolInstitutionId,
      fromStage: from,
      toStage: stageKey(row),
    },
    { key: row.id },
  );
  const people = (await memberRows(ctx.db, row.id)).map((m) => m.personId);
  await ctx.notify(StageEntered, people, { stage: stage?.name ?? stageKey(row) }, { link: `/engagements/${row.id}` });
  return { ...a, row };
}

export async function advance(ctx: Ctx, engagementId: string) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId, true);
  requirePart(a, isLead, 'the team lead');
  requireActive(a);
  const states = await stageMilestones(ctx.db, a.row, ctx.now());
  const missing = states.filter((m) => !m.met).map(({ key, name, check }) => ({ key, name, check }));
  if (missing.length > 0) {
    throw MilestonesMissing({
      detail: `Stage "${stageKey(a.row)}" still misses: ${missing.map((m) => m.key).join(', ')}.`,
      extensions: { stage: stageKey(a.row), missing },
    });
  }
  return view(ctx, await enterStage(ctx, a, a.row.stageIndex + 1, actor));
}

export async function recordMilestone(ctx: Ctx, engagementId: string, milestoneKey: string) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId, true);
  requirePart(a, isLead, 'the team lead');
  requireActive(a);
  const stage = a.row.definition.stages[a.row.stageIndex];
  const milestone = stage?.milestones.find((m) => m.key === milestoneKey);
  if (!stage || !milestone || milestone.check !== 'manual') {
    throw WrongStage({
      detail: `"${milestoneKey}" is not a manual milestone of the current stage "${stageKey(a.row)}".`,
      extensions: { stage: stageKey(a.row) },
    });
  }
  const now = ctx.now();
  const row = await insertMilestone(ctx.db, {
    engagementId: a.row.id,
    stageKey: stage.key,
    key: milestone.key,
    recordedBy: actor,
    recordedAt: now,
  });
  if (!row) throw AlreadyDone({ detail: `Milestone "${milestoneKey}" was already recorded.` });
  await record(ctx.db, a.row.id, 'milestone.recorded', { stage: stage.key, milestone: milestone.key }, actor, now);
  return view(ctx, a);
}

export async function addMember(ctx: Ctx, engagementId: string, body: { personId: string; role: Role }) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, isLead, 'the team lead');
  if (a.row.status === 'closed') requireActive(a);
  if (!(await ctx.identity.personById(body.personId))) {
    throw invalidField('/body/personId', 'personExists', `No person ${body.personId}.`);
  }
  const now = ctx.now();
  const row = await insertMember(ctx.db, {
    engagementId: a.row.id,
    personId: body.personId,
    role: body.role,
    addedBy: actor,
    addedAt: now,
  });
  if (!row) throw AlreadyDone({ detail: `The person already is ${body.role} of this engagement.` });
  await record(ctx.db, a.row.id, 'member.added', { personId: body.personId, role: body.role }, actor, now);
  return memberView(row);
}

const memberView = (m: { personId: string; role: string; expertId: string | null; addedAt: Date }) => ({
  personId: m.personId,
  role: m.role as Role,
  expertId: m.expertId,
  addedAt: m.addedAt.toISOString(),
});

export async function listMembers(ctx: Ctx, engagementId: string) {
  const a = await engagementFor(ctx, engagementId);
  return { items: (await memberRows(ctx.db, a.row.id)).map(memberView) };
}

export async function suspend(ctx: Ctx, engagementId: string, reason: string) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId, true);
  requirePart(a, isLead, 'the team lead');
  requireActive(a);
  const row = await updateEngagement(ctx.db, a.row.id, { status: 'suspended', suspendedReason: reason });
  await record(ctx.db, row.id, 'suspended', { reason, stage: stageKey(row) }, actor, ctx.now());
  return view(ctx, { ...a, row });
}

export async function resume(ctx: Ctx, engagementId: string) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId, true);
  requirePart(a, isLead, 'the team lead');
  if (a.row.status !== 'suspended') throw WrongStage({ detail: `Engagement ${a.row.id} is not suspended.` });
  const now = ctx.now();
  const stage = a.row.definition.stages[a.row.stageIndex];
  const row = await updateEngagement(ctx.db, a.row.id, {
    status: 'active',
    suspendedReason: null,
    stageEnteredAt: now,
    stageDueAt: await deadline(ctx, now, stage?.durationWorkingDays ?? 0),
  });
  await record(ctx.db, row.id, 'resumed', { stage: stageKey(row) }, actor, now);
  return view(ctx, { ...a, row });
}

const complaintView = (c: {
  id: string;
  text: string;
  raisedBy: string;
  raisedAt: Date;
  resolution: string | null;
  resolvedAt: Date | null;
}) => ({
  id: c.id,
  text: c.text,
  raisedBy: c.raisedBy,
  raisedAt: c.raisedAt.toISOString(),
  resolution: c.resolution,
  resolvedAt: c.resolvedAt?.toISOString() ?? null,
});

export async function raiseComplaint(ctx: Ctx, engagementId: string, text: string) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, isSchool, 'the school’s contacts');
  if (a.row.status === 'closed') requireActive(a);
  const now = ctx.now();
  const row = await insertComplaint(ctx.db, { engagementId: a.row.id, text, raisedBy: actor, raisedAt: now });
  await record(ctx.db, a.row.id, 'complaint.raised', { complaintId: row.id }, actor, now);
  return complaintView(row);
}

export async function listComplaints(ctx: Ctx, engagementId: string) {
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, (x) => isTeam(x) || isSchool(x), 'the team and the school');
  return { items: (await complaintRows(ctx.db, a.row.id)).map(complaintView) };
}

export async function resolveComplaint(ctx: Ctx, engagementId: string, complaintId: string, resolution: string) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, isLead, 'the team lead');
  const found = await complaintRow(ctx.db, a.row.id, complaintId);
  if (!found) throw ComplaintNotFound({ detail: `No complaint ${complaintId} in engagement ${a.row.id}.` });
  if (found.resolvedAt) throw AlreadyDone({ detail: `Complaint ${complaintId} was already resolved.` });
  const now = ctx.now();
  const row = await resolveComplaintRow(ctx.db, a.row.id, complaintId, {
    resolution,
    resolvedBy: actor,
    resolvedAt: now,
  });
  await record(ctx.db, a.row.id, 'complaint.resolved', { complaintId }, actor, now);
  return complaintView(row);
}

export async function engagementHistory(ctx: Ctx, engagementId: string, query: { limit?: number; cursor?: string }) {
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, isTeam, 'the team');
  return historyPage(ctx.db, a.row.id, query.limit ?? 50, query.cursor);
}

export async function overdue(ctx: Ctx, query: { limit?: number; cursor?: string }) {
  const limit = query.limit ?? 50;
  const now = ctx.now();
  const personId = ctx.principal.kind === 'person' ? ctx.principal.id : null;
  const all = ctx.can('engagements.manage', { regionId: ctx.regionId });
  const rows = await listEngagementRows(
    ctx.db,
    { regionId: ctx.regionId, personId, all, onlyOverdueAt: now },
    limit,
    query.cursor,
  );
  return toPage(
    rows,
    limit,
    (r) => ({ id: r.id }),
    (r: EngagementRow) => ({
      engagementId: r.id,
      schoolInstitutionId: r.schoolInstitutionId,
      stage: stageKey(r),
      stageName: r.definition.stages[r.stageIndex]?.name ?? stageKey(r),
      dueAt: (r.stageDueAt as Date).toISOString(),
      // Working days from the deadline's own day (the first day late) to today.
      overdueWorkingDays: workingDaysBetween(ctx.config.calendar, new Date((r.stageDueAt as Date).getTime() - 1), now),
    }),
  );
}
