import { ValidationFailed } from '@lifelong/core';
import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import { personOf } from '../context.js';
import {
  AlreadyDone,
  CommentNotFound,
  CommentsUnanswered,
  ComplaintsOpen,
  ReportNotFound,
  WindowClosed,
  WindowStillOpen,
  WrongStage,
} from '../errors.js';
import { ReportFinalised, ReportReleased } from '../events.js';
import { DraftReleased } from '../notifications.js';
import {
  type Access,
  engagementFor,
  isExpert,
  isLead,
  isSchool,
  isTeam,
  requireActive,
  requirePart,
} from '../shared/access.js';
import { afterWorkingDays } from '../shared/calendar.js';
import { updateEngagementRow } from '../shared/engagement-rows.js';
import { checkGrades, currentGrades, type GradeInput, gradeView, insertGrades, labelOf } from '../shared/grades.js';
import { record } from '../shared/history.js';
import { requireIndicators } from '../shared/indicators.js';
import { type CommentRow, complaints, members, type ReportRow } from '../shared/schema.js';
import { type ReportContent, reportHtml, reportPdf } from './render.js';
import {
  commentRow,
  commentRows,
  evidenceTitles,
  findingRow,
  findingsWithSolutions,
  insertComment,
  insertFinding,
  insertReport,
  insertSolutions,
  latestReport,
  markReleased,
  releasedReport,
  reportRows,
  setResponse,
} from './store.js';

// Diagnosis: the school's self-evaluation and the team's grades on the template's indicators,
// findings with solutions, and the report: frozen drafts, one release to the school opening the
// factual-accuracy window (working days), comments and responses, then the final version.

const team = (a: Access) => isTeam(a);

async function writableByTeam(ctx: Ctx, engagementId: string) {
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, team, 'the team');
  requireActive(a);
  return a;
}

async function isFinal(ctx: Ctx, engagementId: string) {
  return (await latestReport(ctx.db, engagementId))?.status === 'final';
}

async function gradesView(ctx: Ctx, a: Access) {
  const { scale, indicators } = a.row.definition;
  const self = await currentGrades(ctx.db, a.row.id, 'self');
  const showTeam = !isSchool(a) || team(a) || isExpert(a) || (await releasedReport(ctx.db, a.row.id)) !== null;
  const teamGrades = showTeam ? await currentGrades(ctx.db, a.row.id, 'team') : new Map();
  return {
    scale,
    selfEvaluationSubmittedAt: a.row.selfEvaluationSubmittedAt?.toISOString() ?? null,
    indicators: indicators.map((i) => {
      const s = self.get(i.code);
      const t = teamGrades.get(i.code);
      return { code: i.code, name: i.name, self: s ? gradeView(scale, s) : null, team: t ? gradeView(scale, t) : null };
    }),
  };
}

export async function submitSelfEvaluation(ctx: Ctx, engagementId: string, input: GradeInput[]) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId, true);
  requirePart(a, isSchool, 'the school’s contacts');
  requireActive(a);
  if (a.row.selfEvaluationSubmittedAt) throw AlreadyDone({ detail: 'The self-evaluation was already submitted.' });
  await checkGrades(ctx.db, a.row, input);
  const codes = input.map((g) => g.indicatorCode);
  const expected = a.row.definition.indicators.map((i) => i.code);
  if (codes.length !== expected.length || expected.some((c) => !codes.includes(c))) {
    throw ValidationFailed({
      detail: `Grade every indicator once: ${expected.join(', ')}.`,
      errors: [
        {
          path: '/body/grades',
          rule: 'everyIndicator',
          message: `Grade every indicator once: ${expected.join(', ')}.`,
        },
      ],
    });
  }
  const now = ctx.now();
  await insertGrades(ctx.db, a.row.id, 'self', null, input, actor, now);
  const row = await updateEngagementRow(ctx.db, a.row.id, { selfEvaluationSubmittedAt: now });
  await record(ctx.db, a.row.id, 'selfEvaluation.submitted', { indicators: codes.length }, actor, now);
  return gradesView(ctx, { ...a, row });
}

export async function gradeIndicators(ctx: Ctx, engagementId: string, input: GradeInput[]) {
  const actor = personOf(ctx);
  const a = await writableByTeam(ctx, engagementId);
  if (await isFinal(ctx, a.row.id))
    throw WrongStage({ detail: 'The final report is out: the diagnosis is closed (return visits measure again).' });
  await checkGrades(ctx.db, a.row, input);
  const now = ctx.now();
  await insertGrades(ctx.db, a.row.id, 'team', null, input, actor, now);
  await record(ctx.db, a.row.id, 'grades.recorded', { indicators: input.map((g) => g.indicatorCode) }, actor, now);
  return gradesView(ctx, a);
}

