import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../shared/custom-field-types.js';
import { STANDARD_FIELD_IDS, type StandardFieldId } from '../shared/contact-fields.js';
import {
  IMPORT_POLICIES,
  importPlanSchema,
  type Import,
  type ImportPolicy,
  type ImportTarget,
} from '../shared/import-schemas.js';
import { systemPrincipal } from '../server/auth/principal.js';
import { createJobHandlers } from '../server/jobs/job-handlers.js';
import { JobRunner } from '../server/jobs/job-runner.js';
import type { Runtime } from '../server/runtime.js';
import { resolveWorkspaceId, withRuntime } from './cli-runtime.js';
import { progressLine } from './progress-line.js';

/** Options of `rolo import`. */
interface ImportOptions {
  map?: string;
  defaultCountry?: string;
  policy: ImportPolicy;
  tags?: string;
  keepInvalidPhones?: boolean;
  dryRun?: boolean;
  workspace?: string;
}

/**
 * Reads `--map "Header=target,…"`: targets are a standard field id, `tags`, `ignore`, `phoneCountry`,
 * `custom:<key>` or `new:<type>` (a new custom field named after the header).
 */
export function parseMapOption(
  text: string,
  headers: readonly string[],
  proposed: readonly ImportTarget[],
  customIdByKey: ReadonlyMap<string, string>,
): ImportTarget[] {
  const mapping = [...proposed];
  for (const pair of text.split(',').filter((p) => p.trim())) {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new Error(`--map: "${pair}" is not Header=target`);
    const header = pair.slice(0, at).trim();
    const target = pair.slice(at + 1).trim();
    const column = headers.findIndex((h) => h.trim().toLowerCase() === header.toLowerCase());
    if (column < 0)
      throw new Error(`--map: the file has no column "${header}" (columns: ${headers.join(', ')})`);
    mapping[column] = targetOf(target, header, customIdByKey);
  }
  return mapping;
}

function targetOf(target: string, header: string, customIdByKey: ReadonlyMap<string, string>): ImportTarget {
  if (target === 'ignore') return { kind: 'ignore' };
  if (target === 'tags') return { kind: 'tags' };
  if (target === 'phoneCountry') return { kind: 'phoneCountry' };
  if (STANDARD_FIELD_IDS.includes(target as StandardFieldId))
    return { kind: 'field', field: target as StandardFieldId };
  if (target.startsWith('custom:')) {
    const fieldId = customIdByKey.get(target.slice(7));
    if (!fieldId) throw new Error(`--map: there is no custom field with the key "${target.slice(7)}"`);
    return { kind: 'custom', fieldId };
  }
  if (target.startsWith('new:') && CUSTOM_FIELD_TYPES.includes(target.slice(4) as CustomFieldType))
    return { kind: 'newCustom', label: header, type: target.slice(4) as CustomFieldType };
  throw new Error(
    `--map: "${target}" is not a target (use a field such as phone or email, tags, ignore, phoneCountry, custom:<key> or new:<type>)`,
  );
}

/** Runs the import's job here, printing progress to stderr, and returns the import once it ends. */
async function runHere(runtime: Runtime, workspaceId: string, id: string): Promise<Import> {
  const runner = new JobRunner(runtime.services.uow.repos.jobs, createJobHandlers(runtime.services));
  const started = Date.now();
  const show = async () => {
    const current = await runtime.services.imports.getImport(workspaceId, id);
    process.stderr.write(progressLine(current.progress.done, current.progress.total, started));
  };
  const timer = setInterval(() => void show(), 500);
  try {
    while (await runner.runOnce());
  } finally {
    clearInterval(timer);
  }
  await show();
  process.stderr.write('\n');
  return runtime.services.imports.getImport(workspaceId, id);
}

/** `rolo import FILE`: the wizard's steps on the command line, with the proposed mapping unless told otherwise. */
export function registerImportCommand(program: Command): void {
  program
    .command('import <file>')
    .description('import contacts from a CSV, Excel (.xlsx) or vCard (.vcf) file')
    .option('--map <pairs>', 'Header=target pairs, e.g. "Telefone=phone,Plano=new:text,Notes=ignore"')
    .option('--default-country <code>', 'country for phone numbers written without +country code')
    .option(
      '--policy <policy>',
      `for rows matching an existing contact: ${IMPORT_POLICIES.join(', ')}`,
      'fill',
    )
    .option('--tags <names>', 'tags added to every imported contact, separated by ;')
    .option('--keep-invalid-phones', 'import rows whose phone is invalid, without the phone')
    .option('--dry-run', 'say what would happen, writing nothing')
    .option('--workspace <id>', 'workspace id (default: the first workspace)')
    .action((file: string, options: ImportOptions) =>
      withRuntime(async (runtime) => {
        const workspaceId = await resolveWorkspaceId(runtime, options.workspace);
        const principal = systemPrincipal(workspaceId);
        const { imports } = runtime.services;
        const uploaded = await imports.upload(principal, path.basename(file), createReadStream(file));
        const { headers } = uploaded.import.file;
        const fields = await runtime.services.uow.repos.customFields.listDefinitions(workspaceId);
        const mapping = options.map
          ? parseMapOption(
              options.map,
              headers,
              uploaded.proposedMapping,
              new Map(fields.map((f) => [f.key, f.id])),
            )
          : uploaded.proposedMapping;
        const plan = importPlanSchema.parse({
          mapping,
          options: {
            ...(options.defaultCountry ? { defaultCountry: options.defaultCountry.toUpperCase() } : {}),
            tags: options.tags
              ? options.tags
                  .split(';')
                  .map((t) => t.trim())
                  .filter(Boolean)
              : [],
            policy: options.policy,
            keepRowsWithInvalidPhone: Boolean(options.keepInvalidPhones),
          },
        });
        console.error(`${uploaded.import.file.format}, ${headers.length} columns:`);
        headers.forEach((header, i) => console.error(`  ${header} → ${describeTarget(mapping[i])}`));
        const id = uploaded.import.id;
        if (options.dryRun) await imports.dryRun(principal, id, plan);
        else await imports.start(principal, id, plan);
        const result = await runHere(runtime, workspaceId, id);
        const counts = options.dryRun ? result.dryRun?.counts : result.counts;
        if (!counts) throw new Error(result.error ?? 'the import did not finish');
        const rows = options.dryRun ? (result.dryRun?.rows ?? 0) : result.progress.done;
        const would = options.dryRun ? 'would be ' : '';
        console.log(
          `${rows} rows: ${counts.created} ${would}created, ${counts.updated} ${would}updated, ` +
            `${counts.skipped} ${would}skipped, ${counts.failed} ${options.dryRun ? 'would fail' : 'failed'}`,
        );
        for (const reason of options.dryRun ? (result.dryRun?.reasons ?? []) : result.reasons)
          console.log(
            `  ${reason.count} ${reason.outcome}: ${reason.reason} (rows ${reason.exampleRows.join(', ')})`,
          );
        if (!options.dryRun && counts.skipped + counts.failed > 0)
          console.log(`rows not imported, with reasons: GET /api/v1/imports/${id}/errors.csv`);
      }),
    );
}

function describeTarget(target: ImportTarget | undefined): string {
  if (!target || target.kind === 'ignore') return 'ignored';
  if (target.kind === 'field') return target.field;
  if (target.kind === 'newCustom') return `new ${target.type} field "${target.label}"`;
  if (target.kind === 'custom') return `custom field ${target.fieldId}`;
  if (target.kind === 'consent') return `consent ${target.part} (${target.channel} ${target.purpose})`;
  return target.kind;
}
