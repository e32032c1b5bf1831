// The industry side and the learner side end to end: a company's need from draft to closed, a
// learner's evidence-based profile, the explained match against a hand-computed score, the gap
// plan, consent-gated contact and cohort aggregates, and the events for quality control.
import type { TestPerson, TestPrincipals } from '@lifelong/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  company,
  type Harness,
  harness,
  importEsco,
  received,
  refused,
  selfTest,
  signIn,
  takeTest,
} from './test-support.js';

const HALF_LIFE_DAYS = 4;
let h: Harness;
let p: TestPrincipals;
let admin: string;
let acme: { id: string; key: string };
let skill: Record<string, string>;
let occupation: Record<string, string>;
let safety: string;
let weldingTest: string;

beforeAll(async () => {
  h = await harness({ regionConfig: { evidenceHalfLifeDays: HALF_LIFE_DAYS, cohortMinimum: 2 } });
  p = await h.t.principals();
  admin = p.regionAdmin.token;
  acme = await company(h, 'Acme Welding Ltd');
  ({ skill, occupation } = await importEsco(h, admin));
  // A local skill the taxonomy lacks, crosswalked to ESCO's as a close match.
  safety = (await h.as(admin).local.skills.create({ body: { label: 'Shenzhen workshop safety' } })).id;
  await h.as(admin).crosswalks.create({
    body: {
      fromSkillId: skill['follow health, safety and hygiene rules'] as string,
      toSkillId: safety,
      match: 'closeMatch',
    },
  });
  // Passing the welding self-test shows arc welding at level 5 and the local safety skill at 4.
  weldingTest = await selfTest(h, p.otherLearner.token);
  await h.as(admin).evidenceRules.create({
    body: { formId: weldingTest, skillId: skill['use arc welding techniques'] as string, level: 5 },
  });
  await h.as(admin).evidenceRules.create({ body: { formId: weldingTest, skillId: safety, level: 4 } });
}, 300_000); // a platform, principals and the ESCO fixture imported: slow on a busy machine
afterAll(() => h.t.close());

/** The fixture need: w = (essential ? 1 : 0.5) × importance → 5, 4, 1, 2. */
const needBody = () => ({
  title: 'Welders for the Bao’an yard',
  occupationId: occupation.welder as string,
  headcount: 12,
  deadline: '2026-09-30',
  skills: [
    { skillId: skill['use arc welding techniques'] as string, essential: true, requiredLevel: 4, importance: 5 },
    { skillId: skill['read engineering drawings'] as string, essential: true, requiredLevel: 3, importance: 4 },
    {
      skillId: skill['follow health, safety and hygiene rules'] as string,
      essential: false,
      requiredLevel: 2,
      importance: 2,
    },
    { skillId: skill.SQL as string, essential: false, requiredLevel: 2, importance: 4 },
  ],
});

async function openNeed() {
  const need = await h.as(acme.key).needs.create({ body: needBody() });
  return h.as(acme.key).needs.publish({ needId: need.id });
}