export async function getGrades(ctx: Ctx, engagementId: string) {
  return gradesView(ctx, await engagementFor(ctx, engagementId));
}

const solutionView = (s: { id: string; findingId: string; text: string; createdAt: Date }) => ({
  id: s.id,
  findingId: s.findingId,
  text: s.text,
  createdAt: s.createdAt.toISOString(),
});

export async function addFinding(
  ctx: Ctx,
  engagementId: string,
  body: { kind: 'strength' | 'improvement'; indicatorCode?: string; text: string; solutions?: string[] },
) {
  const actor = personOf(ctx);
  const a = await writableByTeam(ctx, engagementId);
  if (await isFinal(ctx, a.row.id)) throw WrongStage({ detail: 'The final report is out: findings are closed.' });
  if (body.indicatorCode) requireIndicators(a.row.definition, [body.indicatorCode], () => '/body/indicatorCode');
  const now = ctx.now();
  const f = await insertFinding(ctx.db, {
    engagementId: a.row.id,
    kind: body.kind,
    indicatorCode: body.indicatorCode ?? null,
    text: body.text,
    createdBy: actor,
    createdAt: now,
  });
  const sols = await insertSolutions(ctx.db, a.row.id, f.id, body.solutions ?? [], actor, now);
  await record(ctx.db, a.row.id, 'finding.added', { findingId: f.id, solutions: sols.length }, actor, now);
  return {
    id: f.id,
    kind: f.kind,
    indicatorCode: f.indicatorCode,
    text: f.text,
    solutions: sols.map(solutionView),
    createdAt: f.createdAt.toISOString(),
  };
}

export async function addSolution(ctx: Ctx, engagementId: string, findingId: string, text: string) {
  const actor = personOf(ctx);
  const a = await writableByTeam(ctx, engagementId);
  if (await isFinal(ctx, a.row.id)) throw WrongStage({ detail: 'The final report is out: solutions are closed.' });
  const f = await findingRow(ctx.db, a.row.id, findingId);
  if (!f)
    throw ValidationFailed({
      detail: `No finding ${findingId}.`,
      errors: [
        {
          path: '/params/findingId',
          rule: 'findingOfEngagement',
          message: `No finding ${findingId} in this engagement.`,
        },
      ],
    });
  const now = ctx.now();
  const [s] = await insertSolutions(ctx.db, a.row.id, f.id, [text], actor, now);
  if (!s) throw new Error('insert returned no row');
  await record(ctx.db, a.row.id, 'solution.added', { findingId, solutionId: s.id }, actor, now);
  return solutionView(s);
}

export async function listFindings(ctx: Ctx, engagementId: string) {
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, (x) => team(x) || isExpert(x), 'the team and the experts');
  const all = await findingsWithSolutions(ctx.db, a.row.id);
  return {
    items: all.map((f) => ({
      id: f.id,
      kind: f.kind,
      indicatorCode: f.indicatorCode,
      text: f.text,
      solutions: f.solutions.map(solutionView),
      createdAt: f.createdAt.toISOString(),
    })),
  };
}

/** Freezes what the report says now. */
async function buildContent(ctx: Ctx, a: Access, version: number, status: 'draft' | 'final'): Promise<ReportContent> {
  const { scale, indicators } = a.row.definition;
  const self = await currentGrades(ctx.db, a.row.id, 'self');
  const teamGrades = await currentGrades(ctx.db, a.row.id, 'team');
  const titles = await evidenceTitles(ctx.db, a.row.id, [
    ...new Set([...teamGrades.values()].flatMap((g) => g.evidenceIds)),
  ]);
  const school = await ctx.identity.institution(a.row.schoolInstitutionId);
  const findings = await findingsWithSolutions(ctx.db, a.row.id);
  const accuracy = status === 'final' ? await commentRows(ctx.db, a.row.id) : [];
  return {
    title: 'Evaluation and consultation report',
    status,
    version,
    school: { id: a.row.schoolInstitutionId, name: school?.name ?? a.row.schoolInstitutionId },
    template: { key: a.row.templateKey, version: a.row.templateVersion, name: a.row.definition.name },
    scale: { min: scale.min, max: scale.max },
    indicators: indicators.map((i) => {
      const s = self.get(i.code);
      const t = teamGrades.get(i.code);
      return {
        code: i.code,
        name: i.name,
        self: s ? { grade: s.grade, label: labelOf(scale, s.grade) } : null,
        team: t
          ? {
              grade: t.grade,
              label: labelOf(scale, t.grade),
              rationale: t.rationale,
              evidence: t.evidenceIds.map((id) => titles.get(id) ?? id),
            }
          : null,
      };
    }),
    findings: findings.map((f) => ({
      kind: f.kind,
      indicatorCode: f.indicatorCode,
      text: f.text,
      solutions: f.solutions.map((s) => s.text),
    })),
    factualAccuracy: accuracy.map((c) => ({
      section: c.section,
      comment: c.text,
      response: c.response,
      accepted: c.accepted,
    })),
    generatedAt: ctx.now().toISOString(),
  };
}

