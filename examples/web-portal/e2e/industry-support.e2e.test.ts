import { readFile } from 'node:fs/promises';
import industrySupportClient from '@lifelong/plugin-industry-support/client';
import { createClient } from '@lifelong/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, openPortal, type Person, type Portal, SLOW, warnIfNoChromium } from './support.js';

warnIfNoChromium();

let portal: Portal;
let staff: Person;
let learner: Person;
let companyKey: string;
let needId: string;
const NEED = "Welders for the Bao'an yard";
const TEST = 'Arc welding basics';
/** A control's name, "what: which" (the "which" part is for screen readers; Chromium spaces it out). */
const about = (what: string, which: string) => new RegExp(`^${what}\\s*:\\s*${which}$`);
const nav = () => portal.page.getByRole('navigation', { name: 'Main' });
const FIXTURES = new URL('../../../plugins/industry-support/fixtures/', import.meta.url);
const ESCO_FILES = [
  ['esco-occupations', 'esco/occupations.csv'],
  ['esco-skills', 'esco/skills.csv'],
  ['esco-skill-groups', 'esco/skill_groups.csv'],
  ['esco-occupation-skills', 'esco/occupation_skill_relations.csv'],
  ['esco-skill-hierarchy', 'esco/skill_hierarchy.csv'],
] as const;

