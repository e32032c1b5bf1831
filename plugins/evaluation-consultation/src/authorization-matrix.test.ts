// Every evaluation-consultation route × every kind of caller (docs/plugins/evaluation-consultation.md,
// "Who may do what"). A caller the route admits gets past authorization: a 2xx, or a refusal
// about the engagement's state or data (409, or a 404 for a missing visit) — the matrix is about
// who, the walk in engagements/engagement.test.ts about what. Everyone else gets 401 (anonymous),
// 403 (a party whose role does not allow it, or a missing permission) or 404
// `EVALUATION_CONSULTATION_ENGAGEMENT_NOT_FOUND` (no part in the engagement: no existence
// oracle), and a refusal changes nothing in the plugin's tables.
import { resultRows } from '@lifelong/core';
import type { RequestOptions, TestPerson } from '@lifelong/core/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allGrades, type Harness, harness, regionAdminRoles } from './test-support.js';

const CALLERS = [
  'anonymous',
  'lead',
  'member',
  'otherTeamMember',
  'schoolContact',
  'otherSchool',
  'expertAssigned',
  'expertNotAssigned',
  'regionAdmin',
  'otherRegionAdmin',
] as const;
type Caller = (typeof CALLERS)[number];
const SIGNED_IN = CALLERS.filter((c) => c !== 'anonymous');
/** Those with a part in the engagement under test: they see it. */
const PARTIES: Caller[] = ['lead', 'member', 'schoolContact', 'expertAssigned', 'regionAdmin'];
const TEAM: Caller[] = ['lead', 'member', 'regionAdmin'];
const LEADS: Caller[] = ['lead', 'regionAdmin'];
const SCHOOL: Caller[] = ['schoolContact'];
const TEAM_EXPERTS: Caller[] = [...TEAM, 'expertAssigned'];
const TEAM_SCHOOL: Caller[] = [...TEAM, 'schoolContact'];
const MANAGERS: Caller[] = ['regionAdmin'];

let h: Harness;
const people = {} as Record<Exclude<Caller, 'anonymous'>, TestPerson>;
let id: string;
let evidenceId: string;
let documentId: string;
let findingId: string;
let commentId: string;
let complaintId: string;
let assignedExpertId: string;
let spareExpertId: string;
let sparePersonId: string;
const missingVisit = '00000000-0000-7000-8000-000000000001';