const versionView = (r: ReportRow) => ({
  version: r.version,
  status: r.status as 'draft' | 'final',
  createdAt: r.createdAt.toISOString(),
  releasedAt: r.releasedAt?.toISOString() ?? null,
  windowClosesAt: r.windowClosesAt?.toISOString() ?? null,
});
const reportView = (r: ReportRow) => ({ ...versionView(r), content: r.content });

export async function createDraft(ctx: Ctx, engagementId: string) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId, true);
  requirePart(a, team, 'the team');
  requireActive(a);
  const latest = await latestReport(ctx.db, a.row.id);
  if (latest?.status === 'final') throw AlreadyDone({ detail: 'The final report is out.' });
  const version = (latest?.version ?? 0) + 1;
  const content = await buildContent(ctx, a, version, 'draft');
  const now = ctx.now();
  const row = await insertReport(ctx.db, {
    engagementId: a.row.id,
    version,
    status: 'draft',
    content: { ...content },
    createdBy: actor,
    createdAt: now,
  });
  await record(ctx.db, a.row.id, 'report.drafted', { version }, actor, now);
  return reportView(row);
}

export async function releaseDraft(ctx: Ctx, engagementId: string) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId, true);
  requirePart(a, isLead, 'the team lead');
  requireActive(a);
  if (await releasedReport(ctx.db, a.row.id))
    throw AlreadyDone({ detail: 'A draft was already released to the school.' });
  const latest = await latestReport(ctx.db, a.row.id);
  if (latest?.status !== 'draft') throw WrongStage({ detail: 'Write a draft first.' });
  const now = ctx.now();
  const closes = afterWorkingDays(ctx.config.calendar, now, ctx.config.factualAccuracyWorkingDays) as Date;
  const row = await markReleased(ctx.db, a.row.id, latest.version, now, closes);
  await record(
    ctx.db,
    a.row.id,
    'report.released',
    { version: row.version, windowClosesAt: closes.toISOString() },
    actor,
    now,
  );
  await ctx.emit(
    ReportReleased,
    { engagementId: a.row.id, regionId: a.row.regionId, version: row.version, windowClosesAt: closes.toISOString() },
    { key: a.row.id },
  );
  const school = (
    await ctx.db
      .select()
      .from(members)
      .where(and(eq(members.engagementId, a.row.id), eq(members.role, 'schoolContact')))
  ).map((m) => m.personId);
  await ctx.notify(
    DraftReleased,
    school,
    { closesAt: closes.toISOString() },
    { link: `/engagements/${a.row.id}/report` },
  );
  return versionView(row);
}

/** The versions the caller may see: all for the team and experts; released and final for the school. */
async function visibleReports(ctx: Ctx, a: Access) {
  const rows = await reportRows(ctx.db, a.row.id);
  if (team(a) || isExpert(a)) return rows;
  return rows.filter((r) => r.releasedAt !== null || r.status === 'final');
}

async function reportFor(ctx: Ctx, engagementId: string, version: number | undefined) {
  const a = await engagementFor(ctx, engagementId);
  const rows = await visibleReports(ctx, a);
  const row = version === undefined ? rows.at(-1) : rows.find((r) => r.version === version);
  if (!row)
    throw ReportNotFound({
      detail: `No report${version ? ` version ${version}` : ''} you may see in engagement ${engagementId}.`,
    });
  return row;
}

export async function getReport(ctx: Ctx, engagementId: string, version: number | undefined) {
  return reportView(await reportFor(ctx, engagementId, version));
}

export async function listReportVersions(ctx: Ctx, engagementId: string) {
  const a = await engagementFor(ctx, engagementId);
  return { items: (await visibleReports(ctx, a)).map(versionView) };
}

const fileHeaders = (contentType: string, filename: string) => ({
  'Content-Type': contentType,
  'Content-Disposition': `inline; filename="${filename}"`,
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "sandbox; default-src 'none'; style-src 'unsafe-inline'",
  'Cache-Control': 'private, no-store',
});

export async function renderHtml(ctx: Ctx, engagementId: string, version: number | undefined) {
  const row = await reportFor(ctx, engagementId, version);
  const html = reportHtml(row.content as unknown as ReportContent);
  return new Response(html, {
    status: 200,
    headers: fileHeaders('text/html; charset=utf-8', `report-v${row.version}.html`),
  });
}

