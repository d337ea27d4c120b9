import { startRuntime } from '../src/server/runtime.js';
import { BULK_LOAD_CACHE_KIB, seedBulkContacts } from '../src/server/seed/bulk-contacts.js';
import type { DatabaseConfig } from '../src/server/db/database.js';

/** The owner every benchmark workspace gets, for phases that sign in (the browser benchmark). */
export const BENCH_OWNER = { email: 'owner@bench.local', password: 'bench-password-1' };

/** A seeded workspace and the admin key the HTTP phases use. */
export interface PreparedWorkspace {
  workspaceId: string;
  apiKey: string;
  seed: { contacts: number; seconds: number; perSecond: number };
}

/** Migrates, creates a workspace with an owner and an admin API key, and seeds contacts like `rolo seed`. */
export async function prepareWorkspace(
  config: DatabaseConfig,
  contacts: number,
  log: (line: string) => void,
): Promise<PreparedWorkspace> {
  const runtime = await startRuntime({ ...config, sqliteCacheKiB: BULK_LOAD_CACHE_KIB });
  try {
    const { services } = runtime;
    const workspace = await services.workspaces.createWorkspace('Bench', 'BR');
    await services.users.createUser(workspace.id, {
      ...BENCH_OWNER,
      name: 'Bench Owner',
      role: 'owner',
    });
    const { key } = await services.auth.createApiKey(workspace.id, { name: 'bench', role: 'admin' });
    const started = process.hrtime.bigint();
    let reported = 0;
    await seedBulkContacts(services, workspace.id, contacts, (done, total) => {
      if (done - reported < total / 10 && done < total) return;
      reported = done;
      log(`  seeded ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    return {
      workspaceId: workspace.id,
      apiKey: key,
      seed: { contacts, seconds: Math.round(seconds * 100) / 100, perSecond: Math.round(contacts / seconds) },
    };
  } finally {
    await runtime.close();
  }
}
