import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, inRegion, openPortal, type Person, type Portal, SLOW, warnIfNoChromium } from './support.js';

warnIfNoChromium();

let portal: Portal;
let coordinator: Person;
let contact: Person;
let evaluator: Person;
let expert: Person;
let expertId: string;
let engagementId: string;
const nav = () => portal.page.getByRole('navigation', { name: 'Main' });
/** Signs in as someone, signing out first if a step before left someone signed in. */
async function signInAs(person: Person) {
  if ((await portal.page.getByRole('button', { name: 'Sign out' }).count()) > 0) await portal.signOut();
  await portal.signIn(person);
}
const idOf = async (person: Person) => (await person.client.me.get()).id;

describe.skipIf(!hasChromium)(
  'evaluation and consultation in the portal: engagement, experts, grades, the report',
  () => {
    beforeAll(async () => {
      portal = await openPortal('evaluation-consultation');
      const { admin } = portal;
      const school = await admin.institutions.create({
        body: { name: 'Harbour School', kind: 'school', regionId: 'default' },
      });
      await admin.institutions.accreditation.set({ institutionId: school.id, body: { status: 'accredited' } });
      coordinator = await portal.person({ legalName: 'Coordinator Qian', roles: [inRegion('region-admin')] });
      contact = await portal.person({ legalName: 'Head Teacher Lin' });
      evaluator = await portal.person({ legalName: 'Evaluator Wu' });
      expert = await portal.person({ legalName: 'Expert Sun Legal' });
      await expert.client.me.displayName.set({ body: { displayName: 'Dr Sun' } });
      const registered = await coordinator.client.evaluationConsultation.experts.create({
        body: {
          personId: await idOf(expert),
          fields: ['teaching'],
          regions: ['default'],
          languages: ['zh'],
          available: true,
        },
      });
      expertId = registered.id;
    }, 120_000);
    afterAll(async () => {
      await portal?.close();
    });

    it('a coordinator opens an engagement for the school, agrees the scope, advances and assigns an expert', async () => {
      const { page } = portal;
      await signInAs(coordinator);
      await nav().getByRole('link', { name: 'Evaluations' }).click();
      await page.getByRole('heading', { level: 1, name: 'Evaluations and consultations' }).waitFor();
      await page.getByText('You take part in no engagement yet.').waitFor();
      await page.getByLabel('School', { exact: true }).selectOption({ label: 'Harbour School' });
      await portal.check('engagements-open');
      await page.getByRole('button', { name: 'Open the engagement' }).click();
      await page.getByRole('heading', { level: 1, name: 'Engagement with Harbour School' }).waitFor();
      await expect.poll(() => page.getByTestId('ec-stage').textContent(), SLOW).toBe('Request and scoping');
      engagementId = page.url().split('/').pop() ?? '';
      const stored = await coordinator.client.evaluationConsultation.engagements.get({ engagementId });
      expect(stored).toMatchObject({ stage: 'scoping', myRoles: ['lead'] });
      // The school's contact and a team member join (through the API: not what this test is about).
      for (const [person, role] of [
        [contact, 'schoolContact'],
        [evaluator, 'member'],
      ] as const) {
        await coordinator.client.evaluationConsultation.engagements.members.add({
          engagementId,
          body: { personId: await idOf(person), role },
        });
      }

      // Advancing before the scope is agreed is refused, naming the milestone.
      await page.getByRole('button', { name: 'Move to the next stage' }).click();
      await expect
        .poll(() => page.getByRole('alert').first().textContent(), SLOW)
        .toContain('Scope agreed with the school');
      await page.getByRole('button', { name: /^Record as met\s*:\s*Scope agreed/ }).click();
      await expect.poll(() => page.getByTestId('milestone-scope-agreed').textContent(), SLOW).toMatch(/^\s*met\b/);
      await page.getByRole('button', { name: 'Move to the next stage' }).click();
      await expect.poll(() => page.getByTestId('ec-stage').textContent(), SLOW).toBe('School self-evaluation');

      await page.getByLabel('Needs').fill('teaching');
      await page.getByRole('button', { name: 'Find experts' }).click();
      await page.getByRole('heading', { level: 3, name: 'Dr Sun' }).waitFor();
      await portal.check('engagement-experts');
      await page.getByRole('button', { name: /^Assign\s*:\s*Dr Sun/ }).click();
      await page.getByText('Assigned: Dr Sun.').waitFor();
      const members = await coordinator.client.evaluationConsultation.engagements.members.list({ engagementId });
      expect(members.items.filter((m) => m.role === 'expert').map((m) => m.expertId)).toEqual([expertId]);
      await portal.signOut();
    });

    it('the school contact finds the engagement and submits its self-evaluation', async () => {
      const { page } = portal;
      await signInAs(contact);
      await nav().getByRole('link', { name: 'Evaluations' }).click();
      await page.getByRole('link', { name: 'Harbour School' }).click();
      await page.getByRole('heading', { level: 1, name: 'Engagement with Harbour School' }).waitFor();
      await page.getByRole('heading', { level: 3, name: 'Self-evaluation' }).waitFor();
      for (const [name, grade] of [
        ['Leadership of change', '4'],
        ['Learning, teaching and assessment', '5'],
        ['Wellbeing, equality and inclusion', '4'],
        ['Raising attainment and achievement', '3'],
      ] as const) {
        await page.getByLabel(`Grade for ${name}`).selectOption(grade);
        await page.getByLabel(`How do we know? (${name})`).fill(`Our own review of ${name.toLowerCase()}.`);
      }
      await portal.check('self-evaluation');
      await page.getByRole('button', { name: 'Submit the self-evaluation' }).click();
      await expect.poll(() => page.getByTestId('grade-teaching').textContent(), SLOW).toContain('5 (very good)');
      expect(await page.getByRole('heading', { level: 3, name: 'Self-evaluation' }).count()).toBe(0);
      const grades = await contact.client.evaluationConsultation.engagements.grades.get({ engagementId });
      expect(grades.selfEvaluationSubmittedAt).not.toBeNull();
      // The school does not read the evidence file.
      expect(await page.getByRole('heading', { level: 2, name: 'Evidence file' }).count()).toBe(0);
      await portal.signOut();
    });

    it('a team member grades an indicator and writes a finding with a solution', async () => {
      const { page } = portal;
      await signInAs(evaluator);
      await page.goto(`${portal.running.url}/engagements/${engagementId}`);
      await page.getByRole('heading', { level: 1, name: 'Engagement with Harbour School' }).waitFor();
      await page
        .getByLabel('Indicator', { exact: true })
        .first()
        .selectOption({ label: 'Learning, teaching and assessment' });
      await page.locator('#ec-grade').selectOption('3');
      await page.locator('#ec-grade-why').fill('Six lessons observed: little checking of understanding.');
      await page.getByRole('button', { name: 'Record the grade' }).click();
      await expect.poll(() => page.getByTestId('grade-teaching').textContent(), SLOW).toContain('3 (satisfactory)');
      await page.locator('#ec-finding-indicator').selectOption('teaching');
      await page.getByLabel('Finding', { exact: true }).fill('Questioning rarely checks what pupils understood.');
      await page.getByLabel('A solution (optional)').fill('Peer observation of questioning every fortnight.');
      await page.getByRole('button', { name: 'Add the finding' }).click();
      await expect
        .poll(() => page.getByTestId('ec-findings').textContent(), SLOW)
        .toContain('Peer observation of questioning');
      await portal.check('team-grades');
      const findings = await evaluator.client.evaluationConsultation.engagements.findings.list({ engagementId });
      expect(findings.items.map((f) => [f.kind, f.indicatorCode, f.solutions.length])).toEqual([
        ['improvement', 'teaching', 1],
      ]);
      await portal.signOut();
    });

    it('the draft is released and the school reads it in the page, comments and downloads the PDF', async () => {
      const { page } = portal;
      await coordinator.client.evaluationConsultation.engagements.report.drafts.create({ engagementId });
      await coordinator.client.evaluationConsultation.engagements.report.release({ engagementId });
      await signInAs(contact);
      await page.goto(`${portal.running.url}/engagements/${engagementId}`);
      const report = page.getByTestId('ec-report');
      await report.waitFor();
      expect(await report.textContent()).toContain('Draft, version 1');
      expect(await page.getByTestId('report-teaching').textContent()).toContain('3 (satisfactory)');
      expect(await page.getByTestId('ec-report-findings').textContent()).toContain(
        'Questioning rarely checks what pupils understood.',
      );
      await page.getByLabel('Section').fill('Teaching');
      await page.getByLabel('Comment', { exact: true }).fill('Two of the six lessons were cover lessons.');
      await page.getByRole('button', { name: 'Send the comment' }).click();
      await expect.poll(() => page.getByTestId('ec-comments').textContent(), SLOW).toContain('cover lessons');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download as PDF' }).click();
      expect((await download).suggestedFilename()).toMatch(/^report-.*-v1\.pdf$/);
      await portal.check('report-school');
      await page.setViewportSize({ width: 360, height: 780 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await portal.check('report-phone');
      await page.setViewportSize({ width: 1280, height: 900 });
      const comments = await coordinator.client.evaluationConsultation.engagements.report.comments.list({
        engagementId,
      });
      expect(comments.items.map((c) => [c.section, c.response])).toEqual([['Teaching', null]]);
      expect(portal.problems).toEqual([]);
    });
  },
);
