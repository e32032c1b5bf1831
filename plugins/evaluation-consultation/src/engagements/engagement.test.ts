// One engagement walked end to end on a fixed clock (docs/plugins/evaluation-consultation.md):
// scoping → self-evaluation → field investigation → diagnosis → draft → factual-accuracy window
// (working days, a holiday inside) → final report (PDF) → action plan → two return visits whose
// effect is measured → expert follow-up → closed; complaints and suspension on the side;
// reminders and the overdue view.
import type { TestPerson } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../pdf-text.js';
import { allGrades, type Harness, harness, refused, regionAdminRoles } from '../test-support.js';

let h: Harness;
let admin: TestPerson;
let lead: TestPerson;
let member: TestPerson;
let contact: TestPerson;
let expertPerson: TestPerson;
let schoolId: string;
let id: string;
let observationId: string;
let solutionId: string;

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

beforeAll(async () => {
  h = await harness();
  admin = await h.person({ roles: regionAdminRoles });
  lead = await h.person();
  member = await h.person();
  contact = await h.person();
  expertPerson = await h.person();
  schoolId = await h.school('Riverside Primary');
}, 120_000);
afterAll(() => h.t.close());

const stageOf = async (who: TestPerson) => (await h.as(who.token).engagements.get({ engagementId: id })).stage;
const advance = () => h.as(lead.token).engagements.advance({ engagementId: id });

