import { loadConfig } from '../server/config.js';
import { openDatabase, type Db } from '../server/db/database.js';
import { startRuntime, type Runtime } from '../server/runtime.js';

/** Runs a command against the configured database, closing it afterwards. */
export async function withRuntime<T>(
  work: (runtime: Runtime) => Promise<T>,
  sqliteCacheKiB?: number,
): Promise<T> {
  const config = loadConfig();
  const runtime = await startRuntime({ ...config, sqliteCacheKiB });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

/** The workspace named by --workspace, or the first one; fails clearly when there is none. */
export async function resolveWorkspaceId(runtime: Runtime, requested?: string): Promise<string> {
  if (requested) return (await runtime.services.workspaces.getWorkspace(requested)).id;
  const first = await runtime.services.workspaces.findDefaultWorkspace();
  if (!first)
    throw new Error('there is no workspace yet: run `rolo workspace create NAME` or start the server once');
  return first.id;
}

/** Runs a command against the configured database without migrating it first, closing it afterwards. */
export async function withDatabase<T>(work: (db: Db) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    return await work(db);
  } finally {
    await db.kysely.destroy();
  }
}
