import type { Export, ExportFormat, ExportState } from '../../shared/export-schemas.js';
import type { ExportWithJob } from './exports.repository.js';

const JOB_STATES = new Set<string>(['queued', 'running', 'failed', 'cancelled']);

/** The state shown: done until the link lapses, then expired; before that, the state of the job writing it. */
export function exportStateOf(row: ExportWithJob, now: string): ExportState {
  if (row.state === 'expired' || (row.state === 'done' && row.expires_at !== null && row.expires_at <= now))
    return 'expired';
  if (row.state === 'done') return 'done';
  if (row.job_state !== null && JOB_STATES.has(row.job_state)) return row.job_state as ExportState;
  return row.state as ExportState;
}

/** The API shape of an export row, as of `now`. */
export function toExport(row: ExportWithJob, now: string): Export {
  const state = exportStateOf(row, now);
  return {
    id: row.id,
    state,
    format: row.format as ExportFormat,
    rows: Number(row.rows),
    progress: { done: Number(row.progress_done ?? 0), total: Number(row.progress_total ?? 0) },
    fileSize: row.file_size === null ? null : Number(row.file_size),
    error: state === 'failed' ? row.job_error : null,
    createdAt: row.created_at,
    finishedAt: row.finished_at ?? row.job_finished_at,
    expiresAt: row.expires_at,
    downloadUrl: state === 'done' ? `/api/v1/exports/${row.id}/download` : null,
  };
}
