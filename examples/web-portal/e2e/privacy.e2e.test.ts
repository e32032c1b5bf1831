import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, inRegion, openPortal, type Person, type Portal, SLOW, warnIfNoChromium } from './support.js';

warnIfNoChromium();

let portal: Portal;
let learner: Person;
let officer: Person;

describe.skipIf(!hasChromium)(
  'privacy rights: a person downloads their data and asks for erasure; an officer decides',
  () => {
    beforeAll(async () => {
      portal = await openPortal('privacy');
      learner = await portal.person({ legalName: '李 私密' });
      officer = await portal.person({ legalName: 'Officer Qian', roles: [inRegion('region-admin')] });
    });
    afterAll(async () => {
      await portal?.close();
    });

    it('downloads everything the platform and every center hold, as one file', async () => {
      const { page } = portal;
      await portal.signIn(learner);
      await page.getByRole('link', { name: 'My data' }).click();
      await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
      await portal.check('my-data');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download my data' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`lifelong-data-${learner.learnerNumber}.json`);
      const archive = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
      expect(archive.core.person).toMatchObject({ learnerNumber: learner.learnerNumber, legalName: '李 私密' });
      // Every plugin of the default deployment has its section.
      expect(Object.keys(archive.plugins).sort()).toEqual(
        [
          'assessments',
          'community',
          'credentials',
          'credit-bank',
          'evaluation-consultation',
          'industry-support',
          'learning-records',
          'quality-control',
          'teacher-development',
        ].sort(),
      );
      await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toContain('Downloaded');
    });

    it('asks for erasure only once it is understood, and can cancel while it waits', async () => {
      const { page } = portal;
      const ask = page.getByRole('button', { name: 'Ask for erasure' });
      expect(await ask.isDisabled()).toBe(true);
      await page.getByLabel('Why (optional)').fill('I am moving abroad');
      await page.getByLabel('I understand that erasure cannot be undone.').check();
      await ask.click();
      await page.getByTestId('erasure-pending').waitFor();
      await portal.check('erasure-asked');
      await page.getByRole('button', { name: 'Cancel this request' }).click();
      await page.getByTestId('erasure-cancelled').waitFor();
      // Asked again, for the officer this time (the form starts empty after a request).
      await page.getByLabel('Why (optional)').fill('I am moving abroad');
      await page.getByLabel('I understand that erasure cannot be undone.').check();
      await ask.click();
      await page.getByTestId('erasure-pending').waitFor();
      await portal.signOut();
    });

    it('an officer approves it from the queue: the person is erased everywhere and cannot sign in', async () => {
      const { page } = portal;
      await portal.signIn(officer);
      await page.getByRole('link', { name: 'Erasure requests' }).click();
      const card = page.getByTestId(`erasure-${learner.learnerNumber}`);
      await card.waitFor();
      expect(await card.textContent()).toContain('I am moving abroad');
      await portal.check('erasure-queue');
      // A decision needs a reason: the field says so.
      await card.getByRole('button', { name: `Approve and erase ${learner.learnerNumber}` }).click();
      expect(
        await card.getByLabel('Your reason').evaluate((input: HTMLInputElement) => input.validity.valueMissing),
      ).toBe(true);
      await card.getByLabel('Your reason').fill('Identity confirmed by phone');
      await card.getByRole('button', { name: `Approve and erase ${learner.learnerNumber}` }).click();
      await expect.poll(() => page.getByTestId('erasure-decided').textContent(), SLOW).toContain('was erased');
      await portal.check('erasure-approved');
      expect(await page.getByTestId(`erasure-${learner.learnerNumber}`).count()).toBe(0);

      // The platform took it: the old password no longer signs in, and the number names nobody.
      await expect(portal.admin.people.get({ learnerNumber: learner.learnerNumber })).rejects.toMatchObject({
        status: 404,
      });
      await portal.signOut();
      await page.goto(`${portal.running.url}/sign-in`);
      await page.getByLabel('Learner number').fill(learner.learnerNumber);
      await page.getByLabel('Password', { exact: true }).fill(learner.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').textContent(), SLOW).toMatch(/learner number or the password/i);
      expect(portal.problems).toEqual([]);
    });
  },
);
