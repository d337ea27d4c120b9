import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import { initialMigration } from './migrations/0001-initial.js';
import { jobsMigration } from './migrations/0002-jobs.js';
import { whatsappMigration } from './migrations/0003-whatsapp.js';
import { whatsappStatsMigration } from './migrations/0004-whatsapp-stats.js';
import { importsExportsMigration } from './migrations/0005-imports-exports.js';
import { filterIndexesMigration } from './migrations/0006-filter-indexes.js';
import { searchIndexMigration } from './migrations/0007-search-index.js';
import { segmentsMigration } from './migrations/0008-segments.js';
import { automationMigration } from './migrations/0009-automation.js';

/** Applies every pending migration; the same list serves both dialects. */
export async function migrateToLatest({ kysely, dialect }: Db): Promise<string[]> {
  const provider: MigrationProvider = {
    getMigrations: async (): Promise<Record<string, Migration>> => ({
      '0001-initial': initialMigration(dialect),
      '0002-jobs': jobsMigration(dialect),
      '0003-whatsapp': whatsappMigration(dialect),
      '0004-whatsapp-stats': whatsappStatsMigration(),
      '0005-imports-exports': importsExportsMigration(dialect),
      '0006-filter-indexes': filterIndexesMigration(),
      '0007-search-index': searchIndexMigration(dialect),
      '0008-segments': segmentsMigration(dialect),
      '0009-automation': automationMigration(dialect),
    }),
  };
  const migrationTableSchema = await dialect.migrationTableSchema(kysely);
  const migrator = new Migrator({
    db: kysely,
    provider,
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
