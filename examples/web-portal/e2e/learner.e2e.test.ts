import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testNationalId } from '@lifelong/core/testing';
import creditBankClient from '@lifelong/plugin-credit-bank/client';
import { createClient } from '@lifelong/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium, screenshot, seriousViolations } from './browser.js';
import { PORTAL_DIST, type RunningPlatform, startPlatform } from './platform.js';

if (!hasChromium) {
  console.warn(
    `\n!!! The web portal's browser tests are SKIPPED: no Chromium at ${CHROMIUM}.\n` +
      '!!! Install it with "apt-get install -y chromium" (.ci/run does), or set CHROMIUM_PATH.\n',
  );
}

const PASSWORD = 'portal correct horse';
const LEGAL_NAME = '李华';
const DATE_OF_BIRTH = '1990-05-17';

let running: RunningPlatform;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** Messages the browser logged about blocked content (CSP) or script errors: there must be none. */
const browserProblems: string[] = [];
let learnerNumber = '';

/** Checks the page as a person with assistive technology would meet it, and keeps a picture of it. */
async function checkPage(name: string) {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  expect(await seriousViolations(page), `${name}: serious or critical accessibility violations`).toEqual([]);
}

describe.skipIf(!hasChromium)('the web portal, in a browser', () => {
  beforeAll(async () => {
    if (!existsSync(join(PORTAL_DIST, 'index.html'))) {
      throw new Error(`The portal is not built (${PORTAL_DIST}): run "npm run build" first (npm test's pretest does).`);
    }
    running = await startPlatform();
    browser = await launchChromium();
    context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') browserProblems.push(message.text());
    });
    page.on('pageerror', (error) => browserProblems.push(error.message));
  });
  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  it('a learner registers through the form and gets a learner number', async () => {
    await page.goto(running.url);
    // Not signed in: the home page sends them to sign in.
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await checkPage('01-sign-in');
    await page.getByRole('link', { name: 'Register' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Register' }).waitFor();
    await checkPage('02-register');

    await page.getByLabel('Legal name').fill(LEGAL_NAME);
    await page.getByLabel('Date of birth').fill(DATE_OF_BIRTH);
    await page.getByLabel('Identity document number').fill(testNationalId(DATE_OF_BIRTH));
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('heading', { level: 1, name: 'You are registered' }).waitFor();
    learnerNumber = (await page.getByTestId('learner-number').textContent())?.trim() ?? '';
    expect(learnerNumber).toMatch(/^[0-9]{15}[0-9X]$/);
    await checkPage('03-registered');
  });

  it("shows the platform's problem detail when registration is refused, naming the field", async () => {
    await page.goto(`${running.url}/register`);
    await page.getByLabel('Legal name').fill('Someone Else');
    await page.getByLabel('Date of birth').fill(DATE_OF_BIRTH);
    await page.getByLabel('Identity document number').fill(testNationalId(DATE_OF_BIRTH));
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('alert').waitFor();
    // The problem's `errors` name /body/password: its message sits under the field, tied to it.
    const password = page.getByLabel('Password');
    await expect.poll(() => password.getAttribute('aria-invalid')).toBe('true');
    expect(await password.getAttribute('aria-describedby')).toContain('new-password-error');
    expect(await page.locator('#new-password-error').textContent()).toContain('10');
    expect(await page.getByTestId('learner-number').count()).toBe(0);
    await checkPage('04-register-refused');
  });

  it('a registrar verifies them in the queue, and an institution imports their credits (through the API)', async () => {
    const admin = createClient({
      baseUrl: running.url,
      auth: { apiKey: running.adminKey },
      plugins: [creditBankClient],
    });
    // A registrar of the region: a verified person holding the role, signed in.
    const registrarDob = '1980-01-02';
    const registrarPerson = await admin.people.register({
      body: {
        legalName: 'Registrar Wang',
        dateOfBirth: registrarDob,
        nationalId: { scheme: 'CN-RIC', number: testNationalId(registrarDob) },
        password: PASSWORD,
      },
    });
    await admin.people.roles.grant({
      learnerNumber: registrarPerson.learnerNumber,
      body: { role: 'registrar', scope: { type: 'region', id: 'default' } },
    });
    // The registrar signs in and works the region's queue: the learner is waiting, and is verified
    // on what the registrar records having checked.
    await page.goto(`${running.url}/sign-in`);
    await page.getByLabel('Learner number').fill(registrarPerson.learnerNumber);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Registrar Wang' }).waitFor();
    await page.getByRole('link', { name: 'Identity verification' }).click();
    await page.getByRole('heading', { level: 1, name: 'Identity verification' }).waitFor();
    const card = page.getByTestId(`person-${learnerNumber}`);
    await card.waitFor();
    await checkPage('04a-verification-queue');
    // No reference: the platform's problem names the field, and nothing is decided.
    await card.getByLabel('What you checked').selectOption('in-person');
    await card.getByLabel('Reference (case or document number)').evaluate((input) => input.removeAttribute('required'));
    await card.getByRole('button', { name: `Verify ${LEGAL_NAME}` }).click();
    const reference = card.getByLabel('Reference (case or document number)');
    await expect.poll(() => reference.getAttribute('aria-invalid'), { timeout: 20_000 }).toBe('true');
    expect((await admin.people.get({ learnerNumber })).status).toBe('unverified');
    await reference.fill('e2e desk 1');
    await card.getByRole('button', { name: `Verify ${LEGAL_NAME}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${LEGAL_NAME} is verified.` })
      .waitFor();
    expect(await page.getByTestId(`person-${learnerNumber}`).count()).toBe(0);
    await checkPage('04b-verified');
    expect((await admin.people.get({ learnerNumber })).status).toBe('verified');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

    // An accredited school, accredited by the credit bank to award credits, imports two records.
    const school = await admin.institutions.create({
      body: { name: 'Night School', kind: 'school', regionId: 'default' },
    });
    await admin.institutions.accreditation.set({ institutionId: school.id, body: { status: 'accredited' } });
    await admin.creditBank.providers.create({
      body: { institutionId: school.id, capabilities: ['award'], validFrom: '2020-01-01T00:00:00Z' },
    });
    const { key } = await admin.apiKeys.create({
      body: { name: 'Night School system', role: 'issuer', institutionId: school.id },
    });
    const issuer = createClient({ baseUrl: running.url, auth: { apiKey: key }, plugins: [creditBankClient] });
    const base = {
      learnerNumber,
      learningOutcomes: ['Welds a butt joint'],
      assessment: { type: 'practical' },
      form: 'offline',
    };
    const rows = [
      {
        ...base,
        externalId: 'e2e-1',
        title: 'Welding basics',
        stage: 'vocational',
        workloadHours: 25,
        completedAt: '2025-05-01T00:00:00Z',
      },
      {
        ...base,
        externalId: 'e2e-2',
        title: 'Safety first',
        stage: 'vocational',
        workloadHours: 50,
        completedAt: '2026-06-01T00:00:00Z',
      },
    ];
    const job = await issuer.creditBank.imports.create({
      body: new Blob([JSON.stringify({ rows })], { type: 'application/json' }),
      contentType: 'application/json',
    });
    expect(job).toMatchObject({ created: 2, failed: 0 });
  });

  it('a wrong password shows the problem detail and no session', async () => {
    await page.goto(`${running.url}/sign-in`);
    await page.getByLabel('Learner number').fill(learnerNumber);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('link', { name: 'Transcript' }).count()).toBe(0);
    await checkPage('05-sign-in-refused');
  });

  it('the learner signs in through the form, opens "Transcript" and sees their credit total', async () => {
    await page.goto(`${running.url}/sign-in`);
    await page.getByLabel('Learner number').fill(learnerNumber);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: `Welcome, ${LEGAL_NAME}` }).waitFor();
    await checkPage('06-home');

    await page.getByRole('link', { name: 'Transcript' }).first().click();
    const heading = page.getByRole('heading', { level: 1 });
    await expect.poll(() => heading.textContent()).toContain('Transcript');
    // 25 + 50 hours at the default rule: 1.0 + 2.0 credits.
    await expect.poll(() => page.getByTestId('total-credits').textContent()).toBe('3.0');
    expect(await page.getByRole('cell', { name: 'Welding basics' }).count()).toBe(1);
    await checkPage('07-transcript');
  });

  it("the wallet shows the learner's points and their history", async () => {
    await page.getByRole('link', { name: 'Wallet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wallet' }).waitFor();
    const learner = createClient({ baseUrl: running.url, plugins: [creditBankClient] });
    await learner.sessions.create({ body: { learnerNumber, password: PASSWORD } });
    const wallet = await learner.creditBank.wallet.get();
    expect(BigInt(wallet.points.balance)).toBeGreaterThan(0n);
    await expect
      .poll(() => page.getByTestId('points-balance').textContent())
      .toBe(new Intl.NumberFormat('en').format(BigInt(wallet.points.balance)));
    expect(await page.getByRole('region', { name: 'Points history' }).getByRole('row').count()).toBeGreaterThan(1);
    await checkPage('08-wallet');
  });

  it('fits a phone: nothing wider than the screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    // On a phone the navigation folds behind "Menu"; following a link folds it again.
    expect(await page.getByRole('link', { name: 'Wallet' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Transcript' }).first().click();
    await expect.poll(() => page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
    await page.getByTestId('total-credits').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await checkPage('09-transcript-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('switches to Chinese, and remembers it after a reload', async () => {
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('link', { name: '成绩单' }).first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /成绩单/ }).waitFor();
    await checkPage('10-transcript-zh');
    await page.getByLabel('语言').selectOption('en');
  });

  it("hides a plugin's pages once the region disables it", async () => {
    const admin = createClient({ baseUrl: running.url, auth: { apiKey: running.adminKey } });
    await admin.regions.plugins.set({
      regionId: 'default',
      pluginId: 'credit-bank',
      cascade: true,
      body: { enabled: false },
    });
    try {
      await page.goto(`${running.url}/`);
      await page.getByRole('heading', { level: 1, name: `Welcome, ${LEGAL_NAME}` }).waitFor();
      expect(await page.getByRole('link', { name: 'Transcript' }).count()).toBe(0);
      await page.goto(`${running.url}/transcript`);
      await page.getByRole('heading', { level: 1, name: 'Not available here' }).waitFor();
      await checkPage('11-plugin-disabled');
    } finally {
      await admin.regions.plugins.set({
        regionId: 'default',
        pluginId: 'credit-bank',
        cascade: true,
        body: { enabled: true },
      });
    }
  });

  it('signs out', async () => {
    await page.goto(`${running.url}/`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.goto(`${running.url}/transcript`);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await checkPage('12-signed-out');
  });

  it('ran under the CSP without a blocked resource or a script error', () => {
    // A failed sign-in and a refused registration log their 4xx answers; nothing else may appear.
    const unexpected = browserProblems.filter((text) => !/status of 4\d\d/.test(text));
    expect(unexpected).toEqual([]);
  });
});
