import { fileURLToPath } from 'node:url';
import { createPlatform, type Platform } from '@lifelong/core';
import { createTestDatabase, TEST_ADMIN_KEY, TEST_SECRETS } from '@lifelong/core/testing';
import assessments from '@lifelong/plugin-assessments';
import community from '@lifelong/plugin-community';
import credentials from '@lifelong/plugin-credentials';
import creditBank from '@lifelong/plugin-credit-bank';
import evaluationConsultation from '@lifelong/plugin-evaluation-consultation';
import industrySupport from '@lifelong/plugin-industry-support';
import learningRecords from '@lifelong/plugin-learning-records';
import qualityControl from '@lifelong/plugin-quality-control';
import teacherDevelopment from '@lifelong/plugin-teacher-development';

/**
 * The built portal, as the default deployment serves it (`PORTAL_DIST` points elsewhere, e.g. at a
 * `vite build --outDir` of one's own while others build the same tree).
 */
export const PORTAL_DIST = process.env.PORTAL_DIST ?? fileURLToPath(new URL('../dist', import.meta.url));

/** An email the platform sent (through the in-process channel below). */
export interface SentEmail {
  to: string;
  subject: string;
  text: string;
}

export interface RunningPlatform {
  platform: Platform;
  /** Every email the platform sent, in order: one-time codes are read from here. */
  emails: SentEmail[];
  url: string;
  adminKey: string;
  stop(): Promise<void>;
}

/**
 * A real platform listening on a free port, with the default deployment's plugins, serving the
 * built portal at `/` — on a fresh test database (PGlite, or a new database on `DATABASE_URL`'s server).
 */
export async function startPlatform(): Promise<RunningPlatform> {
  const database = await createTestDatabase();
  const emails: SentEmail[] = [];
  const platform = createPlatform({
    database,
    env: {},
    settings: {
      port: 0,
      host: '127.0.0.1',
      filesDir: 'memory://',
      siteDir: PORTAL_DIST,
      adminKey: TEST_ADMIN_KEY,
      passwordHashCost: 10,
      logLevel: 'warn',
      ...TEST_SECRETS,
    },
    // The default deployment's plugins (lifelong.config.ts), all enabled in the default region.
    plugins: [
      creditBank,
      teacherDevelopment,
      assessments,
      credentials,
      learningRecords,
      industrySupport,
      qualityControl,
      evaluationConsultation,
      community,
    ],
    scheduleJobs: false,
    // The platform's email channel, in process: what it sends is kept for the test to read.
    messaging: { email: { send: async (message) => void emails.push(message) } },
  });
  const { url } = await platform.start();
  if (!url) throw new Error('the platform did not listen');
  return {
    platform,
    emails,
    url,
    adminKey: TEST_ADMIN_KEY,
    async stop() {
      await platform.stop();
      await database.close();
    },
  };
}