describe('need profiles', () => {
  it('go from draft to open to closed, versioned on each edit, published as an event', async () => {
    const draft = await h.as(acme.key).needs.create({ body: needBody() });
    expect(draft).toMatchObject({ status: 'draft', version: 1, institutionId: acme.id, headcount: 12 });
    expect(draft.skills.map((s) => [s.label, s.importance])).toEqual([
      ['use arc welding techniques', 5],
      ['read engineering drawings', 4],
      ['follow health, safety and hygiene rules', 2],
      ['SQL', 4],
    ]);
    await refused(h.as(p.learner.token).needs.get({ needId: draft.id }), 404, 'INDUSTRY_SUPPORT_NEED_NOT_FOUND');
    expect((await h.as(p.learner.token).needs.list({})).items.map((n) => n.id)).not.toContain(draft.id);

    const edited = await h.as(acme.key).needs.update({ needId: draft.id, body: { ...needBody(), headcount: 20 } });
    expect(edited).toMatchObject({ version: 2, headcount: 20 });
    const open = await h.as(acme.key).needs.publish({ needId: draft.id });
    expect(open).toMatchObject({ status: 'open', version: 2, publishedAt: h.clock.now.toISOString() });
    await refused(h.as(acme.key).needs.publish({ needId: draft.id }), 409, 'INDUSTRY_SUPPORT_NEED_STATUS');
    expect((await h.as(p.learner.token).needs.get({ needId: draft.id })).status).toBe('open');
    const v1 = await h.as(acme.key).needs.versions.get({ needId: draft.id, version: 1 });
    expect(v1.need).toMatchObject({ version: 1, headcount: 12, status: 'draft' });

    await h.t.drainEvents();
    expect(received).toContainEqual({
      name: 'industry-support.need.published',
      payload: { needId: draft.id, institutionId: acme.id, regionId: 'default', version: 2, skills: 4 },
    });

    const closed = await h.as(acme.key).needs.close({ needId: draft.id });
    expect(closed.status).toBe('closed');
    await refused(
      h.as(acme.key).needs.update({ needId: draft.id, body: needBody() }),
      409,
      'INDUSTRY_SUPPORT_NEED_STATUS',
    );
    await refused(h.as(p.learner.token).needs.match({ needId: draft.id }), 404);
  });

  it('are written only by accredited companies, with skills of the region, each once', async () => {
    const school = await company(h, 'A school', { kind: 'school' });
    const pending = await company(h, 'Not yet accredited', { accredited: false });
    const issuer = await company(h, 'Company with an issuer key', { role: 'issuer' });
    for (const key of [school.key, pending.key, issuer.key, p.institution.key]) {
      await refused(h.as(key).needs.create({ body: needBody() }), 403, 'INDUSTRY_SUPPORT_COMPANIES_ONLY');
    }
    await refused(h.as(p.learner.token).needs.create({ body: needBody() }), 403, 'INDUSTRY_SUPPORT_COMPANIES_ONLY');
    const body = needBody();
    const problem = await refused(
      h.as(acme.key).needs.create({
        body: {
          ...body,
          skills: [
            ...body.skills,
            { skillId: '01890000-0000-7000-8000-000000000000', essential: true, requiredLevel: 2 },
            { ...(body.skills[0] as (typeof body.skills)[number]) },
          ],
        },
      }),
      400,
    );
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: '/body/skills/4/skillId', rule: 'skillExists' }),
      expect.objectContaining({ path: '/body/skills/5/skillId', rule: 'uniqueSkill' }),
    ]);
    const level = await refused(
      h.as(acme.key).needs.create({
        body: { ...body, skills: [{ ...(body.skills[0] as (typeof body.skills)[number]), requiredLevel: 8 }] },
      }),
      400,
    );
    expect(level.errors?.[0]).toMatchObject({ path: '/body/skills/0/requiredLevel', rule: 'integerMaximum' });
  });
});

