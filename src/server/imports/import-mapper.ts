import type {
  Import,
  ImportDryRun,
  ImportFormat,
  ImportPlan,
  ImportReason,
  ImportState,
  KnownExport,
} from '../../shared/import-schemas.js';
import type { ImportsTable } from '../db/schema.js';

/** An import row as the API shows it, with its rate and time left while it runs. */
export function toImport(row: ImportsTable, now = Date.now()): Import {
  const elapsed = row.started_at ? (now - Date.parse(row.started_at)) / 1000 : 0;
  const running = row.state === 'running' && elapsed > 0 && row.rows_done > 0;
  const rate = running ? row.rows_done / elapsed : null;
  const left = rate && row.rows_total ? Math.max(0, row.rows_total - row.rows_done) / rate : null;
  return {
    id: row.id,
    state: row.state as ImportState,
    file: {
      name: row.file_name,
      size: Number(row.file_size),
      format: row.format as ImportFormat,
      encoding: row.encoding,
      delimiter: row.delimiter,
      recognised: row.recognised as KnownExport | null,
      headers: JSON.parse(row.headers) as string[],
    },
    plan: row.plan ? (JSON.parse(row.plan) as ImportPlan) : null,
    progress: {
      done: Number(row.rows_done),
      total: row.rows_total === null ? null : Number(row.rows_total),
      rowsPerSecond: rate === null ? null : Math.round(rate),
      etaSeconds: left === null ? null : Math.round(left),
    },
    counts: {
      created: Number(row.created_count),
      updated: Number(row.updated_count),
      skipped: Number(row.skipped_count),
      failed: Number(row.failed_count),
    },
    reasons: JSON.parse(row.reasons) as ImportReason[],
    dryRun: row.dry_run ? (JSON.parse(row.dry_run) as ImportDryRun) : null,
    error: row.error,
    createdBy: row.created_by,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}
