import { loadSecretBox } from './auth/secret-box.js';
import { openDatabase, type DatabaseConfig, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { createServices, type Services } from './services.js';
import type { GraphClientDefaults } from './whatsapp/graph-clients.js';
import type { WhatsAppEnvironment } from './whatsapp/whatsapp-environment.js';

/** An open, migrated database with its services. */
export interface Runtime {
  db: Db;
  services: Services;
  close(): Promise<void>;
}

/** The database, and the secrets the services need. */
export interface RuntimeConfig extends DatabaseConfig {
  secretKey?: string | undefined;
  whatsapp?: WhatsAppEnvironment | undefined;
  graph?: GraphClientDefaults | undefined;
}

/** Opens and migrates the configured database and builds the services over it. */
export async function startRuntime(config: RuntimeConfig): Promise<Runtime> {
  const db = openDatabase(config);
  await migrateToLatest(db);
  const services = createServices(db, {
    dataDir: config.dataDir,
    secretBox: loadSecretBox(config.dataDir, config.secretKey),
    whatsapp: config.whatsapp ?? {},
    ...(config.graph ? { graph: config.graph } : {}),
  });
  return { db, services, close: () => db.kysely.destroy() };
}
