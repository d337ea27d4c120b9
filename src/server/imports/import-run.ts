import path from 'node:path';
import { customFieldCreateSchema } from '../../shared/custom-field-schemas.js';
import type { CustomFieldType } from '../../shared/custom-field-types.js';
import type { ImportCounts, ImportFormat, ImportPlan, ImportReason } from '../../shared/import-schemas.js';
import { systemPrincipal, type Actor } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import { contactContextOf, type ContactsService } from '../contacts/contacts.service.js';
import type { CustomFieldsService } from '../custom-fields/custom-fields.service.js';
import type { Repositories, UnitOfWork } from '../db/repositories.js';
import type { ImportRowErrorsTable, ImportsTable } from '../db/schema.js';
import type { RunningJob } from '../jobs/job-runner.js';
import { writeImportBatch, type DraftedRow } from './import-batch-writer.js';
import type { RowOutcome, RowWriterContext } from './import-row-writer.js';
import { tallyOutcome, EMPTY_COUNTS } from './import-tally.js';
import { readImportRows, type SourceRow } from './readers/import-file.js';
import {
  draftFromRow,
  draftIdentities,
  RowRefused,
  type CustomFieldRef,
  type DraftContext,
  type RowDraft,
} from './row-draft.js';

/** Job type of an import run or dry run. */
export const IMPORT_JOB = 'import-contacts';
/** Rows written per transaction: each batch commits with the import's checkpoint, so a restart resumes after it. */
const BATCH_ROWS = 500;

/** What an import job is asked to do. */
export interface ImportJobPayload {
  importId: string;
  dryRun: boolean;
  actor: Actor;
}

/** Thrown to roll a dry run's batch back after it was tried. */
class DryRunRollback extends Error {}

/** What the run needs besides the database. */
export interface ImportRunDeps {
  uow: UnitOfWork;
  contacts: ContactsService;
  customFields: CustomFieldsService;
  dataDir: string;
}

/**
 * Runs an import (or its dry run) over the whole file: rows are read as a stream and written in batches of
 * BATCH_ROWS, each in one transaction together with the import's counts and checkpoint, so that a crash or
 * restart resumes after the last committed row with no row lost and none applied twice. A dry run tries each
 * batch the same way and rolls it back.
 */
export async function runImportJob(deps: ImportRunDeps, job: RunningJob): Promise<ImportCounts> {
  const { importId, dryRun, actor } = job.payload as ImportJobPayload;
  const { uow } = deps;
  const workspaceId = job.workspaceId;
  const row = await uow.repos.imports.find(workspaceId, importId);
  if (!row?.plan) throw new Error(`import ${importId} has no plan`);
  if (row.state === 'cancelled') return tallyOf(row);
  const plan = JSON.parse(row.plan) as ImportPlan;
  const startedAt = row.started_at ?? nowIso();
  if (!dryRun)
    await uow.repos.imports.update(workspaceId, importId, { state: 'running', started_at: startedAt });

  const newFields = newFieldColumns(plan);
  const newFieldRefs = dryRun
    ? new Map<number, CustomFieldRef>()
    : await createNewFields(deps, workspaceId, newFields);
  const contactContext = await contactContextOf(uow.repos, workspaceId);
  const draftContext: DraftContext = {
    plan,
    customFieldById: new Map(contactContext.fields.map((f) => [f.id, { key: f.key, type: f.type }])),
    newFields: newFieldRefs,
    defaultCountry: plan.options.defaultCountry ?? contactContext.defaultCountry,
  };
  const tally = dryRun ? freshTally() : tallyOf(row);
  const seenInDryRun = new Set<string>();
  const skipUntil = dryRun ? 0 : row.rows_done;
  const total = row.rows_total ?? 0;
  let batch: SourceRow[] = [];

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const writer: RowWriterContext = {
      scope: { workspaceId, actor },
      contact: contactContext,
      policy: plan.options.policy,
      importId,
      fileName: row.file_name,
      runStartedAt: startedAt,
      now: nowIso(),
    };
    const before = structuredClone(tally);
    // Rows are read through the mapping before the transaction, which then holds the write lock only to write.
    const reads = rows.map((source) => draftOf(source, draftContext));
    try {
      await uow.transaction(async (repos) => {
        const outcomes = await batchOutcomes(repos, deps, writer, rows, reads, dryRun ? seenInDryRun : null);
        const refused: ImportRowErrorsTable[] = [];
        rows.forEach((source, index) => {
          const outcome = outcomes[index] ?? { kind: 'failed', reason: 'not written' };
          tallyOutcome(tally, outcome, source.number);
          if (outcome.kind === 'skipped' || outcome.kind === 'failed')
            refused.push({
              workspace_id: workspaceId,
              import_id: importId,
              row_number: source.number,
              outcome: outcome.kind,
              reason: outcome.reason,
              cells: JSON.stringify(source.cells),
            });
        });
        if (dryRun) throw new DryRunRollback();
        await repos.imports.insertRowErrors(refused);
        await repos.imports.update(workspaceId, importId, {
          ...countColumns(tally),
          updated_at: nowIso(),
        });
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) {
        Object.assign(tally, before);
        throw error;
      }
    }
    await job.reportProgress(tally.rows, Math.max(total, tally.rows));
  };

  for await (const source of readImportRows(path.join(deps.dataDir, row.file_path), sourceInfoOf(row))) {
    if (source.number <= skipUntil) continue;
    batch.push(source);
    if (batch.length >= BATCH_ROWS) await flush();
  }
  await flush();

  const finished = nowIso();
  const counts = {
    created: tally.created,
    updated: tally.updated,
    skipped: tally.skipped,
    failed: tally.failed,
  };
  if (dryRun) {
    await uow.repos.imports.update(workspaceId, importId, {
      rows_total: tally.rows,
      dry_run: JSON.stringify({
        rows: tally.rows,
        counts,
        reasons: tally.reasons,
        newFields: newFields.map((f) => f.label),
      }),
      updated_at: finished,
    });
  } else if ((await uow.repos.imports.find(workspaceId, importId))?.state === 'running') {
    await uow.repos.imports.update(workspaceId, importId, {
      state: 'done',
      rows_total: tally.rows,
      finished_at: finished,
      updated_at: finished,
    });
  }
  return counts;
}

