import { defineConfig } from '@lifelong/core';

// The default deployment. Environment variables override these settings (docs/configuration.md);
// with no DATABASE_URL the platform runs on embedded PGlite in .lifelong/data.
export default defineConfig({
  settings: {
    port: 3000,
  },
});
