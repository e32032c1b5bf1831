import { defineConfig } from '@lifelong/core';
import readingClub from '@lifelong-examples/plugin-reading-club';

// Every plugin the repository has today (first-party centers arrive with their issues).
export default defineConfig({
  plugins: [readingClub],
  settings: { logLevel: 'warn' },
});
