import { Option, type Command } from 'commander';
import { EXPORT_FORMATS, exportRequestSchema, type ExportFormat } from '../shared/export-schemas.js';
import { resolveWorkspaceId, withRuntime } from './cli-runtime.js';

interface ExportOptions {
  q?: string;
  format: ExportFormat;
  columns?: string;
  bom?: boolean;
  workspace?: string;
}

/** Shows `done / total contacts` on one line of a terminal's standard error. */
function terminalProgress(done: number, total: number): void {
  process.stderr.write(`\r${done.toLocaleString('en')} / ${total.toLocaleString('en')} contacts`);
}

/** export: contacts to standard output as CSV or XLSX, with the same writer the API's export jobs use. */
export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description('write contacts to standard output as CSV or XLSX (redirect it to a file)')
    .option('--q <text>', 'only contacts matching this search, as in the contact list')
    .addOption(new Option('--format <format>', 'file format').choices(EXPORT_FORMATS).default('csv'))
    .option('--columns <ids>', 'comma-separated column ids (default: standard fields, tags, custom fields)')
    .option('--bom', 'start a CSV with a UTF-8 byte order mark, for Excel')
    .option('--workspace <id>', 'workspace id (default: the first workspace)')
    .action((options: ExportOptions) => {
      const request = exportRequestSchema.parse({
        selection: options.q === undefined ? { all: true } : { q: options.q },
        format: options.format,
        columns: options.columns?.split(',').map((c) => c.trim()),
        bom: options.bom === true,
      });
      if (request.format === 'xlsx' && process.stdout.isTTY)
        throw new Error('an XLSX file is binary: redirect standard output to a file (> contacts.xlsx)');
      return withRuntime(async (runtime) => {
        const workspaceId = await resolveWorkspaceId(runtime, options.workspace);
        const onTerminal = process.stderr.isTTY === true;
        const rows = await runtime.services.exports.writeExport(
          workspaceId,
          request,
          process.stdout,
          onTerminal ? terminalProgress : undefined,
        );
        if (onTerminal) process.stderr.write(`\nexported ${rows.toLocaleString('en')} contacts\n`);
      });
    });
}
