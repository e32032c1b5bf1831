import { defineConfig } from '@lifelong/core';
import { firstPartyPlugins } from '../first-party-plugins.js';

// The platform with every first-party plugin, as `lifelong start` loads it in a deployment.
export default defineConfig({
  plugins: firstPartyPlugins,
  settings: { logLevel: 'warn' },
});
