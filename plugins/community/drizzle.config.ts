import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -- --name <change>` writes a new SQL migration from the schema diff.
// Each feature folder keeps its tables in its own schema.ts (the pgSchema itself is in src/schema.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/**/schema.ts',
  out: './drizzle',
});
