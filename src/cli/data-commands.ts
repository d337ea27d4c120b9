import path from 'node:path';
import type { Command } from 'commander';
import { systemPrincipal } from '../server/auth/principal.js';
import { BULK_LOAD_CACHE_KIB, seedBulkContacts } from '../server/seed/bulk-contacts.js';
import { seedDemoData } from '../server/seed/demo-data.js';
import { resolveWorkspaceId, withRuntime } from './cli-runtime.js';
import { positiveInteger } from './cli-options.js';

/** seed and backup. */
export function registerDataCommands(program: Command): void {
  program
    .command('seed')
    .description('load demo data (--demo) or N synthetic contacts (--contacts N)')
    .option('--demo', 'about 200 realistic contacts with tags, custom fields, notes and consent')
    .option('--contacts <n>', 'load N synthetic contacts as fast as possible', positiveInteger)
    .option('--workspace <id>', 'workspace id (default: the first workspace)')
    .action((options: { demo?: boolean; contacts?: number; workspace?: string }) => {
      if (!options.demo && !options.contacts) throw new Error('say what to seed: --demo or --contacts N');
      return withRuntime(async (runtime) => {
        const workspaceId = await resolveWorkspaceId(runtime, options.workspace);
        if (options.demo) {
          const owner = (await runtime.services.users.listUsers(workspaceId)).find((u) => u.role === 'owner');
          const count = await seedDemoData(
            runtime.services,
            workspaceId,
            owner?.id ?? systemPrincipal(workspaceId).id,
          );
          console.log(`loaded ${count} demo contacts`);
        }
        if (options.contacts) {
          const started = Date.now();
          let reported = 0;
          await seedBulkContacts(runtime.services, workspaceId, options.contacts, (done, total) => {
            if (done - reported >= 100_000 || done === total) {
              reported = done;
              const seconds = (Date.now() - started) / 1000;
              console.log(
                `${done.toLocaleString('en')} / ${total.toLocaleString('en')} contacts, ${Math.round(done / seconds).toLocaleString('en')}/s`,
              );
            }
          });
          console.log(
            `seeded ${options.contacts.toLocaleString('en')} contacts in ${((Date.now() - started) / 1000).toFixed(1)} s`,
          );
        }
      }, BULK_LOAD_CACHE_KIB);
    });

  program
    .command('backup <file>')
    .description('copy the SQLite database to a file while the server runs (use pg_dump for PostgreSQL)')
    .action((file: string) =>
      withRuntime(async ({ db }) => {
        const target = path.resolve(file);
        await db.dialect.backup(target);
        console.log(`backed up to ${target}`);
      }),
    );
}