beforeAll(async () => {
  h = await harness();
  const region = await h.t.request('/v1/regions', {
    method: 'POST',
    auth: 'admin',
    json: { id: 'elsewhere', name: 'Elsewhere' },
  });
  expect(region.status).toBe(201);
  for (const caller of SIGNED_IN) {
    people[caller] = await h.person(
      caller === 'regionAdmin'
        ? { roles: regionAdminRoles }
        : caller === 'otherRegionAdmin'
          ? { roles: [{ role: 'region-admin', scope: { type: 'region', id: 'elsewhere' } }] }
          : {},
    );
  }
  sparePersonId = (await h.person()).id;
  const api = (who: Exclude<Caller, 'anonymous'>) => h.as(people[who].token);
  const admin = api('regionAdmin');
  const school = await h.school('Hillside');
  const otherSchool = await h.school('Lakeside');
  id = (await admin.engagements.create({ body: { schoolInstitutionId: school, leadPersonId: people.lead.id } })).id;
  const lead = api('lead');
  await lead.engagements.members.add({ engagementId: id, body: { personId: people.member.id, role: 'member' } });
  await lead.engagements.members.add({
    engagementId: id,
    body: { personId: people.schoolContact.id, role: 'schoolContact' },
  });
  const expert = (who: Exclude<Caller, 'anonymous'>) =>
    admin.experts.create({
      body: { personId: people[who].id, fields: ['teaching'], regions: ['default'], languages: [], available: true },
    });
  assignedExpertId = (await expert('expertAssigned')).id;
  await expert('expertNotAssigned');
  spareExpertId = (
    await admin.experts.create({
      body: {
        personId: (await h.person()).id,
        fields: ['teaching'],
        regions: ['default'],
        languages: [],
        available: true,
      },
    })
  ).id;
  await lead.engagements.experts.assign({ engagementId: id, body: { expertId: assignedExpertId } });
  // Another engagement, with another school: its team member, contact and expert have no part in ours.
  const other = (await admin.engagements.create({ body: { schoolInstitutionId: otherSchool } })).id;
  for (const [who, role] of [
    ['otherTeamMember', 'member'],
    ['otherSchool', 'schoolContact'],
    ['expertNotAssigned', 'expert'],
  ] as const) {
    await admin.engagements.members.add({ engagementId: other, body: { personId: people[who].id, role } });
  }
  // Ours, walked to the factual-accuracy window (open), with evidence, a finding, a comment and a complaint.
  await lead.engagements.milestones.record({ engagementId: id, milestoneKey: 'scope-agreed' });
  await lead.engagements.advance({ engagementId: id });
  await api('schoolContact').engagements.selfEvaluation.submit({
    engagementId: id,
    body: { grades: allGrades(4, 'Ours') },
  });
  await lead.engagements.advance({ engagementId: id });
  const member = api('member');
  evidenceId = (
    await member.engagements.evidence.create({
      engagementId: id,
      body: { kind: 'interview', title: 'Head', text: 'Notes' },
    })
  ).id;
  const upload = await h.t.request(`/v1/evaluation-consultation/engagements/${id}/evidence/documents?title=Plan`, {
    method: 'POST',
    auth: people.member.token,
    headers: { 'content-type': 'application/pdf' },
    body: new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
  });
  documentId = (await upload.json()).id;
  await lead.engagements.advance({ engagementId: id });
  await member.engagements.grades.record({ engagementId: id, body: { grades: allGrades(3, 'Seen') } });
  findingId = (
    await member.engagements.findings.create({
      engagementId: id,
      body: { kind: 'improvement', text: 'Feedback', solutions: ['Coaching'] },
    })
  ).id;
  await lead.engagements.advance({ engagementId: id });
  await member.engagements.report.drafts.create({ engagementId: id });
  await lead.engagements.report.release({ engagementId: id });
  await lead.engagements.advance({ engagementId: id });
  const contact = api('schoolContact');
  commentId = (
    await contact.engagements.report.comments.create({ engagementId: id, body: { section: 'a', text: 'b' } })
  ).id;
  complaintId = (await contact.engagements.complaints.create({ engagementId: id, body: { text: 'c' } })).id;
}, 240_000);
afterAll(() => h.t.close());

const TABLES = [
  'templates',
  'engagements',
  'members',
  'milestones',
  'history',
  'complaints',
  'evidence',
  'evidence_versions',
  'grades',
  'findings',
  'solutions',
  'reports',
  'comments',
  'actions',
  'visits',
  'experts',
  'affiliations',
  'ratings',
];

/** Everything the plugin stores, as one digest: a refusal must leave it as it was. */
async function digest(): Promise<string> {
  const parts = TABLES.map(
    (t) => `coalesce((select string_agg(x::text, ',' order by x::text) from evaluation_consultation.${t} x), '')`,
  ).join(' || ');
  const rows = resultRows<{ d: string }>(await h.t.platform.database.db.execute(sql.raw(`select md5(${parts}) as d`)));
  return rows[0]?.d ?? '';
}

interface Case {
  name: string;
  allowed: readonly Caller[];
  /** A permission route: callers without it get 403, whoever they are. */
  permission?: boolean;
  request: () => [string, RequestOptions];
}

const base = '/v1/evaluation-consultation';
const e = () => `${base}/engagements/${id}`;
const post = (json: unknown = {}): RequestOptions => ({ method: 'POST', json });
let fresh = 0;
const grades = () => ({ grades: [{ indicatorCode: 'teaching', grade: 3, rationale: 'r' }] });