describe.skipIf(!hasChromium)('industry support in the portal: needs, the explained match, self-tests, consent', () => {
  beforeAll(async () => {
    portal = await openPortal('industry-support');
    const { admin, running } = portal;
    // The region's taxonomy: the plugin's ESCO fixture, imported as its own tests do (files posted,
    // then the imports job run until every file is read).
    const taxonomy = await admin.industrySupport.taxonomies.create({
      body: {
        code: 'esco',
        version: '1.1.1',
        name: 'ESCO (fixture)',
        format: 'esco-csv',
        source: 'https://github.com/tabiya-tech/tabiya-open-dataset',
        licence: 'CC BY 4.0',
      },
    });
    const imports: string[] = [];
    for (const [file, path] of ESCO_FILES) {
      const body = new Blob([await readFile(new URL(path, FIXTURES), 'utf8')], { type: 'text/csv' });
      const queued = await admin.industrySupport.taxonomies.imports.create({
        taxonomyId: taxonomy.id,
        file,
        body,
        contentType: 'text/csv',
      });
      imports.push(queued.id);
    }
    for (let run = 0; run < 50; run++) {
      const states = await Promise.all(
        imports.map((importId) => admin.industrySupport.taxonomies.imports.get({ importId })),
      );
      if (states.every((s) => s.status === 'completed')) break;
      await running.platform.jobs.run('industry-support', 'imports');
    }
    const skills = await admin.industrySupport.taxonomies.skills.list({ taxonomyId: taxonomy.id, limit: 100 });
    const arc = skills.items.find((s) => s.label === 'use arc welding techniques');
    expect(arc).toBeDefined();

    // An accredited company with its industry-partner key, and a member of its staff.
    const company = await admin.institutions.create({
      body: { name: 'Bao’an Shipyard', kind: 'company', regionId: 'default' },
    });
    await admin.institutions.accreditation.set({ institutionId: company.id, body: { status: 'accredited' } });
    companyKey = (
      await admin.apiKeys.create({
        body: { name: 'Shipyard system', role: 'industry-partner', institutionId: company.id },
      })
    ).key;
    staff = await portal.person({
      legalName: 'Staff Zhou',
      roles: [{ role: 'industry-partner', scope: { type: 'institution', id: company.id } }],
    });

    // A learner who chose a display name; a self-test (a one-question form by a teacher) that the
    // region counts as evidence of arc welding at level 5.
    learner = await portal.person({ legalName: 'Wang Lei' });
    await learner.client.me.displayName.set({ body: { displayName: 'Wang the welder' } });
    const author = await portal.person({ legalName: 'Teacher Qian' });
    const bank = await author.client.assessments.banks.create({ body: { title: 'Welding' } });
    const { itemIds } = await author.client.assessments.banks.import({
      bankId: bank.id,
      body: {
        format: 'lifelong.assessments.items',
        version: 1,
        items: [
          {
            kind: 'singleChoice',
            prompt: 'Which gas shields a MIG weld?',
            options: [
              { id: 'argon', text: 'Argon' },
              { id: 'oxygen', text: 'Oxygen' },
            ],
            key: { correctOptionId: 'argon' },
          },
        ],
      },
    });
    const form = await author.client.assessments.banks.forms.create({
      bankId: bank.id,
      body: {
        title: TEST,
        selection: { kind: 'fixed', itemIds },
        timeLimitSeconds: 600,
        passPercent: 50,
        status: 'open',
      },
    });
    await admin.industrySupport.evidenceRules.create({ body: { formId: form.id, skillId: arc?.id ?? '', level: 5 } });
  });
  afterAll(async () => {
    await portal?.close();
  });

  const useKey = async () => {
    const { page } = portal;
    await page.getByLabel('Company API key').fill(companyKey);
    await page.getByRole('button', { name: 'Use this key' }).click();
    await page.getByText('Acting for Bao’an Shipyard.').waitFor();
  };
  const addSkill = async (words: string, label: string, level: string, importance: string) => {
    const { page } = portal;
    await page.getByLabel('Words of the skill').fill(words);
    await page.getByRole('button', { name: 'Find skills' }).click();
    await page.getByRole('button', { name: about('Choose', label) }).click();
    await page.getByLabel(`Level needed for ${label}`).selectOption(level);
    await page.getByLabel(`Importance of ${label}`).selectOption(importance);
  };

  it("a company's staff writes a need with skills from the taxonomy, and publishes it", async () => {
    const { page } = portal;
    await portal.signIn(staff);
    await nav().getByRole('link', { name: 'Company needs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Company needs' }).waitFor();
    await portal.check('company-key');
    await useKey();
    await page.getByText('No needs yet').waitFor();
    await page.getByLabel('Title').fill(NEED);
    await page.getByLabel('People wanted').fill('12');
    await addSkill('arc', 'use arc welding techniques', '4', '5');
    await addSkill('drawings', 'read engineering drawings', '3', '4');
    await portal.check('company-new-need');
    await page.getByRole('button', { name: 'Save as draft' }).click();
    await page.getByRole('heading', { level: 1, name: NEED }).waitFor();
    expect(await page.getByTestId('need-status').textContent()).toBe('Draft');
    needId = page.url().split('/needs/')[1]?.split('?')[0] ?? '';
    await portal.check('company-need-draft');

    await page.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => page.getByTestId('need-status').textContent(), SLOW).toBe('Published');
    const company = createClient({
      baseUrl: portal.running.url,
      auth: { apiKey: companyKey },
      plugins: [industrySupportClient],
    });
    const need = await company.industrySupport.needs.get({ needId });
    expect(need.status).toBe('open');
    expect(need.headcount).toBe(12);
    expect(need.skills.map((s) => [s.label, s.requiredLevel, s.importance, s.essential])).toEqual([
      ['use arc welding techniques', 4, 5, true],
      ['read engineering drawings', 3, 4, true],
    ]);
    await portal.check('company-need-published');
    await portal.signOut();
  });

  it('a learner opens the need and sees, skill by skill, what matches and what is missing, levels and importance apart', async () => {
    const { page } = portal;
    await portal.signIn(learner);
    await nav().getByRole('link', { name: 'Industry needs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Industry needs' }).waitFor();
    await portal.check('needs');
    await page.getByRole('link', { name: NEED }).click();
    await page.getByRole('heading', { level: 1, name: NEED }).waitFor();
    const arc = page.getByTestId('match-use arc welding techniques');
    await expect.poll(() => arc.getAttribute('data-status'), SLOW).toBe('missing');
    const arcText = await arc.textContent();
    expect(arcText).toMatch(/Level needed\s*4 of 7/);
    expect(arcText).toMatch(/Your level\s*0 of 7/);
    expect(arcText).toMatch(/Importance to the company\s*5 of 5/);
    expect(await page.getByTestId('match-score').textContent()).toContain('Overall match: 0%');
    expect(await page.getByTestId('gap-use arc welding techniques').textContent()).toContain(TEST);
    await page.getByText('Published by Bao’an Shipyard').waitFor();
    await portal.check('need-match');
    // At a phone's width the skills stack and nothing scrolls sideways.
    await page.setViewportSize({ width: 360, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await portal.check('need-match-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('the learner takes the self-test the gap plan offers, sees the result, and the match counts it', async () => {
    const { page } = portal;
    await page.getByRole('button', { name: about('Take this self-test', TEST) }).click();
    await page.getByRole('heading', { level: 1, name: TEST }).waitFor();
    await page.getByLabel('Argon').check();
    await page.getByRole('button', { name: 'Save answers' }).click();
    await page.getByRole('status').getByText('Your answers are saved.').waitFor();
    await portal.check('attempt');
    await page.getByRole('button', { name: 'Submit' }).click();
    await expect.poll(() => page.getByTestId('attempt-result').textContent(), SLOW).toContain('100% · passed');
    await portal.check('attempt-result');

    await page.getByRole('link', { name: 'Back to the need: see your match now' }).click();
    const arc = page.getByTestId('match-use arc welding techniques');
    await expect.poll(() => arc.getAttribute('data-status'), SLOW).toBe('matched');
    expect(await arc.textContent()).toContain(`Self-test passed: ${TEST}`);
    expect(await page.getByTestId('match-read engineering drawings').getAttribute('data-status')).toBe('missing');
    // (essential, importance 5) · 1 / (5 + 4) = 0.5556
    expect(await page.getByTestId('match-score').textContent()).toContain('Overall match: 56%');
    await portal.check('need-match-after-test');

    // The profile shows the skill with its evidence; the self-tests page lists the attempt.
    await nav().getByRole('link', { name: 'My skills' }).click();
    await page.getByRole('heading', { level: 3, name: 'use arc welding techniques' }).waitFor();
    await page.getByText(`Self-test passed: ${TEST}`).waitFor();
    await portal.check('skills');
    // A skill declared by the learner is marked as theirs and counts half; withdrawn, it is gone.
    await page.getByLabel('Words of the skill').fill('drawings');
    await page.getByRole('button', { name: 'Find skills' }).click();
    await page.getByRole('button', { name: about('Choose', 'read engineering drawings') }).click();
    await page.getByLabel('My level').selectOption('4');
    await page.getByRole('button', { name: 'Declare', exact: true }).click();
    await page.getByRole('status').getByText('Declared: “read engineering drawings” at level 4.').waitFor();
    const drawings = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'read engineering drawings' }) });
    await expect.poll(() => drawings.textContent(), SLOW).toContain('Declared by you');
    expect(await drawings.textContent()).toContain('Your level: 2 of 7');
    await portal.check('skills-declared');
    await page.getByRole('button', { name: about('Withdraw my declaration', 'read engineering drawings') }).click();
    await page.getByRole('status').getByText('Your declaration of “read engineering drawings” is withdrawn.').waitFor();
    await expect.poll(() => drawings.count(), SLOW).toBe(0);
    expect((await learner.client.industrySupport.profile.get()).skills.map((s) => s.label)).toEqual([
      'use arc welding techniques',
    ]);
    await nav().getByRole('link', { name: 'Self-tests' }).click();
    await page.getByRole('cell', { name: TEST }).waitFor();
    await portal.check('self-tests');
  });

  it('the learner agrees to be contacted, and the company sees them by their display name only', async () => {
    const { page } = portal;
    await nav().getByRole('link', { name: 'Industry needs' }).click();
    await page.getByRole('link', { name: NEED }).click();
    await page.getByRole('heading', { level: 2, name: 'Let Bao’an Shipyard contact you' }).waitFor();
    await page.getByRole('button', { name: 'I agree to be contacted' }).click();
    await page.getByTestId('consent-status').waitFor();
    await portal.check('consent-given');
    await portal.signOut();

    await portal.signIn(staff);
    await nav().getByRole('link', { name: 'Company needs' }).click();
    await useKey();
    await page.getByRole('link', { name: NEED }).click();
    await page.getByRole('heading', { level: 2, name: 'Learners who agreed to be contacted' }).waitFor();
    const candidate = page.getByTestId('candidate');
    await expect.poll(() => candidate.count(), SLOW).toBe(1);
    const text = (await candidate.textContent()) ?? '';
    expect(text).toContain('Wang the welder');
    expect(text).toContain('Overall match: 56%');
    expect(text).not.toContain('Wang Lei');
    await page.getByText('Figures are shown from 5 agreeing learners on').waitFor();
    await portal.check('company-candidates');

    // An edit is a new version; the first stays readable.
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('People wanted').fill('10');
    await page.getByRole('button', { name: 'Save a new version' }).click();
    await page.getByRole('status').getByText('Saved as version 2.').waitFor();
    await page.getByLabel('Show version').selectOption('1');
    await expect.poll(() => page.getByTestId('version').textContent(), SLOW).toContain('People wanted: 12');
    await portal.check('company-versions');
    expect(portal.problems).toEqual([]);
  });
});
