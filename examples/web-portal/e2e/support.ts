import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { testNationalId } from '@lifelong/core/testing';
import assessmentsClient from '@lifelong/plugin-assessments/client';
import communityClient from '@lifelong/plugin-community/client';
import credentialsClient from '@lifelong/plugin-credentials/client';
import creditBankClient from '@lifelong/plugin-credit-bank/client';
import evaluationConsultationClient from '@lifelong/plugin-evaluation-consultation/client';
import industrySupportClient from '@lifelong/plugin-industry-support/client';
import learningRecordsClient from '@lifelong/plugin-learning-records/client';
import qualityControlClient from '@lifelong/plugin-quality-control/client';
import teacherDevelopmentClient from '@lifelong/plugin-teacher-development/client';
import { createClient, type LifelongClient } from '@lifelong/sdk';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium, screenshot, seriousViolations } from './browser.js';
import { PORTAL_DIST, type RunningPlatform, startPlatform } from './platform.js';

export { hasChromium };

/** How long `expect.poll` waits for the page to catch up (the default second is short on a busy CI machine). */
export const SLOW = { timeout: 20_000 };

/** Says loudly that the browser tests are skipped (no Chromium), once per file. */
export function warnIfNoChromium(): void {
  if (hasChromium) return;
  console.warn(
    `\n!!! The web portal's browser tests are SKIPPED: no Chromium at ${CHROMIUM}.\n` +
      '!!! Install it with "apt-get install -y chromium" (.ci/run does), or set CHROMIUM_PATH.\n',
  );
}

// Every plugin's client, so a test can seed any center through the API.
type Plugins = [
  typeof creditBankClient,
  typeof teacherDevelopmentClient,
  typeof assessmentsClient,
  typeof credentialsClient,
  typeof learningRecordsClient,
  typeof industrySupportClient,
  typeof qualityControlClient,
  typeof evaluationConsultationClient,
  typeof communityClient,
];
const PLUGINS: Plugins = [
  creditBankClient,
  teacherDevelopmentClient,
  assessmentsClient,
  credentialsClient,
  learningRecordsClient,
  industrySupportClient,
  qualityControlClient,
  evaluationConsultationClient,
  communityClient,
];
export type AdminClient = LifelongClient<Plugins>;
export type PersonClient = LifelongClient<Plugins>;
const adminClient = (running: RunningPlatform): AdminClient =>
  createClient({ baseUrl: running.url, auth: { apiKey: running.adminKey }, plugins: PLUGINS });
export const personClient = (running: RunningPlatform): PersonClient =>
  createClient({ baseUrl: running.url, plugins: PLUGINS });

/** A real platform serving the built portal, a Chromium page on it, and what the page logged. */
export interface Portal {
  running: RunningPlatform;
  admin: AdminClient;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Script errors and blocked resources the browser reported (4xx answers the tests cause are filtered out). */
  problems: string[];
  /** Screenshot, then axe-core: no serious or critical violation on the page as it is now. */
  check(name: string): Promise<void>;
  /** Signs in through the form and waits for the home page. */
  signIn(person: Person): Promise<void>;
  /** Signs out through the navigation. */
  signOut(): Promise<void>;
  /** Registers a person through the API (verified unless `verified: false`), optionally a minor of `guardian`. */
  person(options?: PersonOptions): Promise<Person>;
  close(): Promise<void>;
}

export interface Person {
  learnerNumber: string;
  password: string;
  legalName: string;
  /** Signed in as them, through the SDK. */
  client: PersonClient;
}

type Grant = Parameters<AdminClient['people']['roles']['grant']>[0]['body'];

export interface PersonOptions {
  legalName?: string;
  dateOfBirth?: string;
  guardian?: Person;
  verified?: boolean;
  roles?: Grant[];
}

let counter = 0;

export async function openPortal(prefix: string): Promise<Portal> {
  if (!existsSync(join(PORTAL_DIST, 'index.html'))) {
    throw new Error(`The portal is not built (${PORTAL_DIST}): run "npm run build" first (npm test's pretest does).`);
  }
  const running = await startPlatform();
  const admin = adminClient(running);
  const browser = await launchChromium();
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  let step = 0;

  const portal: Portal = {
    running,
    admin,
    browser,
    context,
    page,
    problems,
    async check(name) {
      await page.waitForLoadState('networkidle');
      const file = `${prefix}-${String(++step).padStart(2, '0')}-${name}`;
      await screenshot(page, file);
      expect(await seriousViolations(page), `${file}: serious or critical accessibility violations`).toEqual([]);
    },
    async signIn(person) {
      await page.goto(`${running.url}/sign-in`);
      await page.getByLabel('Learner number').fill(person.learnerNumber);
      await page.getByLabel('Password', { exact: true }).fill(person.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: `Welcome, ${person.legalName}` }).waitFor();
    },
    async signOut() {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    },
    async person(options = {}) {
      const n = ++counter;
      const dateOfBirth = options.dateOfBirth ?? `19${String(70 + (n % 25))}-0${1 + (n % 9)}-1${n % 10}`;
      const legalName = options.legalName ?? `${prefix} Person ${n}`;
      const password = `portal correct horse ${n}`;
      const registrant = options.guardian ? options.guardian.client : admin;
      const created = await registrant.people.register({
        body: {
          legalName,
          dateOfBirth,
          nationalId: { scheme: 'CN-RIC', number: testNationalId(dateOfBirth) },
          password,
        },
      });
      if (options.verified !== false) {
        await admin.people.verification.decide({
          learnerNumber: created.learnerNumber,
          body: { decision: 'approve', evidence: { kind: 'document-check', reference: `e2e-${n}` } },
        });
      }
      for (const grant of options.roles ?? []) {
        await admin.people.roles.grant({ learnerNumber: created.learnerNumber, body: grant });
      }
      const client = personClient(running);
      await client.sessions.create({ body: { learnerNumber: created.learnerNumber, password } });
      return { learnerNumber: created.learnerNumber, password, legalName, client };
    },
    async close() {
      await browser.close();
      await running.stop();
    },
  };
  return portal;
}

/** The region's scope for a role grant. */
export const inRegion = (role: Grant['role'], id = 'default'): Grant => ({ role, scope: { type: 'region', id } });
