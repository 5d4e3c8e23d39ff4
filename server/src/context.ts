import type { Logger } from 'pino';
import type { SchemaEvaluator } from '@motcua/core';
import type { ServerConfig } from './config/config.ts';
import type { Clock } from './config/clock.ts';
import type { Database, Db } from './db/client.ts';
import type { FileStore } from './files/store.ts';
import type { AgencyCache } from './agency-directory/cache.ts';
import type { Faults } from './config/faults.ts';

/** Everything a request handler or a command needs, built once per process (see server.ts). */
export interface ServerContext {
  config: ServerConfig;
  database: Database;
  db: Db;
  clock: Clock;
  log: Logger;
  files: FileStore;
  agencies: AgencyCache;
  /** The server's condition evaluator: core's ajv evaluator, compiled schemas cached by key. */
  evaluator: SchemaEvaluator;
  faults: Faults;
}