/** The running tally of an import: counts, rows read and reasons with examples. */
export interface ImportTally extends ImportCounts {
  rows: number;
  reasons: ImportReason[];
}

function freshTally(): ImportTally {
  return { ...EMPTY_COUNTS, rows: 0, reasons: [] };
}

/** The tally an import had committed, to go on from after a restart. */
function tallyOf(row: ImportsTable): ImportTally {
  return {
    created: row.created_count,
    updated: row.updated_count,
    skipped: row.skipped_count,
    failed: row.failed_count,
    rows: row.rows_done,
    reasons: JSON.parse(row.reasons) as ImportReason[],
  };
}

function countColumns(tally: ImportTally) {
  return {
    rows_done: tally.rows,
    created_count: tally.created,
    updated_count: tally.updated,
    skipped_count: tally.skipped,
    failed_count: tally.failed,
    reasons: JSON.stringify(tally.reasons),
  };
}

/** How the import's file is read, from what the upload found. */
export function sourceInfoOf(row: ImportsTable) {
  return {
    format: row.format as ImportFormat,
    encoding: row.encoding,
    delimiter: row.delimiter,
    headers: JSON.parse(row.headers) as string[],
  };
}

/** Columns mapped to a new custom field. */
function newFieldColumns(plan: ImportPlan) {
  return plan.mapping.flatMap((target, column) =>
    target.kind === 'newCustom' ? [{ column, label: target.label, type: target.type }] : [],
  );
}

/** Creates the new custom fields of a plan (or finds those a previous attempt created) and returns their keys by column. */
async function createNewFields(
  deps: ImportRunDeps,
  workspaceId: string,
  fields: ReturnType<typeof newFieldColumns>,
): Promise<Map<number, CustomFieldRef>> {
  const refs = new Map<number, CustomFieldRef>();
  for (const field of fields) {
    const existing = (await deps.uow.repos.customFields.listDefinitions(workspaceId)).find(
      (f) => f.label.toLowerCase() === field.label.toLowerCase(),
    );
    // A select needs its choices up front; a new one from a file starts as text, to be turned into a select later.
    const type = field.type === 'select' || field.type === 'multi_select' ? 'text' : field.type;
    const created = existing
      ? null
      : await deps.customFields.createField(
          systemPrincipal(workspaceId),
          customFieldCreateSchema.parse({ label: field.label, type }),
        );
    refs.set(field.column, {
      key: existing?.key ?? created?.key ?? '',
      type: (existing?.type ?? type) as CustomFieldType,
    });
  }
  return refs;
}

/**
 * What becomes of each row of a batch, in order: rows that could not be read fail, the others are written together;
 * in a dry run, rows whose identities an earlier batch would have created count as merged.
 */
async function batchOutcomes(
  repos: Repositories,
  deps: ImportRunDeps,
  writer: RowWriterContext,
  rows: readonly SourceRow[],
  reads: ReadonlyArray<RowDraft | RowOutcome>,
  seenInDryRun: Set<string> | null,
): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = [];
  const drafted: Array<DraftedRow & { index: number; keys: string[] }> = [];
  rows.forEach((source, index) => {
    const read = reads[index];
    if (!read) return;
    if ('kind' in read) {
      outcomes[index] = read;
      return;
    }
    const keys = draftIdentities(read).map((k) => `${k.kind}:${k.value}`);
    if (seenInDryRun && keys.some((k) => seenInDryRun.has(k)))
      outcomes[index] = { kind: 'updated', contactId: 'earlier-row' };
    else drafted.push({ index, number: source.number, draft: read, keys });
  });
  const written = await writeImportBatch(repos, deps.contacts, writer, drafted);
  drafted.forEach((row, i) => {
    const outcome = written[i] ?? { kind: 'failed', reason: 'not written' };
    outcomes[row.index] = outcome;
    if (seenInDryRun && outcome.kind === 'created') for (const key of row.keys) seenInDryRun.add(key);
  });
  return outcomes;
}

/** A row read through the mapping, or why it cannot be. */
function draftOf(
  source: SourceRow,
  draftContext: DraftContext,
): RowDraft | { kind: 'failed'; reason: string } {
  if (source.error) return { kind: 'failed', reason: source.error };
  try {
    return draftFromRow(source.cells, draftContext);
  } catch (error) {
    if (error instanceof RowRefused) return { kind: 'failed', reason: error.message };
    throw error;
  }
}