describe('the learner’s profile, match and gap plan', () => {
  let learner: TestPerson;
  let needId: string;
  beforeAll(async () => {
    learner = await h.t.person({ verified: true });
    needId = (await openNeed()).id;
  });

  it('start empty: every skill of the need listed as missing, score 0', async () => {
    const match = await h.as(learner.token).needs.match({ needId });
    expect(match.score).toBe(0);
    expect(match.skills.map((s) => s.status)).toEqual(['missing', 'missing', 'missing', 'missing']);
  });

  it('give the hand-computed score, every skill with its required and held level and the evidence', async () => {
    const result = await takeTest(h, learner.token, weldingTest);
    expect(result.result?.passed).toBe(true);
    const declared = await h.as(learner.token).profile.skills.declare({
      skillId: skill['read engineering drawings'] as string,
      body: { level: 3 },
    });
    expect(declared.selfDeclared).toBe(true);

    const match = await h.as(learner.token).needs.match({ needId });
    // arc welding: test level 5 ≥ 4 → coverage 1, w 5; drawings: declared 3 × 0.5 = 1.5 of 3 → 0.5, w 4;
    // safety: local skill 4 × closeMatch 0.8 = 3.2 ≥ 2 → 1, w 1; SQL: nothing → 0, w 2.
    // score = (5·1 + 4·0.5 + 1·1 + 2·0) / (5 + 4 + 1 + 2) = 8 / 12 = 0.6667
    expect(match.score).toBe(0.6667);
    expect(match.skills.map((s) => [s.label, s.status, s.requiredLevel, s.heldLevel, s.weight, s.coverage])).toEqual([
      ['use arc welding techniques', 'matched', 4, 5, 5, 1],
      ['read engineering drawings', 'partial', 3, 1.5, 4, 0.5],
      ['follow health, safety and hygiene rules', 'matched', 2, 3.2, 1, 1],
      ['SQL', 'missing', 2, 0, 2, 0],
    ]);
    const [arc, drawings, safetyRow, sql] = match.skills;
    expect(arc?.evidence).toEqual([
      expect.objectContaining({ kind: 'assessment', sourceRef: weldingTest, level: 5, weight: 1, crosswalk: null }),
    ]);
    expect(drawings?.evidence).toEqual([
      expect.objectContaining({ kind: 'declared', level: 3, weight: 0.5, reason: expect.stringContaining('Declared') }),
    ]);
    expect(safetyRow?.evidence).toEqual([
      expect.objectContaining({ skillId: safety, crosswalk: 'closeMatch', weight: 0.8, effectiveLevel: 3.2 }),
    ]);
    expect(sql?.evidence).toEqual([]);

    const profile = await h.as(learner.token).profile.get();
    expect(profile.skills.map((s) => [s.label, s.heldLevel, s.evidence[0]?.kind])).toEqual([
      ['read engineering drawings', 1.5, 'declared'],
      ['Shenzhen workshop safety', 4, 'assessment'],
      ['use arc welding techniques', 5, 'assessment'],
    ]);
  });

  it('link each missing or partial skill to the self-tests that show it', async () => {
    const plan = await h.as(learner.token).needs.gapPlan({ needId });
    expect(plan.items.map((i) => [i.label, i.status, i.selfTests.length])).toEqual([
      ['read engineering drawings', 'partial', 0],
      ['SQL', 'missing', 0],
    ]);
    await h.as(admin).evidenceRules.create({ body: { formId: weldingTest, skillId: skill.SQL as string, level: 1 } });
    const again = await h.as(learner.token).needs.gapPlan({ needId });
    expect(again.items[1]?.selfTests).toEqual([
      { formId: weldingTest, level: 1, skillId: skill.SQL, closesGap: false },
    ]);
  });

  it('emit match.improved when a new score beats the last one', async () => {
    const before = (await h.as(learner.token).needs.match({ needId })).score;
    await h.as(learner.token).profile.skills.declare({ skillId: skill.SQL as string, body: { level: 4 } });
    const after = await h.as(learner.token).needs.match({ needId });
    expect(after.score).toBeGreaterThan(before);
    await h.t.drainEvents();
    expect(received).toContainEqual({
      name: 'industry-support.match.improved',
      payload: { needId, personId: learner.id, regionId: 'default', previousScore: before, score: after.score },
    });
    await h.as(learner.token).profile.skills.withdraw({ skillId: skill.SQL as string });
  });

  it('decay with age: evidence one half-life old counts half', async () => {
    h.tickDays(HALF_LIFE_DAYS);
    const token = await signIn(h, learner);
    const match = await h.as(token).needs.match({ needId });
    // SQL's new rule: the passed test shows level 1 × 0.5 = 0.5 of 2 → 0.25 (w 2).
    // (5·2.5/4 + 4·0.75/3 + 1·1.6/2 + 2·0.25) / 12 = (3.125 + 1 + 0.8 + 0.5) / 12 = 0.4521
    expect(match.skills.map((s) => s.heldLevel)).toEqual([2.5, 0.75, 1.6, 0.5]);
    expect(match.score).toBe(0.4521);
  });
});