const cases: Case[] = [
  {
    name: 'POST /templates',
    allowed: MANAGERS,
    permission: true,
    request: () => [`${base}/templates`, post(template())],
  },
  { name: 'GET /templates', allowed: SIGNED_IN, request: () => [`${base}/templates`, {}] },
  { name: 'GET /templates/{templateId}', allowed: SIGNED_IN, request: () => [`${base}/templates/paper-default@1`, {}] },
  {
    name: 'POST /engagements',
    allowed: MANAGERS,
    permission: true,
    request: () => [`${base}/engagements`, post({ schoolInstitutionId: missingVisit })],
  },
  { name: 'GET /engagements', allowed: SIGNED_IN, request: () => [`${base}/engagements`, {}] },
  { name: 'GET /overdue', allowed: SIGNED_IN, request: () => [`${base}/overdue`, {}] },
  { name: 'GET /engagements/{engagementId}', allowed: PARTIES, request: () => [e(), {}] },
  { name: 'POST /engagements/{engagementId}/advance', allowed: LEADS, request: () => [`${e()}/advance`, post()] },
  {
    name: 'POST /engagements/{engagementId}/milestones/{milestoneKey}',
    allowed: LEADS,
    request: () => [`${e()}/milestones/window-closed`, post()],
  },
  {
    name: 'POST /engagements/{engagementId}/members',
    allowed: LEADS,
    request: () => [`${e()}/members`, post({ personId: sparePersonId, role: 'member' })],
  },
  { name: 'GET /engagements/{engagementId}/members', allowed: PARTIES, request: () => [`${e()}/members`, {}] },
  {
    name: 'POST /engagements/{engagementId}/complaints',
    allowed: SCHOOL,
    request: () => [`${e()}/complaints`, post({ text: `complaint ${fresh++}` })],
  },
  {
    name: 'GET /engagements/{engagementId}/complaints',
    allowed: TEAM_SCHOOL,
    request: () => [`${e()}/complaints`, {}],
  },
  {
    name: 'POST /engagements/{engagementId}/complaints/{complaintId}/resolution',
    allowed: LEADS,
    request: () => [`${e()}/complaints/${complaintId}/resolution`, post({ resolution: 'done' })],
  },
  { name: 'GET /engagements/{engagementId}/history', allowed: TEAM, request: () => [`${e()}/history`, {}] },
  {
    name: 'POST /engagements/{engagementId}/evidence',
    allowed: TEAM_EXPERTS,
    request: () => [`${e()}/evidence`, post({ kind: 'observation', title: 't', text: 'x' })],
  },
  {
    name: 'POST /engagements/{engagementId}/evidence/documents',
    allowed: TEAM_EXPERTS,
    request: () => [
      `${e()}/evidence/documents?title=Doc`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/pdf' },
        body: new TextEncoder().encode(`%PDF-1.4\n%${fresh++}\n`),
      },
    ],
  },
  {
    name: 'POST /engagements/{engagementId}/evidence/{evidenceId}/versions',
    allowed: TEAM_EXPERTS,
    request: () => [`${e()}/evidence/${evidenceId}/versions`, post({ text: `v${fresh++}` })],
  },
  { name: 'GET /engagements/{engagementId}/evidence', allowed: TEAM_EXPERTS, request: () => [`${e()}/evidence`, {}] },
  {
    name: 'GET /engagements/{engagementId}/evidence/{evidenceId}',
    allowed: TEAM_EXPERTS,
    request: () => [`${e()}/evidence/${evidenceId}`, {}],
  },
  {
    name: 'GET /engagements/{engagementId}/evidence/{evidenceId}/versions/{version}/file',
    allowed: TEAM_EXPERTS,
    request: () => [`${e()}/evidence/${documentId}/versions/1/file`, {}],
  },
  {
    name: 'POST /engagements/{engagementId}/self-evaluation',
    allowed: SCHOOL,
    request: () => [`${e()}/self-evaluation`, post({ grades: allGrades(4, 'again') })],
  },
  { name: 'POST /engagements/{engagementId}/grades', allowed: TEAM, request: () => [`${e()}/grades`, post(grades())] },
  { name: 'GET /engagements/{engagementId}/grades', allowed: PARTIES, request: () => [`${e()}/grades`, {}] },
  {
    name: 'POST /engagements/{engagementId}/findings',
    allowed: TEAM,
    request: () => [`${e()}/findings`, post({ kind: 'strength', text: 'Warm welcome' })],
  },
  {
    name: 'POST /engagements/{engagementId}/findings/{findingId}/solutions',
    allowed: TEAM,
    request: () => [`${e()}/findings/${findingId}/solutions`, post({ text: 'More coaching' })],
  },
  { name: 'GET /engagements/{engagementId}/findings', allowed: TEAM_EXPERTS, request: () => [`${e()}/findings`, {}] },
  {
    name: 'POST /engagements/{engagementId}/report/drafts',
    allowed: TEAM,
    request: () => [`${e()}/report/drafts`, post()],
  },
  {
    name: 'POST /engagements/{engagementId}/report/release',
    allowed: LEADS,
    request: () => [`${e()}/report/release`, post()],
  },
  { name: 'GET /engagements/{engagementId}/report', allowed: PARTIES, request: () => [`${e()}/report`, {}] },
  {
    name: 'GET /engagements/{engagementId}/report/versions',
    allowed: PARTIES,
    request: () => [`${e()}/report/versions`, {}],
  },
  { name: 'GET /engagements/{engagementId}/report.html', allowed: PARTIES, request: () => [`${e()}/report.html`, {}] },
  { name: 'GET /engagements/{engagementId}/report.pdf', allowed: PARTIES, request: () => [`${e()}/report.pdf`, {}] },
  {
    name: 'POST /engagements/{engagementId}/report/comments',
    allowed: SCHOOL,
    request: () => [`${e()}/report/comments`, post({ section: 's', text: `t${fresh++}` })],
  },
  {
    name: 'GET /engagements/{engagementId}/report/comments',
    allowed: TEAM_SCHOOL,
    request: () => [`${e()}/report/comments`, {}],
  },
  {
    name: 'POST /engagements/{engagementId}/report/comments/{commentId}/response',
    allowed: TEAM,
    request: () => [`${e()}/report/comments/${commentId}/response`, post({ response: 'ok', accepted: false })],
  },
  {
    name: 'POST /engagements/{engagementId}/report/final',
    allowed: LEADS,
    request: () => [`${e()}/report/final`, post()],
  },
  {
    name: 'POST /engagements/{engagementId}/action-plan',
    allowed: LEADS,
    request: () => [`${e()}/action-plan`, post({ actions: [{ solutionId: missingVisit, text: 'x' }] })],
  },
  { name: 'GET /engagements/{engagementId}/action-plan', allowed: PARTIES, request: () => [`${e()}/action-plan`, {}] },
  {
    name: 'POST /engagements/{engagementId}/visits/{visitId}/measurements',
    allowed: TEAM_EXPERTS,
    request: () => [`${e()}/visits/${missingVisit}/measurements`, post(grades())],
  },
  {
    name: 'POST /engagements/{engagementId}/visits/{visitId}/completion',
    allowed: TEAM,
    request: () => [`${e()}/visits/${missingVisit}/completion`, post()],
  },
  { name: 'GET /engagements/{engagementId}/effect', allowed: PARTIES, request: () => [`${e()}/effect`, {}] },
  {
    name: 'POST /experts',
    allowed: MANAGERS,
    permission: true,
    request: () => [
      `${base}/experts`,
      post({ personId: people.lead.id, fields: ['x'], regions: [], languages: [], available: true }),
    ],
  },
  { name: 'GET /experts', allowed: MANAGERS, permission: true, request: () => [`${base}/experts`, {}] },
  {
    name: 'GET /engagements/{engagementId}/experts/recommendations',
    allowed: TEAM,
    request: () => [`${e()}/experts/recommendations`, {}],
  },
  {
    name: 'POST /engagements/{engagementId}/experts',
    allowed: LEADS,
    request: () => [`${e()}/experts`, post({ expertId: spareExpertId })],
  },
  {
    name: 'POST /engagements/{engagementId}/experts/{expertId}/rating',
    allowed: SCHOOL,
    request: () => [`${e()}/experts/${assignedExpertId}/rating`, post({ score: 4 })],
  },
  // Last: they change the engagement's status for everything after them.
  {
    name: 'POST /engagements/{engagementId}/suspension',
    allowed: LEADS,
    request: () => [`${e()}/suspension`, post({ reason: 'pause' })],
  },
  { name: 'POST /engagements/{engagementId}/resumption', allowed: LEADS, request: () => [`${e()}/resumption`, post()] },
];

