import { readFile } from 'node:fs/promises';
import creditBankClient from '@lifelong/plugin-credit-bank/client';
import { createClient } from '@lifelong/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, inRegion, openPortal, type Person, type Portal, SLOW, warnIfNoChromium } from './support.js';

warnIfNoChromium();

let portal: Portal;
let learner: Person;
let regionAdmin: Person;
let credentialJson = '';
let lrs = { key: '', secret: '' };
/** A control's name, "what: which" (the "which" part is for screen readers; Chromium spaces it out). */
const about = (what: string, which: string) => new RegExp(`^${what}\\s*:\\s*${which}$`);
const nav = () => portal.page.getByRole('navigation', { name: 'Main' });

describe.skipIf(!hasChromium)('learning records and verifiable credentials in the portal', () => {
  beforeAll(async () => {
    portal = await openPortal('records-credentials');
    const { admin, running } = portal;
    // The issuer's did:web and the verification pages are built on the platform's public origin.
    await admin.regions.plugins.update({
      regionId: 'default',
      pluginId: 'credentials',
      body: { config: { publicOrigin: running.url } },
    });
    // An accredited school imports one record for the learner (through the API).
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
    learner = await portal.person({ legalName: 'Zhao Min' });
    regionAdmin = await portal.person({ legalName: 'Admin Sun', roles: [inRegion('region-admin')] });
    const rows = [
      {
        learnerNumber: learner.learnerNumber,
        externalId: 'vc-1',
        title: 'Welding basics',
        stage: 'vocational',
        workloadHours: 25,
        completedAt: '2025-05-01T00:00:00Z',
        learningOutcomes: ['Welds a seam'],
        assessment: { type: 'practical' },
        form: 'offline',
      },
    ];
    const job = await issuer.creditBank.imports.create({
      body: new Blob([JSON.stringify({ rows })], { type: 'application/json' }),
      contentType: 'application/json',
    });
    expect(job).toMatchObject({ created: 1, failed: 0 });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('a learner issues a credential for a record, downloads it and opens its verification page', async () => {
    const { page, running } = portal;
    await portal.signIn(learner);
    await nav().getByRole('link', { name: 'My credentials' }).click();
    await page.getByRole('heading', { level: 1, name: 'My credentials' }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Welding basics' }).waitFor();
    await portal.check('credentials');

    await page.getByRole('button', { name: about('Issue credential', 'Welding basics') }).click();
    await page.getByRole('status').getByText('Credential issued for Welding basics.').waitFor();
    const id = ((await page.getByTestId('credential-id').textContent()) ?? '').trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const link = page.getByRole('link', { name: 'Open its verification page' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toBe(`${running.url}/v1/credentials/credentials/${id}/verification`);
    const verification = await fetch(href);
    expect(verification.status).toBe(200);
    expect(await verification.text()).toContain('Welding basics');
    await portal.check('credential-issued');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download credential' }).click(),
    ]);
    credentialJson = await readFile(await download.path(), 'utf8');
    const credential = JSON.parse(credentialJson) as { type: string[]; proof: { cryptosuite: string } };
    expect(credential.type).toContain('OpenBadgeCredential');
    expect(credential.proof.cryptosuite).toBe('eddsa-rdfc-2022');
    await page
      .getByRole('status')
      .getByText(/^Downloaded /)
      .waitFor();

    // The CLR downloads too: a ClrCredential embedding the record's credential.
    const [clr] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my CLR' }).click(),
    ]);
    const clrCredential = JSON.parse(await readFile(await clr.path(), 'utf8')) as { type: string[] };
    expect(clrCredential.type).toContain('ClrCredential');
  });

  it('the downloaded credential verifies as valid; a tampered copy does not', async () => {
    const { page } = portal;
    await nav().getByRole('link', { name: 'Verify a credential' }).click();
    await page.getByRole('heading', { level: 1, name: 'Verify a credential' }).waitFor();
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Paste a credential or choose a file first.').waitFor();
    await portal.check('verify-empty');

    await page.getByLabel('Credential', { exact: true }).fill(credentialJson);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByTestId('verdict').textContent(), SLOW).toContain('Valid');
    expect(await page.getByTestId('check-signature').textContent()).toContain('passed');
    expect(await page.getByTestId('check-status').textContent()).toContain('passed');
    await portal.check('verify-valid');

    const tampered = JSON.parse(credentialJson) as { credentialSubject: { achievement: { name: string } } };
    tampered.credentialSubject.achievement.name = 'Master welder';
    await page.getByLabel('Credential', { exact: true }).fill(JSON.stringify(tampered, null, 2));
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByTestId('verdict').textContent(), SLOW).toContain('Not valid');
    await page.getByTestId('reason-SIGNATURE_INVALID').waitFor();
    expect(await page.getByTestId('check-signature').textContent()).toContain('failed');
    await portal.check('verify-tampered');

    // On a phone's width the verdict and its checks still fit.
    await page.setViewportSize({ width: 360, height: 800 });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((element) => element.getBoundingClientRect().right > 361)
        .map((element) => `${element.tagName}.${element.className}`),
    );
    expect(wide).toEqual([]);
    await portal.check('verify-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('a region admin creates LRS credentials for a learning app: the secret is shown once', async () => {
    const { page } = portal;
    await portal.signOut();
    await portal.signIn(regionAdmin);
    await nav().getByRole('link', { name: 'LRS credentials' }).click();
    await page.getByRole('heading', { level: 1, name: 'LRS credentials' }).waitFor();
    await expect.poll(() => page.getByLabel('Institution', { exact: true }).inputValue(), SLOW).not.toBe('');
    await page.getByLabel('Name', { exact: true }).fill('Harbour Moodle');
    await page.getByRole('button', { name: 'Create the credential' }).click();
    await page.getByRole('status').getByText('Credential created: Harbour Moodle.').waitFor();
    await page.getByText('it is shown this once and never again').waitFor();
    lrs = {
      key: ((await page.getByTestId('lrs-key').textContent()) ?? '').trim(),
      secret: ((await page.getByTestId('lrs-secret').textContent()) ?? '').trim(),
    };
    expect(lrs.key).toMatch(/^[0-9a-f]{24}$/);
    expect(lrs.secret.length).toBeGreaterThan(20);
    await page.getByTestId(`lrs-${lrs.key}`).waitFor();
    await portal.check('lrs-created');
    // Once dismissed (or on the next visit) the secret is gone: the list never shows it.
    await page.getByRole('button', { name: 'I have stored the secret' }).click();
    expect(await page.getByTestId('lrs-secret').count()).toBe(0);
    expect(await page.content()).not.toContain(lrs.secret);

    // The region's credential issuer: a scheduled rotation keeps what the old key signed verifying.
    await nav().getByRole('link', { name: 'Credential issuer' }).click();
    await page.getByRole('heading', { level: 1, name: 'Credential issuer' }).waitFor();
    await expect.poll(() => page.getByTestId('issuer-did').textContent(), SLOW).toContain('did:web:');
    await portal.check('issuer');
    await page.getByRole('button', { name: 'Rotate now' }).click();
    await page.getByRole('status').getByText('The key is rotated: 2 keys are listed now.').waitFor();
    await page.getByRole('cell', { name: 'retired (still verifies)' }).waitFor();
    const again = await regionAdmin.client.credentials.verify({ body: { credential: JSON.parse(credentialJson) } });
    expect(again.verified).toBe(true);
    await portal.check('issuer-rotated');
    await portal.signOut();
  });

  it('a statement the learning app sends shows in the learner’s activity, in their language', async () => {
    const { page, running } = portal;
    const sent = await fetch(`${running.url}/v1/learning-records/xapi/statements`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${lrs.key}:${lrs.secret}`).toString('base64')}`,
        'content-type': 'application/json',
        'x-experience-api-version': '2.0.0',
      },
      body: JSON.stringify({
        actor: {
          objectType: 'Agent',
          account: { homePage: 'https://lifelong.example.org', name: learner.learnerNumber },
        },
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed', 'zh-CN': '完成了' } },
        object: {
          objectType: 'Activity',
          id: 'https://moodle.harbour.example/courses/welding-safety',
          definition: { name: { 'en-US': 'Welding safety', 'zh-CN': '焊接安全' } },
        },
        result: { score: { scaled: 0.9 }, success: true, completion: true, duration: 'PT1H30M' },
        timestamp: '2026-11-30T09:00:00Z',
      }),
    });
    const answer = (await sent.json()) as string[];
    expect(sent.status, JSON.stringify(answer)).toBe(200);
    const [statementId] = answer;

    await portal.signIn(learner);
    await nav().getByRole('link', { name: 'My learning activity' }).click();
    await page.getByRole('heading', { level: 1, name: 'My learning activity' }).waitFor();
    const row = page.getByTestId(`statement-${statementId}`);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('completed');
    expect(text).toContain('Welding safety');
    expect(text).toContain('90%');
    expect(text).toContain('passed');
    expect(text).toContain('1:30:00');
    await portal.check('activity');

    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { level: 1, name: '我的学习活动' }).waitFor();
    await expect.poll(() => row.textContent(), SLOW).toContain('焊接安全');
    expect(await row.textContent()).toContain('完成了');
    await portal.check('activity-zh');
    await page.getByLabel('语言').selectOption('en');
  });

  it('ran under the CSP without a blocked resource or a script error', () => {
    expect(portal.problems).toEqual([]);
  });
});
