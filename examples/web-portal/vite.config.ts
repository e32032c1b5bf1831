import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

// The platform serves dist/ at `/` (its `siteDir` setting); `npm run dev` proxies the API to a
// platform started with `npm start` at the repository root.
export default defineConfig({
  plugins: [vue()],
  define: {
    // vue-i18n's compile-time flags: the Composition API only, no devtools in production.
    __VUE_I18N_FULL_INSTALL__: false,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
    __VUE_PROD_DEVTOOLS__: false,
  },
  build: {
    target: 'es2022',
    // The platform's CSP allows no inline script: never inline the module-preload helper or assets as data: scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    // scripts/check-budget.mjs reads it to sum what the first page loads.
    manifest: true,
  },
  server: {
    proxy: { '/v1': 'http://localhost:3000', '/health': 'http://localhost:3000' },
  },
});
