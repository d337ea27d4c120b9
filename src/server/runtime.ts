import type { Config } from './config.js';
import { openDatabase, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createServices, type Services } from './services.js';

/** An open, migrated database with its services. */
export interface Runtime {
  db: Db;
  services: Services;
  close(): Promise<void>;
}

/** Opens and migrates the configured database and builds the services over it. */
export async function startRuntime(config: Pick<Config, 'databaseUrl' | 'dataDir'>, sqliteCacheKiB?: number): Promise<Runtime> {
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, sqliteCacheKiB });
  await migrateToLatest(db);
  return { db, services: createServices(db), close: () => db.kysely.destroy() };
}
