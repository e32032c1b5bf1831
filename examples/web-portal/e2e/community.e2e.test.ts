import creditBankClient from '@lifelong/plugin-credit-bank/client';
import { createClient } from '@lifelong/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, inRegion, openPortal, type Person, type Portal, SLOW, warnIfNoChromium } from './support.js';

warnIfNoChromium();

let portal: Portal;
let author: Person;
let reader: Person;
let moderator: Person;
let secondModerator: Person;
let postId = '';
const POST = 'Reading payslips together';
const NEED = 'Help me read a tax form';
/** A control's name, "what: which" (the "which" part is for screen readers; Chromium spaces it out). */
const about = (what: string, which: string) => new RegExp(`^${what}\\s*:\\s*${which}$`);
const nav = () => portal.page.getByRole('navigation', { name: 'Main' });
const points = async (person: Person) => BigInt((await person.client.creditBank.wallet.get()).points.available);

describe.skipIf(!hasChromium)('the community in the portal: posts, flags, moderation, appeals, needs', () => {
  beforeAll(async () => {
    portal = await openPortal('community');
    const { admin, running } = portal;
    author = await portal.person({ legalName: 'Author Wu' });
    reader = await portal.person({ legalName: 'Reader Qian' });
    moderator = await portal.person({ legalName: 'Moderator Zhou', roles: [inRegion('region-admin')] });
    secondModerator = await portal.person({ legalName: 'Moderator Ma', roles: [inRegion('region-admin')] });
    await author.client.me.displayName.set({ body: { displayName: 'Wu the welder' } });
    // Both learners are past their first day (trust level 1: they post without waiting and may flag).
    for (const person of [author, reader]) {
      const { personId } = await person.client.community.me.get();
      await moderator.client.community.members.trustLevel.set({
        personId,
        body: { level: 1, reason: 'e2e: past the first day' },
      });
    }
    // The author earns points: an accredited school imports a record (through the API).
    const school = await admin.institutions.create({
      body: { name: 'Harbour School', kind: 'school', regionId: 'default' },
    });
    await admin.institutions.accreditation.set({ institutionId: school.id, body: { status: 'accredited' } });
    await admin.creditBank.providers.create({
      body: { institutionId: school.id, capabilities: ['award', 'verify'], validFrom: '2020-01-01T00:00:00Z' },
    });
    const { key } = await admin.apiKeys.create({
      body: { name: 'Harbour system', role: 'issuer', institutionId: school.id },
    });
    const issuer = createClient({ baseUrl: running.url, auth: { apiKey: key }, plugins: [creditBankClient] });
    const job = await issuer.creditBank.imports.create({
      body: new Blob(
        [
          JSON.stringify({
            rows: [
              {
                learnerNumber: author.learnerNumber,
                externalId: 'cm-1',
                title: 'Night accounting',
                stage: 'social-in-service',
                workloadHours: 200,
                completedAt: '2025-06-01T00:00:00Z',
                learningOutcomes: ['Keeps books'],
                assessment: { type: 'practical' },
                form: 'offline',
              },
            ],
          }),
        ],
        { type: 'application/json' },
      ),
      contentType: 'application/json',
    });
    expect(job).toMatchObject({ created: 1, failed: 0 });
    await admin.regions.plugins.update({
      regionId: 'default',
      pluginId: 'community',
      body: { config: { minBountyPoints: 1 } },
    });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('a learner writes a post through the page and another learner flags it', async () => {
    const { page } = portal;
    await portal.signIn(author);
    await nav().getByRole('link', { name: 'Community', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Community' }).waitFor();
    await expect.poll(() => page.getByTestId('trust-level').textContent(), SLOW).toContain('1');
    await page.getByLabel('Title').fill(POST);
    await page.getByLabel('Text', { exact: true }).fill('Bring your payslip; we read each line and what it means.');
    await page.getByLabel('Topics').fill('money, work');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('status').getByText(`Published: ${POST}.`).waitFor();
    await page.getByRole('heading', { level: 3, name: POST }).waitFor();
    postId = (await author.client.community.posts.list({})).items.find((post) => post.title === POST)?.id ?? '';
    // Shown by the display name the author chose, never the legal name.
    const shown = (await page.getByTestId(`post-${postId}`).textContent()) ?? '';
    expect(shown).toContain('By Wu the welder');
    expect(shown).not.toContain('Author Wu');
    expect(await page.getByTestId(`mine-${postId}`).textContent()).toContain('published');
    await portal.check('feed');
    await portal.signOut();

    await portal.signIn(reader);
    await nav().getByRole('link', { name: 'Community', exact: true }).click();
    await page.getByRole('link', { name: about('Read', POST) }).click();
    await page.getByRole('heading', { level: 1, name: POST }).waitFor();
    await page.getByLabel('Reason').selectOption('offTopic');
    await page.getByLabel('Note').fill('This is about money, not learning.');
    await page.getByRole('button', { name: 'Send the flag' }).click();
    await page.getByRole('status').getByText('Thank you: the moderators will look at it.').waitFor();
    await portal.check('post-flagged');
    const queue = await moderator.client.community.moderation.queue.list({});
    expect(queue.items.find((item) => item.post.id === postId)?.openFlags).toHaveLength(1);
    await portal.signOut();
  });

  it('a moderator hides the flagged post from the queue; its author appeals, another moderator overturns it', async () => {
    const { page } = portal;
    await portal.signIn(moderator);
    await nav().getByRole('link', { name: 'Moderation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Moderation' }).waitFor();
    const item = page.getByTestId(`queue-${postId}`);
    await item.waitFor();
    expect(await item.textContent()).toContain('Off topic');
    await portal.check('queue');
    await page.getByRole('button', { name: about('Decide', POST) }).click();
    await item.getByLabel('Hide it').check();
    await page.locator(`#decision-${postId}-reason`).fill('Not about learning.');
    await page.getByRole('button', { name: about('Record the decision', POST) }).click();
    await page.getByRole('status').getByText(`Hidden: ${POST}.`).waitFor();
    await page.getByText('Nothing is waiting for review.').waitFor();
    await page.getByRole('cell', { name: 'Not about learning.' }).first().waitFor();
    await page.getByRole('cell', { name: 'Post hidden', exact: true }).waitFor();
    await portal.check('queue-decided');
    // Readers no longer see it; its author does.
    await expect(reader.client.community.posts.get({ postId })).rejects.toMatchObject({ status: 404 });
    expect((await author.client.community.posts.get({ postId })).status).toBe('hidden');
    await portal.signOut();

    await portal.signIn(author);
    await nav().getByRole('link', { name: 'Community', exact: true }).click();
    const mine = page.getByTestId(`mine-${postId}`);
    await expect.poll(() => mine.textContent(), SLOW).toContain('hidden');
    await mine.getByRole('link', { name: POST }).click();
    await page.getByRole('heading', { level: 2, name: 'Appeal the decision' }).waitFor();
    await page.getByLabel('Your appeal').fill('It is about learning to read a payslip.');
    await page.getByRole('button', { name: 'Send the appeal' }).click();
    await page.getByRole('status').getByText('Your appeal is sent.').waitFor();
    await portal.check('appealed');
    await page.getByRole('link', { name: 'Open my appeal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Appeal' }).waitFor();
    await expect.poll(() => page.getByTestId('appeal-status').textContent(), SLOW).toContain('open');
    await page.getByText('It is about learning to read a payslip.').waitFor();
    await portal.check('appeal');
    const actions = await moderator.client.community.moderation.actions.list({});
    expect(actions.items.map((entry) => entry.action)).toContain('appeal.open');
    const appealUrl = page.url();
    await portal.signOut();

    // Another moderator (not the one who hid it) overturns the decision: the post is published again.
    await portal.signIn(secondModerator);
    await page.goto(appealUrl);
    await page.getByRole('heading', { level: 2, name: 'Decide the appeal' }).waitFor();
    await page.getByLabel('Overturn it: publish the post again').check();
    await page.getByLabel('Reason', { exact: true }).fill('Reading payslips is learning.');
    await page.getByRole('button', { name: 'Record the decision' }).click();
    await page.getByRole('status').getByText('The appeal is decided.').waitFor();
    await expect.poll(() => page.getByTestId('appeal-status').textContent(), SLOW).toContain('overturned');
    await page.getByText('Reading payslips is learning.').waitFor();
    await portal.check('appeal-decided');
    expect((await reader.client.community.posts.get({ postId })).status).toBe('published');
    await portal.signOut();
    await portal.signIn(author);
  });

  it('a learner asks for help with bounty points, another offers, the asker accepts: the points move', async () => {
    const { page } = portal;
    const askerBefore = await points(author);
    const helperBefore = await points(reader);
    expect(askerBefore).toBeGreaterThanOrEqual(5n);
    await nav().getByRole('link', { name: 'Learning needs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Learning needs' }).waitFor();
    await page.getByLabel('What do you need?').fill(NEED);
    await page.getByLabel('Describe it').fill('I do not understand the deductions.');
    await page.getByLabel('Bounty points').fill('5');
    await page.getByRole('button', { name: 'Publish the need' }).click();
    await page.getByRole('status').getByText('Your need is published: 5 points are held from your wallet.').waitFor();
    expect(await points(author)).toBe(askerBefore - 5n);
    await portal.check('needs');
    await portal.signOut();

    await portal.signIn(reader);
    await nav().getByRole('link', { name: 'Learning needs' }).click();
    await page.getByRole('link', { name: about('Details and offers', NEED) }).click();
    await page.getByRole('heading', { level: 1, name: NEED }).waitFor();
    await page.getByLabel('How you can help').fill('I did payroll for ten years.');
    await page.getByRole('button', { name: 'Send the offer' }).click();
    await page.getByRole('status').getByText('Your offer is sent.').waitFor();
    await portal.check('need-offered');
    await portal.signOut();

    await portal.signIn(author);
    await nav().getByRole('link', { name: 'Learning needs' }).click();
    await page.getByRole('link', { name: about('Details and offers', NEED) }).click();
    await page.getByTestId('offer-1').getByText('I did payroll for ten years.').waitFor();
    await page.getByRole('button', { name: about('Accept', 'Offer 1') }).click();
    await page.getByRole('status').getByText('Offer accepted: 5 points went from your wallet to the helper.').waitFor();
    await expect.poll(() => page.getByTestId('need-status').textContent(), SLOW).toBe('accepted');
    expect(await page.getByRole('link', { name: 'See my wallet' }).getAttribute('href')).toBe('/wallet');
    await portal.check('need-accepted');
    // On a phone's width nothing sticks out of the page.
    await page.setViewportSize({ width: 360, height: 800 });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((element) => element.getBoundingClientRect().right > 361)
        .map((element) => `${element.tagName}.${element.className}`),
    );
    expect(wide).toEqual([]);
    await portal.check('need-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await points(author)).toBe(askerBefore - 5n);
    expect(await points(reader)).toBe(helperBefore + 5n);
  });

  it('ran under the CSP without a blocked resource or a script error', () => {
    expect(portal.problems).toEqual([]);
  });
});
