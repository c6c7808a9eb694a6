import { defineConfig } from 'drizzle-kit';

// Generates the SQL migrations from the schema: npm run db:generate
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './src/db/migrations',
});