describe('consent-gated contact', () => {
  /** Every response a company principal got, as text: nothing personal may be in it without consent. */
  const seenByCompany: string[] = [];
  const asCompany = async (path: string) => {
    const res = await h.t.request(`/v1/industry-support${path}`, { auth: acme.key });
    const text = await res.text();
    seenByCompany.push(text);
    return { status: res.status, body: JSON.parse(text) };
  };
  const mentions = (person: TestPerson, displayName = person.legalName) =>
    seenByCompany.filter(
      (t) => t.includes(person.learnerNumber) || t.includes(person.legalName) || t.includes(displayName),
    );

  it('shows the company nothing of a learner until they opt in, and nothing again after they withdraw', async () => {
    const need = await openNeed();
    const learner = await h.t.person({ verified: true, legalName: 'Wang Xiaoming' });
    await h.t.request('/v1/me/display-name', {
      method: 'PUT',
      auth: learner.token,
      json: { displayName: 'Welder Wang' },
    });
    await takeTest(h, learner.token, weldingTest);
    await h.as(learner.token).needs.match({ needId: need.id });

    for (const path of [`/needs/${need.id}`, `/needs/${need.id}/candidates`, `/needs/${need.id}/cohort`, '/needs']) {
      expect((await asCompany(path)).status).toBe(200);
    }
    expect(mentions(learner, 'Welder Wang')).toEqual([]);

    const consent = await h.as(learner.token).needs.consents.give({ needId: need.id });
    expect(consent).toMatchObject({ status: 'active', withdrawnAt: null });
    const candidates = await asCompany(`/needs/${need.id}/candidates`);
    expect(candidates.body.items).toEqual([
      expect.objectContaining({
        learnerNumber: learner.learnerNumber,
        displayName: 'Welder Wang',
        matched: 2,
        partial: 1,
        missing: 1,
        stalled: false,
      }),
    ]);
    // With consent the company sees the name the learner chose; the legal name never reaches it.
    expect(seenByCompany.some((t) => t.includes(learner.legalName))).toBe(false);

    await h.as(learner.token).needs.consents.withdraw({ needId: need.id });
    const start = seenByCompany.length;
    for (const path of [`/needs/${need.id}/candidates`, `/needs/${need.id}/cohort`, `/needs/${need.id}`]) {
      expect((await asCompany(path)).status).toBe(200);
    }
    expect(
      seenByCompany.slice(start).filter((t) => t.includes(learner.learnerNumber) || t.includes('Welder Wang')),
    ).toEqual([]);
    // Another company never sees the need's candidates at all.
    const other = await company(h, 'Other Co');
    expect((await h.t.request(`/v1/industry-support/needs/${need.id}/candidates`, { auth: other.key })).status).toBe(
      404,
    );
  });

  it('cohort aggregates appear only from the region’s minimum of consenting learners', async () => {
    const need = await openNeed();
    const cohort = () => h.as(acme.key).needs.cohort({ needId: need.id });
    const first = await h.t.person({ verified: true });
    await h.as(first.token).needs.match({ needId: need.id });
    await h.as(first.token).needs.consents.give({ needId: need.id });
    expect(await cohort()).toEqual({
      needId: need.id,
      minimum: 2,
      consenting: null,
      distribution: null,
      mean: null,
      stalled: null,
    });
    const second = await h.t.person({ verified: true });
    await takeTest(h, second.token, weldingTest);
    await h.as(second.token).needs.match({ needId: need.id });
    await h.as(second.token).needs.consents.give({ needId: need.id });
    const shown = await cohort();
    expect(shown).toMatchObject({ consenting: 2, stalled: 0 });
    expect(shown.distribution?.map((b) => b.learners)).toEqual([1, 0, 1, 0, 0]);
    // Region admins oversee aggregates too; learners do not.
    expect((await h.as(admin).needs.cohort({ needId: need.id })).consenting).toBe(2);
    await refused(h.as(first.token).needs.cohort({ needId: need.id }), 404);
  });
});
