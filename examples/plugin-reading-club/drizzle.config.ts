import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new SQL migration from the schema diff into ./drizzle.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema.ts',
  out: './drizzle',
});
