import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, inRegion, openPortal, type Person, type Portal, SLOW, warnIfNoChromium } from './support.js';

warnIfNoChromium();

let portal: Portal;
let official: Person;
let institutionId: string;
const nav = () => portal.page.getByRole('navigation', { name: 'Main' });

// Months relative to today: the alert job looks at the last complete month.
const month = (by: number) => {
  const now = new Date();
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + by, 1));
  return at.toISOString().slice(0, 7);
};
const before = month(-2); // green: 8 of 10 completed (80 %)
const baseline = month(-1); // red: 2 of 10 (20 %), below the threshold of 50: the alert
const current = month(0); // 9 of 12 (75 %): the action is judged effective
const values = (element: string, date: string, count: number) =>
  Array.from({ length: count }, () => ({ element, date, value: 1 }));

describe.skipIf(!hasChromium)('quality control in the portal: dashboards, alerts, the improvement spiral', () => {
  beforeAll(async () => {
    portal = await openPortal('quality-control');
    const { admin } = portal;
    const college = await admin.institutions.create({
      body: { name: 'Hillside College', kind: 'university', regionId: 'default' },
    });
    institutionId = college.id;
    await admin.institutions.accreditation.set({ institutionId, body: { status: 'accredited' } });
    official = await portal.person({ legalName: 'Official Zhao', roles: [inRegion('region-admin')] });
    await admin.qualityControl.scopes.create({
      body: {
        scopeType: 'course',
        scopeId: 'welding',
        parentType: 'institution',
        parentId: institutionId,
        name: 'Welding',
      },
    });
    await admin.qualityControl.scopes.dataPoints.create({
      scopeType: 'course',
      scopeId: 'welding',
      body: {
        points: [
          ...values('courses.enrolled', `${before}-02`, 10),
          ...values('courses.completed', `${before}-20`, 8),
          ...values('courses.enrolled', `${baseline}-02`, 10),
          ...values('courses.completed', `${baseline}-20`, 2),
          ...values('courses.enrolled', `${current}-01`, 12),
          ...values('courses.completed', `${current}-01`, 9),
        ],
      },
    });
  }, 120_000);
  afterAll(async () => {
    await portal?.close();
  });

  it('a region official chooses the education pack in the library', async () => {
    const { page, admin } = portal;
    await portal.signIn(official);
    await nav().getByRole('link', { name: 'Indicator library' }).click();
    await page.getByRole('heading', { level: 1, name: 'Indicator library' }).waitFor();
    await page.getByRole('button', { name: /^Choose\s*:\s*Education/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toContain('Chosen: Education');
    await page.getByRole('rowheader', { name: /Course completion/ }).waitFor();
    const packs = await admin.qualityControl.packs.list();
    expect(packs.items.filter((p) => p.adopted).map((p) => p.id)).toEqual(['education']);
    await portal.check('library');
    // The red month raises alerts (the hourly job, run now).
    expect(await portal.running.platform.jobs.run('quality-control', 'raise-alerts')).toBe(true);
  });

  it('walks down to the course and sees the chart and its data table with the figures', async () => {
    const { page } = portal;
    await nav().getByRole('link', { name: 'Quality dashboards' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quality dashboards' }).waitFor();
    await page.getByRole('button', { name: /^Open\s*:\s*Hillside College/ }).click();
    await page.getByRole('button', { name: /^Open\s*:\s*Welding/ }).click();
    await expect.poll(() => page.getByTestId('qc-scope').textContent(), SLOW).toBe('Welding');
    await page.getByLabel('Indicator').selectOption({ label: 'Course completion' });
    const chart = page.getByRole('img', { name: /^Line chart of Welding · Course completion/ });
    await chart.waitFor();
    const summary = await chart.getAttribute('aria-label');
    expect(summary).toContain(`Latest value, ${current}: 75 %`);
    expect(summary).toContain('Target: 70 %');
    expect(await page.getByTestId('qc-standard').textContent()).toContain('Threshold50 %');
    await page.getByRole('button', { name: 'Show the figures as a table' }).click();
    const row = (period: string) => page.getByTestId(`row-${period}`).textContent();
    await expect.poll(() => row(baseline), SLOW).toBe(`${baseline}2010below threshold`);
    expect(await row(before)).toBe(`${before}8010on target`);
    expect(await row(current)).toBe(`${current}7512on target`);
    expect(await row(month(-3))).toBe(`${month(-3)}—0suppressed (too few data)`);
    await portal.check('dashboard-course');
    // At a phone's width the chart scales down and the table scrolls in its own region.
    await page.setViewportSize({ width: 360, height: 780 });
    try {
      const wider = await page.evaluate(() =>
        [...document.querySelectorAll('main *')]
          .filter((element) => element.getBoundingClientRect().right > 361 && !element.closest('.scroll'))
          .map((element) => `${element.tagName}.${element.className}`),
      );
      expect(wider).toEqual([]);
      await portal.check('dashboard-phone');
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('acknowledges the alert, plans an improvement action and moves it on to an effective verdict', async () => {
    const { page, admin } = portal;
    await nav().getByRole('link', { name: 'Quality alerts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quality alerts' }).waitFor();
    const alert = page.getByTestId('alert-course-welding-courses.completion-rate');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`course welding, ${baseline}: 20 % (target 70, threshold 50)`);
    await portal.check('alerts');
    await alert.getByRole('button', { name: /^Acknowledge/ }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), SLOW)
      .toContain('Acknowledged: Course completion');
    const acknowledged = (await admin.qualityControl.alerts.list({ status: 'acknowledged' })).items;
    expect(acknowledged.map((a) => `${a.scopeType}/${a.scopeId}`)).toEqual(['course/welding']);

    await alert.getByRole('button', { name: /^Plan an improvement action/ }).click();
    await page
      .getByLabel('Diagnosis and what will be done')
      .fill('Workshops clashed with placements: practicals move to Saturdays.');
    expect(await page.getByLabel('Baseline period').inputValue()).toBe(baseline);
    await portal.check('action-plan');
    await page.getByRole('button', { name: 'Plan the action' }).click();
    await page.getByRole('heading', { level: 1, name: 'Improvement action' }).waitFor();
    await expect.poll(() => page.getByTestId('qc-action-status').textContent(), SLOW).toBe('planned');
    const actionId = page.url().split('/').pop() ?? '';

    await page.getByRole('button', { name: 'Start it' }).click();
    await expect.poll(() => page.getByTestId('qc-action-status').textContent(), SLOW).toBe('in progress');
    await page.getByRole('button', { name: 'Mark it done' }).click();
    await expect.poll(() => page.getByTestId('qc-action-status').textContent(), SLOW).toBe('done');
    await page.getByRole('button', { name: 'Judge it from the data' }).click();
    await expect.poll(() => page.getByTestId('qc-action-status').textContent(), SLOW).toBe('verified');
    expect(await page.getByTestId('qc-action-verdict').textContent()).toContain('effective: from 20 to 75');
    await portal.check('action-verified');
    const stored = await admin.qualityControl.actions.get({ actionId });
    expect(stored).toMatchObject({
      status: 'verified',
      verdict: 'effective',
      baselinePeriod: baseline,
      code: 'courses.completion-rate',
    });
    expect(stored.alertId).toBe(acknowledged[0]?.id);
  });

  it('records a value by hand and refuses a CSV with a bad cell, naming it', async () => {
    const { page, admin } = portal;
    await nav().getByRole('link', { name: 'Quality dashboards' }).click();
    await page.getByRole('button', { name: /^Open\s*:\s*Hillside College/ }).click();
    await page.getByLabel('Indicator').selectOption({ label: 'Course completion' });
    await page.getByRole('img', { name: /^Line chart of Hillside College · Course completion/ }).waitFor();
    await page.getByLabel('Data element').fill('courses.enrolled');
    await page.getByLabel('Value', { exact: true }).fill('1');
    await page.getByRole('button', { name: 'Record the value' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toContain('Recorded 1 values');
    const points = await admin.qualityControl.scopes.dataPoints.list({
      scopeType: 'institution',
      scopeId: institutionId,
    });
    expect(points.items.map((p) => [p.element, p.value, p.source])).toEqual([['courses.enrolled', 1, 'manual']]);

    await page.getByLabel('CSV file').setInputFiles({
      name: 'values.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `element,date,value\ncourses.enrolled,${current}-02,1\ncourses.enrolled,${current}-02,lots\n`,
      ),
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect.poll(() => page.getByTestId('qc-upload-errors').textContent(), SLOW).toContain('/rows/2/value');
    await portal.check('upload-refused');
    const after = await admin.qualityControl.scopes.dataPoints.list({
      scopeType: 'institution',
      scopeId: institutionId,
    });
    expect(after.items).toHaveLength(1);
    expect(portal.problems).toEqual([]);
  });
});
