import { defineConfig } from '@lifelong/core';
import readingClub from '@lifelong-examples/plugin-reading-club';

// Two regions served by one deployment. The plugin is installed once (it is in `plugins`); whether
// it answers, and with which config, is decided per region. These seeds apply on first start (or
// when a region or plugin is new); after that, region admins change them at runtime with
// PUT /v1/regions/{regionId}/plugins/reading-club, and this file does not overwrite their choices.
export default defineConfig({
  plugins: [readingClub],
  regions: [
    {
      id: 'cn-bj',
      name: 'Beijing',
      plugins: { 'reading-club': { enabled: true, config: { pointsPerBook: 20, maxClubSize: 12 } } },
    },
    {
      id: 'cn-sh',
      name: 'Shanghai',
      plugins: { 'reading-club': { enabled: false } },
    },
  ],
});
