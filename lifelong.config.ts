import { defineConfig } from '@lifelong/core';
import assessments from '@lifelong/plugin-assessments';
import creditBank from '@lifelong/plugin-credit-bank';
import teacherDevelopment from '@lifelong/plugin-teacher-development';

// The default deployment: the core with the first-party centers and assessments, enabled in the default region.
// Environment variables override these settings (docs/configuration.md); with no DATABASE_URL the
// platform runs on embedded PGlite in .lifelong/data.
export default defineConfig({
  settings: {
    port: 3000,
  },
  plugins: [creditBank, teacherDevelopment, assessments],
});
