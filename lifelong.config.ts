import { fileURLToPath } from 'node:url';
import { defineConfig } from '@lifelong/core';
import assessments from '@lifelong/plugin-assessments';
import community from '@lifelong/plugin-community';
import credentials from '@lifelong/plugin-credentials';
import creditBank from '@lifelong/plugin-credit-bank';
import evaluationConsultation from '@lifelong/plugin-evaluation-consultation';
import industrySupport from '@lifelong/plugin-industry-support';
import learningRecords from '@lifelong/plugin-learning-records';
import qualityControl from '@lifelong/plugin-quality-control';
import teacherDevelopment from '@lifelong/plugin-teacher-development';

// The default deployment: the core with the six centers (credit bank, teacher development, industry
// support, quality control, evaluation and consultation, community), assessments, learning records
// (xAPI) and verifiable credentials, all enabled in the default region.
// Environment variables override these settings (docs/configuration.md); with no DATABASE_URL the
// platform runs on embedded PGlite in .lifelong/data. The web portal (examples/web-portal, built by
// `npm run build` and by `npm start`'s prestart) is served at `/`.
export default defineConfig({
  settings: {
    port: 3000,
    siteDir: fileURLToPath(new URL('./examples/web-portal/dist', import.meta.url)),
  },
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
});
