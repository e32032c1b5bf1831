import creditBankClient from '@lifelong/plugin-credit-bank/client';
import { createClient } from '@lifelong/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificatePng } from './png.js';
import { hasChromium, openPortal, type Person, type Portal, SLOW, warnIfNoChromium } from './support.js';

warnIfNoChromium();

let portal: Portal;
let learner: Person;
let guardian: Person;
let child: Person;
let verifier: Person;
let schoolId: string;
/** A control's name, "what: which" (the "which" part is for screen readers; Chromium spaces it out). */
const about = (what: string, which: string) => new RegExp(`^${what}\\s*:\\s*${which}$`);
const nav = () => portal.page.getByRole('navigation', { name: 'Main' });

describe.skipIf(!hasChromium)('the credit bank in the portal: learners, families, institutions', () => {
  beforeAll(async () => {
    portal = await openPortal('credit-bank');
    const { admin, running } = portal;
    // An accredited school that awards and verifies credits, with its system's key and a verifier.
    const school = await admin.institutions.create({
      body: { name: 'Harbour School', kind: 'school', regionId: 'default' },
    });
    schoolId = school.id;
    await admin.institutions.accreditation.set({ institutionId: school.id, body: { status: 'accredited' } });
    await admin.creditBank.providers.create({
      body: { institutionId: school.id, capabilities: ['award', 'verify'], validFrom: '2020-01-01T00:00:00Z' },
    });
    const { key } = await admin.apiKeys.create({
      body: { name: 'Harbour system', role: 'issuer', institutionId: school.id },
    });
    const issuer = createClient({ baseUrl: running.url, auth: { apiKey: key }, plugins: [creditBankClient] });

    learner = await portal.person({ legalName: '陈静' });
    guardian = await portal.person({ legalName: 'Parent Liu' });
    child = await portal.person({ legalName: 'Liu Xiaobao', dateOfBirth: '2014-03-09', guardian });
    verifier = await portal.person({
      legalName: 'Verifier Sun',
      roles: [{ role: 'registrar', scope: { type: 'institution', id: school.id } }],
    });

    const row = (
      learnerNumber: string,
      externalId: string,
      title: string,
      stage: string,
      hours: number,
      at: string,
    ) => ({
      learnerNumber,
      externalId,
      title,
      stage,
      workloadHours: hours,
      completedAt: at,
      learningOutcomes: ['Does it well'],
      assessment: { type: 'practical' },
      form: 'offline',
    });
    const rows = [
      row(learner.learnerNumber, 'cb-1', 'Welding basics', 'vocational', 25, '2025-05-01T00:00:00Z'),
      row(learner.learnerNumber, 'cb-2', 'Night accounting', 'social-in-service', 50, '2026-06-01T00:00:00Z'),
      row(child.learnerNumber, 'cb-3', 'Swimming', 'primary', 50, '2025-09-01T00:00:00Z'),
    ];
    const job = await issuer.creditBank.imports.create({
      body: new Blob([JSON.stringify({ rows })], { type: 'application/json' }),
      contentType: 'application/json',
    });
    expect(job).toMatchObject({ created: 3, failed: 0 });

    // The region offers a book; minors need a guardian's approval for any spending.
    await admin.creditBank.exchange.resources.create({
      body: { kind: 'book', title: 'Atlas of China', description: 'A school atlas.', price: '1', stock: 5 },
    });
    await admin.regions.plugins.update({
      regionId: 'default',
      pluginId: 'credit-bank',
      body: { config: { exchange: { minorSpendingApprovalAbove: 0 } } },
    });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('a learner sees their lifelong record year by year, with totals by stage', async () => {
    const { page } = portal;
    await portal.signIn(learner);
    await nav().getByRole('link', { name: 'Lifelong record' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lifelong record' }).waitFor();
    await expect.poll(() => page.getByTestId('year-2026').textContent(), SLOW).toContain('2026: 2.0 credits');
    expect(await page.getByTestId('year-2026').textContent()).toContain('Night accounting');
    expect(await page.getByTestId('year-2025').textContent()).toContain('Welding basics');
    expect(await page.getByTestId('stage-vocational').textContent()).toContain('1.0 credits');
    // Newest year first.
    const years = await page
      .getByTestId(/^year-/)
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-testid')));
    expect(years).toEqual(['year-2026', 'year-2025']);
    await portal.check('record');
  });

  it('a learner browses the exchange, redeems a book and cancels it (the points come back)', async () => {
    const { page } = portal;
    const before = await learner.client.creditBank.wallet.get();
    await nav().getByRole('link', { name: 'Exchange' }).click();
    await page.getByRole('heading', { level: 3, name: 'Atlas of China' }).waitFor();
    await portal.check('exchange');
    await page.getByRole('button', { name: about('Redeem', 'Atlas of China') }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toContain('Redeemed: Atlas of China');
    await page.getByRole('cell', { name: 'held until delivery' }).waitFor();
    const held = await learner.client.creditBank.wallet.get();
    expect(BigInt(held.points.available)).toBe(BigInt(before.points.available) - 1n);
    await portal.check('exchange-redeemed');

    await page.getByRole('button', { name: about('Cancel', 'Atlas of China') }).click();
    await page.getByRole('cell', { name: 'cancelled' }).waitFor();
    const after = await learner.client.creditBank.wallet.get();
    expect(after.points.available).toBe(before.points.available);
    expect(await page.getByRole('button', { name: about('Cancel', 'Atlas of China') }).count()).toBe(0);
    await portal.check('exchange-cancelled');
    await portal.signOut();
  });

  it("a guardian sees their child, approves one of the child's redemptions and declines another", async () => {
    const { page, admin } = portal;
    const atlas = (await admin.creditBank.exchange.resources.list({})).items[0]?.id ?? '';
    const first = await child.client.creditBank.exchange.redemptions.create({ resourceId: atlas, body: {} });
    const second = await child.client.creditBank.exchange.redemptions.create({ resourceId: atlas, body: {} });
    expect([first.status, second.status]).toEqual(['pending-approval', 'pending-approval']);

    await portal.signIn(guardian);
    await nav().getByRole('link', { name: 'Family' }).click();
    await page.getByRole('heading', { level: 1, name: 'My children' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Liu Xiaobao' }).waitFor();
    expect(await page.getByTestId(`child-${child.learnerNumber}`).textContent()).toContain(child.learnerNumber);
    await portal.check('family');

    await page.getByRole('link', { name: about('Spending approvals', 'Liu Xiaobao') }).click();
    await page.getByRole('heading', { level: 1, name: about('Spending approvals', 'Liu Xiaobao') }).waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: about('Approve', 'Atlas of China') }).count(), SLOW)
      .toBe(2);
    await portal.check('approvals');
    await page
      .getByRole('button', { name: about('Approve', 'Atlas of China') })
      .first()
      .click();
    await expect
      .poll(() => page.getByRole('button', { name: about('Approve', 'Atlas of China') }).count(), SLOW)
      .toBe(1);
    await page.getByRole('button', { name: about('Decline', 'Atlas of China') }).click();
    await page.getByText('Nothing is waiting for your approval.').waitFor();

    const statuses = (await child.client.creditBank.exchange.redemptions.list({})).items.map((r) => r.status).sort();
    expect(statuses).toEqual(['declined', 'held']);
    await portal.check('approvals-done');
  });

  it("a guardian sets a new password for their child (the child's old one stops working)", async () => {
    const { page, running } = portal;
    await nav().getByRole('link', { name: 'Family' }).click();
    await page.getByRole('button', { name: about('Set a new password', 'Liu Xiaobao') }).click();
    const field = page.getByLabel('New password for Liu Xiaobao');
    await field.fill('short');
    await page.getByRole('button', { name: 'Set password' }).click();
    await expect.poll(() => field.getAttribute('aria-invalid'), SLOW).toBe('true');
    await portal.check('child-password-refused');
    await field.fill('a new start for xiaobao');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByRole('status').getByText('A new password is set for Liu Xiaobao.').waitFor();

    const attempt = (password: string) =>
      createClient({ baseUrl: running.url }).sessions.create({
        body: { learnerNumber: child.learnerNumber, password },
      });
    await expect(attempt(child.password)).rejects.toMatchObject({ status: 401 });
    await expect(attempt('a new start for xiaobao')).resolves.toMatchObject({ token: expect.any(String) });
    await portal.signOut();
  });

  it("an institution's verifier reviews a certificate with its evidence open and approves it", async () => {
    const { page } = portal;
    // The learner submits the certificate through the page, with the picture as its evidence.
    await portal.signIn(learner);
    await nav().getByRole('link', { name: 'Certificates' }).click();
    await page.getByRole('heading', { level: 1, name: 'My certificates' }).waitFor();
    await page.getByText('You have not submitted any certificates yet.').waitFor();
    await page.getByLabel('Issuing institution').selectOption(schoolId);
    await page.getByLabel('Title of the certificate').fill('First aid certificate');
    await page.getByLabel('Stage').selectOption('social-in-service');
    await page.getByLabel('Learning outcomes').fill('Gives first aid');
    await page.getByLabel('Learning hours').fill('25');
    await page.getByLabel('Assessment type').selectOption('practical');
    await page.getByLabel('Form of learning').selectOption('offline');
    await page.getByLabel('Completed').fill('2026-04-01');
    await page.getByLabel('Evidence').setInputFiles({
      name: 'first-aid.png',
      mimeType: 'image/png',
      buffer: Buffer.from(certificatePng(64, 40, 7)),
    });
    await page.getByText('first-aid.png: uploaded').waitFor();
    await portal.check('certificate-form');
    await page.getByRole('button', { name: 'Submit the certificate' }).click();
    await page.getByRole('status').getByText('Submitted: First aid certificate.').waitFor();
    await page.getByRole('heading', { level: 3, name: 'First aid certificate' }).waitFor();
    await page.getByText('submitted, waiting for review').waitFor();
    await portal.check('certificates');
    await portal.signOut();
    const before = await learner.client.creditBank.people.transcript.get({ learnerNumber: learner.learnerNumber });

    await portal.signIn(verifier);
    await nav().getByRole('link', { name: 'Certificate review' }).click();
    await page.getByRole('heading', { level: 1, name: 'Certificate review' }).waitFor();
    await page.getByText('For Harbour School').waitFor();
    await page.getByRole('button', { name: about('Review', 'First aid certificate') }).click();
    const image = page.getByRole('img', { name: 'Evidence file 1' });
    await image.waitFor();
    // The evidence is really open: the browser decoded the picture.
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth), SLOW).toBe(64);
    await portal.check('review-open');

    // Rejecting needs a reason: the field is named.
    await page.getByLabel('Reject').check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await expect.poll(() => page.getByLabel('Reason').getAttribute('aria-invalid'), SLOW).toBe('true');
    await portal.check('review-reason-needed');

    await page.getByLabel('Approve and credit it').check();
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByRole('status').getByText('Approved: First aid certificate. The credits are recorded.').waitFor();
    await page.getByText('No certificates are waiting for review.').waitFor();
    const after = await learner.client.creditBank.people.transcript.get({ learnerNumber: learner.learnerNumber });
    expect(after.totals.records).toBe(before.totals.records + 1);
    await portal.check('review-approved');
  });

  it('ran under the CSP without a blocked resource or a script error', () => {
    expect(portal.problems).toEqual([]);
  });
});
