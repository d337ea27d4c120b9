import { openDatabase, type DatabaseConfig, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createServices, type Services } from './services.js';

/** An open, migrated database with its services. */
export interface Runtime {
  db: Db;
  services: Services;
  close(): Promise<void>;
}

/** Opens and migrates the configured database and builds the services over it. */
export async function startRuntime(config: DatabaseConfig): Promise<Runtime> {
  const db = openDatabase(config);
  await migrateToLatest(db);
  return { db, services: createServices(db), close: () => db.kysely.destroy() };
}
