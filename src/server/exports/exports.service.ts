import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Export, ExportFormat, ExportRequest, ExportSelection } from '../../shared/export-schemas.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import { toFieldDefinition, type FieldDefinition } from '../custom-fields/custom-field-values.js';
import { newId } from '../db/new-id.js';
import type { UnitOfWork } from '../db/repositories.js';
import { AppError, notFound } from '../http/errors.js';
import type { RunningJob } from '../jobs/job-runner.js';
import type { JobsService } from '../jobs/jobs.service.js';
import { defaultColumnIds, resolveExportColumns, type MissingFieldPolicy } from './export-columns.js';
import { exportStateOf, toExport } from './export-mapper.js';
import { countSelection, needsOf, readExportPages } from './export-pages.js';
import { selectionWhere, type ExportFilters } from './export-selection.js';
import { writeExportFile, type ExportProgress } from './export-writer.js';

/** Job type of an export. */
export const EXPORT_CONTACTS_JOB = 'export-contacts';

/** How long a finished export can be downloaded before its file is deleted. */
export const EXPORT_LINK_LIFETIME_MS = 24 * 60 * 60 * 1000;

const LIST_LIMIT = 50;

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

interface ExportJobPayload {
  exportId: string;
}

/** What an export job stores as its result. */
export interface ExportJobResult {
  rows: number;
  fileSize: number;
}

/** A finished export's file, ready to send. */
export interface ExportDownload {
  fileName: string;
  contentType: string;
  size: number;
  stream: Readable;
}

const gone = () =>
  new AppError('gone', 410, 'This export has expired and its file was deleted; export the contacts again');

