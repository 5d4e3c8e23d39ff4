import { defineConfig } from 'drizzle-kit';

// `npm run db:generate -w @motcua/server` writes SQL migrations into drizzle/ (committed); the
// server applies them at start and `motcua migrate` applies them on demand.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema/index.ts',
  out: './drizzle',
});
