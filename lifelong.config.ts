import { fileURLToPath } from 'node:url';
import { defineConfig } from '@lifelong/core';
import assessments from '@lifelong/plugin-assessments';
import credentials from '@lifelong/plugin-credentials';
import community from '@lifelong/plugin-community';
import creditBank from '@lifelong/plugin-credit-bank';
import learningRecords from '@lifelong/plugin-learning-records';
import evaluationConsultation from '@lifelong/plugin-evaluation-consultation';
import teacherDevelopment from '@lifelong/plugin-teacher-development';

// The default deployment: the core with the first-party centers, assessments and learning records, enabled in the default region.
import industrySupport from '@lifelong/plugin-industry-support';

// The default deployment: the core with the first-party centers, assessments and industry support, enabled in the default region.
import qualityControl from '@lifelong/plugin-quality-control';

// The default deployment: the core with the first-party centers (credit bank, teacher development, quality control) and assessments, enabled in the default region.
// The default deployment: the core with the first-party centers (community among them) and assessments, enabled in the default region.
// Environment variables override these settings (docs/configuration.md); with no DATABASE_URL the
// platform runs on embedded PGlite in .lifelong/data. The web portal (examples/web-portal, built by
// `npm run build` and by `npm start`'s prestart) is served at `/`.
export default defineConfig({
  settings: {
    port: 3000,
    siteDir: fileURLToPath(new URL('./examples/web-portal/dist', import.meta.url)),
  },
  plugins: [creditBank, teacherDevelopment, assessments, credentials, learningRecords, industrySupport, qualityControl, evaluationConsultation, community],
});