/** Exports of contacts to CSV or XLSX: started as jobs, downloadable for 24 hours; also written straight to a stream. */
export class ExportsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly jobs: JobsService,
    /** The data directory; files live under `exports/<workspaceId>/`. */
    readonly dataDir: string,
    private readonly selectionFilters: ExportFilters,
  ) {}

  /** Checks the request, records the export and queues the job that writes it. */
  async startExport(principal: Principal, request: ExportRequest): Promise<Export> {
    const { workspaceId } = principal;
    const fields = await this.fieldsOf(workspaceId);
    resolveExportColumns(request.columns, fields, 'refuse');
    const where = await selectionWhere(this.selectionFilters, workspaceId, request.selection);
    const total = await countSelection(this.uow.repos, workspaceId, request.selection, where);
    const id = newId();
    const createdBy = actorOf(principal).id;
    await this.uow.repos.exports.insert({
      workspace_id: workspaceId,
      id,
      format: request.format,
      selection: JSON.stringify(request.selection),
      columns: JSON.stringify(request.columns ?? defaultColumnIds(fields)),
      bom: request.bom ? 1 : 0,
      state: 'queued',
      job_id: null,
      rows: 0,
      file_path: null,
      file_size: null,
      error: null,
      created_by: createdBy,
      created_at: nowIso(),
      finished_at: null,
      expires_at: null,
    });
    const payload: ExportJobPayload = { exportId: id };
    const job = await this.jobs.enqueueJob(workspaceId, EXPORT_CONTACTS_JOB, payload, {
      createdBy,
      total,
      maxAttempts: 2,
    });
    await this.uow.repos.exports.update(workspaceId, id, { job_id: job.id });
    return this.getExport(workspaceId, id);
  }

  /** One export of the workspace. */
  async getExport(workspaceId: string, id: string): Promise<Export> {
    const row = await this.uow.repos.exports.findWithJob(workspaceId, id);
    if (!row) throw notFound('Export');
    return toExport(row, nowIso());
  }

  /** The workspace's 50 newest exports. */
  async listExports(workspaceId: string): Promise<Export[]> {
    const now = nowIso();
    return (await this.uow.repos.exports.listRecent(workspaceId, LIST_LIMIT)).map((row) =>
      toExport(row, now),
    );
  }

  /** Cancels a queued export, or asks a running one to stop after the page it is writing. */
  async cancelExport(workspaceId: string, id: string): Promise<Export> {
    const row = await this.uow.repos.exports.find(workspaceId, id);
    if (!row) throw notFound('Export');
    if (!row.job_id || row.state === 'done' || row.state === 'expired')
      throw new AppError('conflict', 409, 'The export has already finished');
    await this.jobs.cancelJob(workspaceId, row.job_id);
    return this.getExport(workspaceId, id);
  }

  /** The file of a finished export; 410 once its link has lapsed, 409 while it is not done. */
  async openDownload(workspaceId: string, id: string): Promise<ExportDownload> {
    const row = await this.uow.repos.exports.findWithJob(workspaceId, id);
    if (!row) throw notFound('Export');
    const state = exportStateOf(row, nowIso());
    if (state === 'expired') throw gone();
    if (state !== 'done' || !row.file_path)
      throw new AppError('conflict', 409, `The export is ${state}; it can be downloaded once it is done`);
    const file = path.join(this.dataDir, row.file_path);
    const size = await stat(file).then(
      (s) => s.size,
      () => null,
    );
    if (size === null) throw gone();
    return {
      fileName: `contacts-${row.created_at.slice(0, 10)}.${row.format}`,
      contentType: CONTENT_TYPES[row.format as ExportFormat],
      size,
      stream: createReadStream(file),
    };
  }

  /**
   * Writes the selected contacts to the output as one file and ends it; returns how many were written. Unknown
   * columns fail with a 400; custom columns whose field is gone fail too, or are left out under `omit`.
   */
  async writeExport(
    workspaceId: string,
    request: ExportRequest,
    output: Writable,
    onProgress?: ExportProgress,
    missingFields: MissingFieldPolicy = 'refuse',
  ): Promise<number> {
    const { repos } = this.uow;
    const columns = resolveExportColumns(request.columns, await this.fieldsOf(workspaceId), missingFields);
    const where = await selectionWhere(this.selectionFilters, workspaceId, request.selection);
    return writeExportFile({
      pages: readExportPages(repos, workspaceId, request.selection, needsOf(columns), undefined, where),
      columns,
      format: request.format,
      bom: request.bom,
      output,
      total: await countSelection(repos, workspaceId, request.selection, where),
      onProgress,
    });
  }

  /** The job handler: writes the file beside its final name, then moves it in place and marks the export done. */
  async runExportJob(job: RunningJob): Promise<ExportJobResult | null> {
    const { workspaceId } = job;
    const { exportId } = job.payload as ExportJobPayload;
    const row = await this.uow.repos.exports.find(workspaceId, exportId);
    if (!row) return null;
    await this.uow.repos.exports.update(workspaceId, exportId, { state: 'running' });
    const request: ExportRequest = {
      selection: JSON.parse(row.selection) as ExportSelection,
      format: row.format as ExportFormat,
      columns: JSON.parse(row.columns) as string[],
      bom: row.bom === 1,
    };
    const relative = path.join('exports', workspaceId, `${exportId}.${request.format}`);
    const target = path.join(this.dataDir, relative);
    const partial = `${target}.${randomBytes(4).toString('hex')}.part`;
    await mkdir(path.dirname(target), { recursive: true });
    const output = createWriteStream(partial);
    let rows: number;
    try {
      rows = await this.writeExport(
        workspaceId,
        request,
        output,
        (done, total) => job.reportProgress(done, total),
        'omit',
      );
      await rename(partial, target);
    } catch (error) {
      output.destroy();
      await rm(partial, { force: true });
      throw error;
    }
    const fileSize = (await stat(target)).size;
    const finishedAt = new Date();
    await this.uow.repos.exports.update(workspaceId, exportId, {
      state: 'done',
      rows,
      file_path: relative,
      file_size: fileSize,
      finished_at: finishedAt.toISOString(),
      expires_at: new Date(finishedAt.getTime() + EXPORT_LINK_LIFETIME_MS).toISOString(),
    });
    return { rows, fileSize };
  }

  /** Deletes the files of exports whose link lapsed at `now` or before, and marks them expired. */
  async purgeExpiredExports(now = Date.now()): Promise<number> {
    const lapsed = await this.uow.repos.exports.listLapsed(new Date(now).toISOString());
    for (const row of lapsed) {
      if (row.file_path) await rm(path.join(this.dataDir, row.file_path), { force: true });
      await this.uow.repos.exports.update(row.workspace_id, row.id, { state: 'expired', file_path: null });
    }
    return lapsed.length;
  }

  private async fieldsOf(workspaceId: string): Promise<FieldDefinition[]> {
    return (await this.uow.repos.customFields.listDefinitions(workspaceId)).map(toFieldDefinition);
  }
}