describe('an engagement walked end to end', () => {
  it('opens at scoping with a deadline in working days, the lead in charge', async () => {
    const created = await h
      .as(admin.token)
      .engagements.create({ body: { schoolInstitutionId: schoolId, leadPersonId: lead.id } });
    id = created.id;
    // 10 working days from Monday 1 June, Wednesday 3 June a holiday: the 10th is Tuesday 16 June.
    expect(created).toMatchObject({
      stage: 'scoping',
      status: 'active',
      templateId: 'paper-default@1',
      stageDueAt: '2026-06-17T00:00:00.000Z',
      milestones: [{ key: 'scope-agreed', met: false }],
    });
    await h.as(lead.token).engagements.members.add({ engagementId: id, body: { personId: member.id, role: 'member' } });
    await h
      .as(lead.token)
      .engagements.members.add({ engagementId: id, body: { personId: contact.id, role: 'schoolContact' } });
    expect((await h.as(contact.token).engagements.get({ engagementId: id })).myRoles).toEqual(['schoolContact']);
  });

  it('refuses to advance while a milestone is missing, naming it, and changes nothing', async () => {
    const problem = await refused(advance(), 409, 'EVALUATION_CONSULTATION_MILESTONES_MISSING');
    expect(problem).toMatchObject({
      stage: 'scoping',
      missing: [{ key: 'scope-agreed', name: 'Scope agreed with the school', check: 'manual' }],
    });
    expect(await stageOf(lead)).toBe('scoping');
    await refused(
      h.as(member.token).engagements.milestones.record({ engagementId: id, milestoneKey: 'scope-agreed' }),
      403,
      'EVALUATION_CONSULTATION_NOT_YOUR_PART',
    );
    await h.as(lead.token).engagements.milestones.record({ engagementId: id, milestoneKey: 'scope-agreed' });
    expect((await advance()).stage).toBe('self-evaluation');
  });

  it('takes the school’s self-evaluation on every indicator, once', async () => {
    const school = h.as(contact.token);
    const partial = await refused(
      school.engagements.selfEvaluation.submit({
        engagementId: id,
        body: { grades: allGrades(4, 'Our view').slice(0, 2) },
      }),
      400,
    );
    expect(partial.errors?.[0]).toMatchObject({ path: '/body/grades', rule: 'everyIndicator' });
    await school.engagements.selfEvaluation.submit({
      engagementId: id,
      body: { grades: allGrades(4, 'How we know: our data') },
    });
    await refused(
      school.engagements.selfEvaluation.submit({ engagementId: id, body: { grades: allGrades(4, 'Again') } }),
      409,
      'EVALUATION_CONSULTATION_ALREADY_DONE',
    );
    expect((await advance()).stage).toBe('field-investigation');
  });

  it('keeps an evidence file: notes and documents, every version with its author', async () => {
    const team = h.as(member.token);
    const note = await team.engagements.evidence.create({
      engagementId: id,
      body: {
        kind: 'observation',
        title: 'Lesson observation, 4B',
        text: 'Pupils work in pairs.',
        indicatorCodes: ['teaching'],
      },
    });
    observationId = note.id;
    const revised = await team.engagements.evidence.versions.create({
      engagementId: id,
      evidenceId: note.id,
      body: { text: 'Pupils work in pairs; little feedback.', indicatorCodes: ['teaching'] },
    });
    expect(revised.versions.map((v) => [v.version, v.text, v.createdBy])).toEqual([
      [1, 'Pupils work in pairs.', member.id],
      [2, 'Pupils work in pairs; little feedback.', member.id],
    ]);
    const bad = await refused(
      team.engagements.evidence.create({
        engagementId: id,
        body: { kind: 'interview', title: 'Head', text: 'x', indicatorCodes: ['nonsense'] },
      }),
      400,
    );
    expect(bad.errors?.[0]).toMatchObject({ path: '/body/indicatorCodes/0', rule: 'indicatorOfTemplate' });
    const upload = await h.t.request(
      `/v1/evaluation-consultation/engagements/${id}/evidence/documents?title=School%20improvement%20plan`,
      { method: 'POST', auth: member.token, headers: { 'content-type': 'application/pdf' }, body: PDF },
    );
    expect(upload.status).toBe(201);
    const doc = await upload.json();
    const file = await h.t.request(`/v1/evaluation-consultation/engagements/${id}/evidence/${doc.id}/versions/1/file`, {
      auth: member.token,
    });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('attachment');
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(PDF);
    // The school does not read the team's evidence file.
    await refused(h.as(contact.token).engagements.evidence.list({ engagementId: id }), 403);
    expect((await advance()).stage).toBe('diagnosis');
  });

  it('grades on the template’s scale with rationale and evidence, and takes findings with solutions', async () => {
    const team = h.as(member.token);
    const wrong = await refused(
      team.engagements.grades.record({
        engagementId: id,
        body: {
          grades: [
            {
              indicatorCode: 'teaching',
              grade: 7,
              rationale: 'x',
              evidenceIds: ['00000000-0000-7000-8000-000000000000'],
            },
          ],
        },
      }),
      400,
    );
    expect(wrong.errors?.map((e) => [e.path, e.rule])).toEqual([
      ['/body/grades/0/grade', 'scale'],
      ['/body/grades/0/evidenceIds/0', 'evidenceOfEngagement'],
    ]);
    await team.engagements.grades.record({
      engagementId: id,
      body: { grades: allGrades(3, 'Observed in lessons', { value: 60, evidenceIds: [observationId] }) },
    });
    const finding = await team.engagements.findings.create({
      engagementId: id,
      body: {
        kind: 'improvement',
        indicatorCode: 'teaching',
        text: 'Feedback to pupils is rare <b>and late</b>.',
        solutions: ['Peer observation each term'],
      },
    });
    solutionId = finding.solutions[0]?.id as string;
    expect((await advance()).stage).toBe('draft-report');
  });

  it('shows the school no draft, and no team grades, until one is released to it', async () => {
    const school = h.as(contact.token);
    await h.as(member.token).engagements.report.drafts.create({ engagementId: id });
    await refused(school.engagements.report.get({ engagementId: id }), 404, 'EVALUATION_CONSULTATION_REPORT_NOT_FOUND');
    expect((await school.engagements.report.versions({ engagementId: id })).items).toEqual([]);
    const grades = await school.engagements.grades.get({ engagementId: id });
    expect(grades.indicators.every((i) => i.team === null && i.self?.grade === 4)).toBe(true);
    await refused(advance(), 409, 'EVALUATION_CONSULTATION_MILESTONES_MISSING');
  });

  it('opens the factual-accuracy window for five working days on release (the holiday does not count)', async () => {
    await h.at('2026-06-01T10:00:00Z');
    const released = await h.as(lead.token).engagements.report.release({ engagementId: id });
    // Tue 2, (Wed 3 holiday), Thu 4, Fri 5, (weekend), Mon 8, Tue 9: closes Wednesday 10 June, 00:00 UTC.
    expect(released).toMatchObject({ version: 1, status: 'draft', windowClosesAt: '2026-06-10T00:00:00.000Z' });
    expect((await h.as(contact.token).engagements.report.get({ engagementId: id })).version).toBe(1);
    expect((await advance()).stage).toBe('factual-accuracy');
    const missing = await refused(advance(), 409, 'EVALUATION_CONSULTATION_MILESTONES_MISSING');
    expect((missing.missing as { key: string }[]).map((m) => m.key)).toEqual(['window-closed']);
  });

  it('takes the school’s comments until the window closes, and no later', async () => {
    await h.at('2026-06-09T23:59:00Z');
    const comment = await h.as(contact.token).engagements.report.comments.create({
      engagementId: id,
      body: { section: 'teaching', text: 'Feedback happens weekly in year 6.' },
    });
    await refused(
      h.as(lead.token).engagements.report.finalise({ engagementId: id }),
      409,
      'EVALUATION_CONSULTATION_WINDOW_STILL_OPEN',
    );
    await h.at('2026-06-10T00:00:00Z');
    await refused(
      h
        .as(contact.token)
        .engagements.report.comments.create({ engagementId: id, body: { section: 'x', text: 'late' } }),
      409,
      'EVALUATION_CONSULTATION_WINDOW_CLOSED',
    );
    const unanswered = await refused(
      h.as(lead.token).engagements.report.finalise({ engagementId: id }),
      409,
      'EVALUATION_CONSULTATION_COMMENTS_UNANSWERED',
    );
    expect(unanswered.commentIds).toEqual([comment.id]);
    await h.as(member.token).engagements.report.comments.respond({
      engagementId: id,
      commentId: comment.id,
      body: { response: 'Corrected for year 6.', accepted: true },
    });
  });

  it('holds the final report while a complaint is open (a side path)', async () => {
    const complaint = await h
      .as(contact.token)
      .engagements.complaints.create({ engagementId: id, body: { text: 'The visit day was a sports day.' } });
    await refused(
      h.as(lead.token).engagements.report.finalise({ engagementId: id }),
      409,
      'EVALUATION_CONSULTATION_COMPLAINTS_OPEN',
    );
    const missing = await refused(advance(), 409, 'EVALUATION_CONSULTATION_MILESTONES_MISSING');
    expect((missing.missing as { key: string }[]).map((m) => m.key)).toEqual(['complaints-resolved']);
    await h.as(lead.token).engagements.complaints.resolve({
      engagementId: id,
      complaintId: complaint.id,
      body: { resolution: 'A second observation day was held.' },
    });
    expect((await advance()).stage).toBe('final-report');
  });

  it('issues the final report as a new version, as PDF and HTML, earlier versions kept', async () => {
    const final = await h.as(lead.token).engagements.report.finalise({ engagementId: id });
    expect(final).toMatchObject({ version: 2, status: 'final' });
    expect(
      (await h.as(contact.token).engagements.report.versions({ engagementId: id })).items.map((v) => [
        v.version,
        v.status,
      ]),
    ).toEqual([
      [1, 'draft'],
      [2, 'final'],
    ]);
    const pdf = await h.t.request(`/v1/evaluation-consultation/engagements/${id}/report.pdf`, { auth: contact.token });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    for (const words of [
      'Final report version 2',
      'Riverside Primary',
      'Peer observation each term',
      'Corrected for year 6.',
    ]) {
      expect(text.replace(/\s+/g, ' ')).toContain(words);
    }
    const html = await h.t.request(`/v1/evaluation-consultation/engagements/${id}/report.html?version=1`, {
      auth: contact.token,
    });
    const page = await html.text();
    expect(page).toContain('Draft version 1');
    expect(page).toContain('Feedback to pupils is rare &lt;b&gt;and late&lt;/b&gt;.');
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
    expect((await advance()).stage).toBe('action-plan');
  });

  it('schedules the return visits from the action plan, in working days', async () => {
    const plan = await h.as(lead.token).engagements.actionPlan.agree({
      engagementId: id,
      body: { actions: [{ solutionId, text: 'Heads of year observe each other', dueInWorkingDays: 15 }] },
    });
    // 20 and 40 working days from Wednesday 10 June (no holiday after the 3rd).
    expect(plan.visits.map((v) => [v.number, v.plannedFor])).toEqual([
      [1, '2026-07-09T00:00:00.000Z'],
      [2, '2026-08-06T00:00:00.000Z'],
    ]);
    expect((await advance()).stage).toBe('return-visits');
  });

  it('measures the effect at each visit as indicator deltas, never as a claim', async () => {
    const plan = await h.as(lead.token).engagements.actionPlan.get({ engagementId: id });
    const [first, second] = plan.visits;
    await refused(
      h.as(member.token).engagements.visits.complete({ engagementId: id, visitId: first?.id as string, body: {} }),
      409,
      'EVALUATION_CONSULTATION_WRONG_STAGE',
    );
    await h.at('2026-07-09T09:00:00Z');
    await h.as(member.token).engagements.visits.measurements.record({
      engagementId: id,
      visitId: first?.id as string,
      body: {
        grades: [{ indicatorCode: 'teaching', grade: 4, value: 68.5, rationale: 'Feedback seen in most lessons' }],
      },
    });
    await h.as(member.token).engagements.visits.complete({
      engagementId: id,
      visitId: first?.id as string,
      body: { notes: 'Good progress' },
    });
    await refused(advance(), 409, 'EVALUATION_CONSULTATION_MILESTONES_MISSING');
    await h.at('2026-08-06T09:00:00Z');
    await h.as(member.token).engagements.visits.measurements.record({
      engagementId: id,
      visitId: second?.id as string,
      body: {
        grades: [{ indicatorCode: 'teaching', grade: 5, value: 75, rationale: 'Feedback in every lesson seen' }],
      },
    });
    await h.as(member.token).engagements.visits.complete({ engagementId: id, visitId: second?.id as string, body: {} });
    const effect = await h.as(contact.token).engagements.effect({ engagementId: id });
    const teaching = effect.indicators.find((i) => i.code === 'teaching');
    expect(effect.source).toBe('engagement');
    expect(teaching).toMatchObject({
      baseline: { grade: 3, value: 60 },
      visits: [
        {
          number: 1,
          measured: { grade: 4, value: 68.5 },
          sincePrevious: { grade: 1, value: 8.5 },
          sinceBaseline: { grade: 1, value: 8.5 },
        },
        {
          number: 2,
          measured: { grade: 5, value: 75 },
          sincePrevious: { grade: 1, value: 6.5 },
          sinceBaseline: { grade: 2, value: 15 },
        },
      ],
    });
    expect(effect.indicators.find((i) => i.code === 'leadership')?.visits).toEqual([]);
    expect((await advance()).stage).toBe('expert-follow-up');
  });

  it('recommends experts with reasons, never one who worked for the school recently, and closes', async () => {
    const registry = h.as(admin.token);
    const recent = await h.person();
    await h.t.request('/v1/me/display-name', {
      method: 'PUT',
      auth: expertPerson.token,
      json: { displayName: 'Dr Expert' },
    });
    const good = await registry.experts.create({
      body: {
        personId: expertPerson.id,
        fields: ['teaching'],
        regions: ['default'],
        languages: ['en'],
        available: true,
      },
    });
    // The registry (a region admin, who reads people) sees the legal name beside the chosen one.
    expect(good).toMatchObject({ displayName: 'Dr Expert', legalName: expertPerson.legalName });
    const conflicted = await registry.experts.create({
      body: {
        personId: recent.id,
        fields: ['teaching', 'leadership'],
        regions: ['default'],
        languages: ['en'],
        available: true,
        affiliations: [{ institutionId: schoolId, until: '2024-12-31' }],
      },
    });
    const ranking = await h.as(lead.token).engagements.experts.recommendations({ engagementId: id, language: 'en' });
    expect(ranking.needs).toEqual(['teaching']);
    expect(ranking.items).toEqual([
      {
        // The lead reads no people: the name the expert chose, not the legal one.
        expertId: good.id,
        personId: expertPerson.id,
        displayName: 'Dr Expert',
        score: 6,
        reasons: ['fields teaching (+3)', 'serves region default (+2)', 'speaks en (+1)', 'not rated yet (+0)'],
      },
    ]);
    expect(ranking.excluded).toEqual([
      { expertId: conflicted.id, reason: 'worked for the school until 2024-12-31 (within 3 years)' },
    ]);
    await refused(
      h.as(lead.token).engagements.experts.assign({ engagementId: id, body: { expertId: conflicted.id } }),
      409,
      'EVALUATION_CONSULTATION_EXPERT_CONFLICTED',
    );
    await h.as(lead.token).engagements.experts.assign({ engagementId: id, body: { expertId: good.id } });
    // The assigned expert sees the engagement and measures with the team; the school rates them.
    expect((await h.as(expertPerson.token).engagements.get({ engagementId: id })).myRoles).toEqual(['expert']);
    await h.as(contact.token).engagements.experts.rate({ engagementId: id, expertId: good.id, body: { score: 5 } });
    await h.as(lead.token).engagements.milestones.record({ engagementId: id, milestoneKey: 'follow-up-done' });
    const closed = await advance();
    expect(closed).toMatchObject({ stage: 'closed', status: 'closed' });
    await refused(advance(), 409, 'EVALUATION_CONSULTATION_ENGAGEMENT_CLOSED');
  });

  it('keeps the whole walk in the engagement’s history and told the school as it went', async () => {
    const history = await h.as(lead.token).engagements.history({ engagementId: id, limit: 100 });
    const actions = history.items.map((e) => e.action);
    expect(actions.filter((a) => a === 'advanced')).toHaveLength(10);
    expect(actions).toEqual(
      expect.arrayContaining([
        'created',
        'report.released',
        'complaint.resolved',
        'visit.completed',
        'expert.assigned',
      ]),
    );
    const inbox = await h.t.request('/v1/me/notifications?limit=100', { auth: contact.token });
    const kinds = (await inbox.json()).items.map((n: { kind: string }) => n.kind);
    expect(kinds).toContain('evaluation-consultation.draft.released');
    expect(kinds.filter((k: string) => k === 'evaluation-consultation.stage.entered')).toHaveLength(10);
  });
});

