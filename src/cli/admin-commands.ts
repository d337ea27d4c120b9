import type { Command } from 'commander';
import { countryCodeSchema } from '../shared/workspace-schemas.js';
import { userCreateSchema } from '../shared/user-schemas.js';
import { migrateToLatest } from '../server/db/migrate.js';
import { resolveWorkspaceId, withDatabase, withRuntime } from './cli-runtime.js';
import { roleOption } from './cli-options.js';

/** migrate, workspace create, user create, api-key create. */
export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(() =>
      withDatabase(async (db) => {
        const applied = await migrateToLatest(db);
        console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
      }),
    );

  program
    .command('workspace')
    .description('manage workspaces')
    .command('create <name>')
    .description('create a workspace; prints its id as the last line')
    .option('--country <code>', 'default country for phone numbers written without a country code', 'US')
    .action((name: string, options: { country: string }) =>
      withRuntime(async ({ services }) => {
        const workspace = await services.workspaces.createWorkspace(
          name,
          countryCodeSchema.parse(options.country),
        );
        console.log(`created workspace "${workspace.name}"`);
        console.log(workspace.id);
      }),
    );

  program
    .command('user')
    .description('manage team members')
    .command('create')
    .description('add a member; prints the password as the last line when one is generated')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'full name')
    .option('--password <password>', 'at least 10 characters; generated when omitted')
    .option('--workspace <id>', 'workspace id (default: the first workspace)')
    .addOption(roleOption())
    .action((options: { email: string; name: string; password?: string; workspace?: string; role: string }) =>
      withRuntime(async (runtime) => {
        const workspaceId = await resolveWorkspaceId(runtime, options.workspace);
        const input = userCreateSchema.parse({
          email: options.email,
          name: options.name,
          role: options.role,
          password: options.password,
        });
        const { user, password } = await runtime.services.users.createUser(workspaceId, input);
        console.log(`created ${user.role} ${user.email} (${user.id})`);
        if (password) console.log(password);
      }),
    );

  program
    .command('api-key')
    .description('manage API keys')
    .command('create')
    .description('create an API key; prints the key once, as the last line')
    .option('--workspace <id>', 'workspace id (default: the first workspace)')
    .option('--name <name>', 'what the key is for', 'CLI key')
    .addOption(roleOption())
    .action((options: { workspace?: string; name: string; role: 'owner' | 'admin' | 'agent' }) =>
      withRuntime(async (runtime) => {
        const workspaceId = await resolveWorkspaceId(runtime, options.workspace);
        const { apiKey, key } = await runtime.services.auth.createApiKey(workspaceId, {
          name: options.name,
          role: options.role,
        });
        console.log(`created ${apiKey.role} key "${apiKey.name}" (${apiKey.id}); it is shown only now:`);
        console.log(key);
      }),
    );
}
