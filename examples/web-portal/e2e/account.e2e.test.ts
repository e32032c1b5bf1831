import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, inRegion, openPortal, type Person, type Portal, SLOW, warnIfNoChromium } from './support.js';

warnIfNoChromium();

let portal: Portal;
let learner: Person;
let regionAdmin: Person;
const nav = () => portal.page.getByRole('navigation', { name: 'Main' });
// The plugins of the default deployment that require the credit bank (their `requires`).
const DEPENDENTS = ['teacher-development', 'credentials', 'community'];

describe.skipIf(!hasChromium)('everyone: account settings and the notifications inbox; a region admin: plugins', () => {
  beforeAll(async () => {
    portal = await openPortal('account');
    learner = await portal.person({ legalName: '王芳' });
    regionAdmin = await portal.person({ legalName: 'Admin Zhao', roles: [inRegion('region-admin')] });
  });
  afterAll(async () => {
    await portal?.close();
  });

  it('refuses a wrong current password with the problem, then changes the password', async () => {
    const { page } = portal;
    await portal.signIn(learner);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { level: 1, name: 'Account settings' }).waitFor();
    await portal.check('account');

    await page.getByLabel('Current password').fill('not my password at all');
    await page.getByLabel('New password').fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), SLOW).toContain('current password');
    await portal.check('password-refused');

    // Keyboard only: the fields are reachable and the form submits with Enter.
    await page.getByLabel('Current password').fill(learner.password);
    await page.getByLabel('Current password').press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('changed-password');
    await page.keyboard.type('a brand new passphrase');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('status').first().textContent(), SLOW).toContain('Password changed');
    learner.password = 'a brand new passphrase';
    // The platform took it: the new password signs in.
    await portal.signOut();
    await portal.signIn(learner);
  });

  it('chooses the name shown to others; a name made of invisible characters is refused at the field', async () => {
    const { page } = portal;
    await page.getByRole('link', { name: 'Account' }).click();
    await expect.poll(() => page.getByTestId('display-name').textContent(), SLOW).toContain('You have not chosen one');
    await page.getByLabel('Name to show').fill('\u200B\u200B');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => page.locator('#display-name').getAttribute('aria-invalid'), SLOW).toBe('true');
    await page.getByLabel('Name to show').fill('Fang');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => page.getByTestId('display-name').textContent(), SLOW).toBe('Fang');
    await portal.check('display-name');
    // The platform holds it beside the legal name (the password change ended the SDK's session: ask as admin).
    const stored = await portal.admin.people.get({ learnerNumber: learner.learnerNumber });
    expect(stored).toMatchObject({ displayName: 'Fang', legalName: '王芳' });
    await page.getByRole('button', { name: 'Show no name' }).click();
    await expect.poll(() => page.getByTestId('display-name').textContent(), SLOW).toContain('You have not chosen one');
  });

  it('adds an email address and verifies it with the one-time code sent to it', async () => {
    const { page, running } = portal;
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByLabel('New email address').fill('wang.fang@example.com');
    await page.getByRole('button', { name: 'Send a code' }).click();
    await page.getByLabel('Six-digit code').waitFor();
    await portal.check('email-code-sent');
    const sent = running.emails.at(-1);
    expect(sent?.to).toBe('wang.fang@example.com');
    const code = sent?.text.match(/\b(\d{6})\b/)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    // A wrong code names the field.
    const wrong = code === '000000' ? '111111' : '000000';
    await page.getByLabel('Six-digit code').fill(wrong);
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect.poll(() => page.getByLabel('Six-digit code').getAttribute('aria-invalid'), SLOW).toBe('true');

    await page.getByLabel('Six-digit code').fill(code ?? '');
    await page.getByRole('button', { name: 'Verify' }).click();
    await expect
      .poll(() => page.getByTestId('email-verified').textContent(), SLOW)
      .toMatch(/Verified: w\S*@example\.com/);
    expect(await page.getByTestId('email-verified').textContent()).not.toContain('wang.fang');
    await portal.check('email-verified');
  });

  it('shows the notifications inbox (the password change is there) and marks them read', async () => {
    const { page } = portal;
    await expect.poll(() => page.getByTestId('unread-badge').textContent(), SLOW).toBe('1');
    await page.getByRole('link', { name: /^Notifications/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /Your password was changed/ }).waitFor();
    expect(await page.getByTestId('unread-count').textContent()).toBe('1 unread');
    await portal.check('notifications');
    await page.getByRole('button', { name: /Mark read/ }).click();
    await expect.poll(() => page.getByTestId('unread-count').textContent(), SLOW).toBe('0 unread');
    // The badge follows from its own fetch of the unread count: wait for it too.
    await expect.poll(() => page.getByTestId('unread-badge').count(), SLOW).toBe(0);

    // In Chinese, the platform writes them in Chinese.
    await page.getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { level: 2, name: /您的密码已更改/ }).waitFor();
    await portal.check('notifications-zh');
  });

  it('shows a problem in the chosen language where the platform gives its code', async () => {
    const { page } = portal;
    await page.getByRole('link', { name: '账户' }).click();
    await page.getByLabel('当前密码').fill('still not my password');
    await page.getByLabel('新密码').fill('another brand new passphrase');
    await page.getByRole('button', { name: '修改密码' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), SLOW).toContain('当前密码错误');
    await portal.check('problem-zh');
    await page.getByLabel('语言').selectOption('en');
    await portal.signOut();
  });

  it('a region admin disables a plugin and its pages disappear, then enables it again', async () => {
    const { page, running } = portal;
    await portal.signIn(regionAdmin);
    expect(await nav().getByRole('link', { name: 'Transcript' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Region plugins' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plugins in default' }).waitFor();
    await portal.check('region-plugins');

    // Teacher development, credentials and community require the credit bank: disabling the credit
    // bank alone is refused, naming why.
    await page.getByRole('button', { name: 'Disable credit-bank' }).click();
    await expect.poll(() => page.getByRole('alert').textContent(), SLOW).toMatch(/teacher-development/);
    await portal.check('region-disable-refused');
    expect(await nav().getByRole('link', { name: 'Transcript' }).count()).toBe(1);

    for (const dependent of DEPENDENTS) {
      await page.getByRole('button', { name: `Disable ${dependent}` }).click();
      await page.getByRole('button', { name: `Enable ${dependent}` }).waitFor();
    }
    await page.getByRole('button', { name: 'Disable credit-bank' }).click();
    await page.getByRole('button', { name: 'Enable credit-bank' }).waitFor();
    // Its pages are gone from the navigation at once, and its addresses say so.
    await expect.poll(() => nav().getByRole('link', { name: 'Transcript' }).count(), SLOW).toBe(0);
    await portal.check('region-plugin-disabled');
    await page.goto(`${running.url}/wallet`);
    await page.getByRole('heading', { level: 1, name: 'Not available here' }).waitFor();

    await page.goto(`${running.url}/region/plugins`);
    await page.getByRole('button', { name: 'Enable credit-bank' }).click();
    await page.getByRole('button', { name: 'Disable credit-bank' }).waitFor();
    for (const dependent of DEPENDENTS) {
      await page.getByRole('button', { name: `Enable ${dependent}` }).click();
      await page.getByRole('button', { name: `Disable ${dependent}` }).waitFor();
    }
    await expect.poll(() => nav().getByRole('link', { name: 'Transcript' }).count(), SLOW).toBe(1);
  });

  it("a region admin edits a plugin's config with a form made from it; a bad value names the field", async () => {
    const { page, admin } = portal;
    await page.getByRole('link', { name: 'Configure credit-bank' }).click();
    await page.getByRole('heading', { level: 1, name: 'Configure credit-bank in default' }).waitFor();
    await portal.check('region-config');
    const before = await admin.regions.plugins.get({ regionId: 'default', pluginId: 'credit-bank' });
    const holdHours = (before.config.exchange as { holdHours: number }).holdHours;
    const field = page.getByLabel('exchange.holdHours', { exact: true });
    expect(await field.inputValue()).toBe(String(holdHours));

    await field.fill('-5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => field.getAttribute('aria-invalid'), SLOW).toBe('true');
    await portal.check('region-config-refused');
    const unchanged = await admin.regions.plugins.get({ regionId: 'default', pluginId: 'credit-bank' });
    expect(unchanged.config).toEqual(before.config);

    await field.fill(String(holdHours + 24));
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').getByText('Settings saved.').waitFor();
    const after = await admin.regions.plugins.get({ regionId: 'default', pluginId: 'credit-bank' });
    expect((after.config.exchange as { holdHours: number }).holdHours).toBe(holdHours + 24);
    expect(after.enabled).toBe(true);
  });

  it('ran under the CSP without a blocked resource or a script error', () => {
    expect(portal.problems).toEqual([]);
  });
});