describe('side paths, reminders and the overdue view', () => {
  let other: string;

  it('suspends an engagement: nothing advances until it resumes with a fresh deadline', async () => {
    await h.at('2026-09-07T09:00:00Z'); // a Monday
    other = (
      await h.as(admin.token).engagements.create({ body: { schoolInstitutionId: schoolId, leadPersonId: lead.id } })
    ).id;
    await h.as(lead.token).engagements.milestones.record({ engagementId: other, milestoneKey: 'scope-agreed' });
    await h.as(lead.token).engagements.suspend({ engagementId: other, body: { reason: 'School closed for repairs' } });
    await refused(
      h.as(lead.token).engagements.advance({ engagementId: other }),
      409,
      'EVALUATION_CONSULTATION_ENGAGEMENT_SUSPENDED',
    );
    await h.at('2026-09-14T09:00:00Z');
    const resumed = await h.as(lead.token).engagements.resume({ engagementId: other });
    // 10 working days from Monday 14 September: Monday 28 September is the 10th.
    expect(resumed).toMatchObject({ status: 'active', stage: 'scoping', stageDueAt: '2026-09-29T00:00:00.000Z' });
  });

  it('reminds the team once before the deadline and once when overdue, and lists the overdue stage', async () => {
    const inbox = async () =>
      (await (await h.t.request('/v1/me/notifications?limit=100', { auth: lead.token })).json()).items.map(
        (n: { kind: string }) => n.kind,
      );
    const count = async (kind: string) => (await inbox()).filter((k: string) => k === kind).length;
    await h.at('2026-09-24T09:00:00Z'); // Thursday: two working days (Fri 25, Mon 28) reach the deadline
    await h.t.runJob('evaluation-consultation', 'reminders');
    await h.t.runJob('evaluation-consultation', 'reminders');
    expect(await count('evaluation-consultation.stage.due-soon')).toBe(1);
    expect((await h.as(lead.token).overdue.list({})).items).toEqual([]);
    await h.at('2026-09-30T09:00:00Z'); // Wednesday, the second working day late
    await h.t.runJob('evaluation-consultation', 'reminders');
    await h.t.runJob('evaluation-consultation', 'reminders');
    expect(await count('evaluation-consultation.stage.overdue')).toBe(1);
    const overdue = await h.as(lead.token).overdue.list({});
    expect(overdue.items).toEqual([
      {
        engagementId: other,
        schoolInstitutionId: schoolId,
        stage: 'scoping',
        stageName: 'Request and scoping',
        dueAt: '2026-09-29T00:00:00.000Z',
        overdueWorkingDays: 2,
      },
    ]);
    expect((await h.as(admin.token).overdue.list({})).items.map((i) => i.engagementId)).toEqual([other]);
    expect((await h.as(contact.token).overdue.list({})).items).toEqual([]);
  });
});
