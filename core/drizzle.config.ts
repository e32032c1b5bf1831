import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w @lifelong/core` writes a new SQL migration from the schema diff.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
});
