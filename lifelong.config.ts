import { fileURLToPath } from 'node:url';
import { defineConfig } from '@lifelong/core';
import assessments from '@lifelong/plugin-assessments';
import community from '@lifelong/plugin-community';
import creditBank from '@lifelong/plugin-credit-bank';
import teacherDevelopment from '@lifelong/plugin-teacher-development';

// The default deployment: the core with the first-party centers (community among them) and assessments, enabled in the default region.
// Environment variables override these settings (docs/configuration.md); with no DATABASE_URL the
// platform runs on embedded PGlite in .lifelong/data. The web portal (examples/web-portal, built by
// `npm run build` and by `npm start`'s prestart) is served at `/`.
export default defineConfig({
  settings: {
    port: 3000,
    siteDir: fileURLToPath(new URL('./examples/web-portal/dist', import.meta.url)),
  },
  plugins: [creditBank, teacherDevelopment, assessments, community],
});
