/** @motcua/server — the one-stop server: storage, agencies and staff, publishing, citizen intake. */
export { loadConfig, ConfigError, type ServerConfig } from './config/config.ts';
export { createContext, startServer, type RunningServer, type ContextOptions } from './server.ts';
export { createApp, type AppOptions } from './app.ts';
export { openDatabase, execute, type Database, type Db } from './db/client.ts';
export { migrateDatabase, MIGRATIONS_DIR } from './db/migrate.ts';
export { runServe, banner, type ServeOptions } from './commands/serve.ts';
export { runMigrate } from './commands/migrate.ts';
export type { ServerContext } from './context.ts';
export { runImport } from './commands/import.ts';
export { importDefinition } from './procedures/import-definition.ts';