function template() {
  return {
    key: 'matrix',
    name: 'Matrix',
    scale: { min: 1, max: 4, labels: [] },
    indicators: [{ code: 'a', name: 'A' }],
    stages: [
      { key: 'one', name: 'One', durationWorkingDays: 1, tasks: [], milestones: [] },
      { key: 'closed', name: 'Closed', durationWorkingDays: 0, tasks: [], milestones: [] },
    ],
    returnVisits: 0,
    visitIntervalWorkingDays: 1,
  };
}

/** Did the caller get past authorization? Denials are 401, 403 and the engagement's 404. */
async function outcome(res: Response): Promise<'passed' | number> {
  if (res.status < 300) return 'passed';
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const problem = (await res.json()) as { code?: string };
  const denied =
    res.status === 401 ||
    res.status === 403 ||
    (res.status === 404 && problem.code === 'EVALUATION_CONSULTATION_ENGAGEMENT_NOT_FOUND');
  return denied ? res.status : 'passed';
}

describe('the evaluation-consultation authorization matrix', () => {
  it('covers every operation of the plugin', async () => {
    const doc = await (await h.t.request('/openapi.json')).json();
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith(`${base}/`))
      .flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${path.slice(base.length)}`));
    const covered = new Set(cases.map((c) => c.name));
    expect(operations.filter((o) => !covered.has(o))).toEqual([]);
  });

  for (const c of cases) {
    it(c.name, async () => {
      const got: Record<string, 'passed' | number> = {};
      const want: Record<string, 'passed' | number> = {};
      // The digest after a refusal is the one before the next request (a refusal changed nothing).
      let known: string | null = null;
      for (const caller of CALLERS) {
        const [path, init] = c.request();
        const before: string = known ?? (await digest());
        const token = caller === 'anonymous' ? undefined : people[caller].token;
        const res = await h.t.request(path, { ...init, ...(token ? { auth: token } : {}) });
        got[caller] = await outcome(res);
        want[caller] = c.allowed.includes(caller)
          ? 'passed'
          : caller === 'anonymous'
            ? 401
            : c.permission || PARTIES.includes(caller)
              ? 403
              : 404;
        known = null;
        if (got[caller] !== 'passed') {
          expect(await digest(), `${caller} changed something`).toBe(before);
          known = before;
        }
      }
      expect(got).toEqual(want);
    });
  }

  it('lists show each caller only their own engagements', async () => {
    const ids = async (caller: Exclude<Caller, 'anonymous'>) =>
      (await h.as(people[caller].token).engagements.list({})).items.map((x) => x.id);
    for (const caller of PARTIES) expect(await ids(caller as Exclude<Caller, 'anonymous'>)).toContain(id);
    for (const caller of ['otherTeamMember', 'otherSchool', 'expertNotAssigned', 'otherRegionAdmin'] as const) {
      expect(await ids(caller)).not.toContain(id);
    }
  });

  it('declares every status it answers in the OpenAPI document', async () => {
    expect(await h.t.undeclaredStatuses()).toEqual([]);
  });
});