export async function renderPdf(ctx: Ctx, engagementId: string, version: number | undefined) {
  const row = await reportFor(ctx, engagementId, version);
  const pdf = await reportPdf(row.content as unknown as ReportContent, row.createdAt);
  return new Response(new Uint8Array(pdf), {
    status: 200,
    headers: fileHeaders('application/pdf', `report-v${row.version}.pdf`),
  });
}

const commentView = (c: CommentRow) => ({
  id: c.id,
  reportVersion: c.reportVersion,
  section: c.section,
  text: c.text,
  authorId: c.authorId,
  createdAt: c.createdAt.toISOString(),
  response: c.response,
  accepted: c.accepted,
  respondedAt: c.respondedAt?.toISOString() ?? null,
});

export async function addComment(ctx: Ctx, engagementId: string, body: { section: string; text: string }) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, isSchool, 'the school’s contacts');
  const released = await releasedReport(ctx.db, a.row.id);
  const now = ctx.now();
  if (
    !released?.releasedAt ||
    !released.windowClosesAt ||
    now < released.releasedAt ||
    now >= released.windowClosesAt
  ) {
    throw WindowClosed({
      detail: released?.windowClosesAt
        ? `The window closed at ${released.windowClosesAt.toISOString()}.`
        : 'No draft has been released yet.',
      extensions: { windowClosesAt: released?.windowClosesAt?.toISOString() ?? null },
    });
  }
  const row = await insertComment(ctx.db, {
    engagementId: a.row.id,
    reportVersion: released.version,
    section: body.section,
    text: body.text,
    authorId: actor,
    createdAt: now,
  });
  await record(ctx.db, a.row.id, 'comment.added', { commentId: row.id }, actor, now);
  return commentView(row);
}

export async function listComments(ctx: Ctx, engagementId: string) {
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, (x) => team(x) || isSchool(x), 'the team and the school');
  return { items: (await commentRows(ctx.db, a.row.id)).map(commentView) };
}

export async function respondToComment(
  ctx: Ctx,
  engagementId: string,
  commentId: string,
  body: { response: string; accepted: boolean },
) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId);
  requirePart(a, team, 'the team');
  const c = await commentRow(ctx.db, a.row.id, commentId);
  if (!c) throw CommentNotFound({ detail: `No comment ${commentId} in this engagement.` });
  if (c.respondedAt) throw AlreadyDone({ detail: 'The comment already has a response.' });
  const now = ctx.now();
  const row = await setResponse(ctx.db, a.row.id, commentId, { ...body, respondedBy: actor, respondedAt: now });
  await record(ctx.db, a.row.id, 'comment.answered', { commentId, accepted: body.accepted }, actor, now);
  return commentView(row);
}

export async function finalise(ctx: Ctx, engagementId: string) {
  const actor = personOf(ctx);
  const a = await engagementFor(ctx, engagementId, true);
  requirePart(a, isLead, 'the team lead');
  requireActive(a);
  const latest = await latestReport(ctx.db, a.row.id);
  if (latest?.status === 'final') throw AlreadyDone({ detail: 'The final report is out.' });
  const released = await releasedReport(ctx.db, a.row.id);
  if (!released?.windowClosesAt) throw WrongStage({ detail: 'Release a draft to the school first.' });
  const now = ctx.now();
  if (now < released.windowClosesAt) {
    throw WindowStillOpen({
      detail: `The school may comment until ${released.windowClosesAt.toISOString()}.`,
      extensions: { windowClosesAt: released.windowClosesAt.toISOString() },
    });
  }
  const unanswered = (await commentRows(ctx.db, a.row.id)).filter((c) => c.respondedAt === null).map((c) => c.id);
  if (unanswered.length > 0) {
    throw CommentsUnanswered({
      detail: `${unanswered.length} comment(s) have no response.`,
      extensions: { commentIds: unanswered },
    });
  }
  const open = await ctx.db
    .select({ id: complaints.id })
    .from(complaints)
    .where(and(eq(complaints.engagementId, a.row.id), isNull(complaints.resolvedAt)));
  if (open.length > 0) {
    throw ComplaintsOpen({
      detail: `${open.length} complaint(s) are open.`,
      extensions: { complaintIds: open.map((c) => c.id) },
    });
  }
  const version = (latest?.version ?? 0) + 1;
  const content = await buildContent(ctx, a, version, 'final');
  const row = await insertReport(ctx.db, {
    engagementId: a.row.id,
    version,
    status: 'final',
    content: { ...content },
    createdBy: actor,
    createdAt: now,
  });
  await record(ctx.db, a.row.id, 'report.finalised', { version }, actor, now);
  await ctx.emit(ReportFinalised, { engagementId: a.row.id, regionId: a.row.regionId, version }, { key: a.row.id });
  return reportView(row);
}
