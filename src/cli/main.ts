import { Command } from 'commander';
import { registerAdminCommands } from './admin-commands.js';
import { registerDataCommands } from './data-commands.js';
import { describeError } from './describe-error.js';
import { registerExportCommand } from './export-command.js';
import { registerImportCommand } from './import-command.js';
import { serve } from './serve.js';
import { registerWhatsAppCommands } from './whatsapp-commands.js';

const program = new Command()
  .name('rolo')
  .description(
    'Rolo: contacts for businesses on WhatsApp. Every command honours PORT, HOST, ROLO_DATA_DIR and DATABASE_URL.',
  )
  .showHelpAfterError();

program
  .command('serve')
  .description('start the server (migrates, and sets up a workspace on first start)')
  .option(
    '--wa-emulator',
    'also run the local WhatsApp Cloud API emulator and connect the first workspace to it',
  )
  .action((options: { waEmulator?: boolean }) => serve(options));
registerAdminCommands(program);
registerDataCommands(program);
registerExportCommand(program);
registerImportCommand(program);
registerWhatsAppCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`rolo: ${describeError(error)}`);
  process.exitCode = 1;
}
