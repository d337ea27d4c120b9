import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { CustomFieldType } from '../../shared/custom-field-types.js';
import type { Import, ImportPlan, ImportUpload } from '../../shared/import-schemas.js';
import { actorOf, type Principal } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { UnitOfWork } from '../db/repositories.js';
import type { ImportsTable } from '../db/schema.js';
import { AppError, invalid, notFound } from '../http/errors.js';
import type { JobsService } from '../jobs/jobs.service.js';
import { toImport } from './import-mapper.js';
import { IMPORT_JOB, type ImportJobPayload } from './import-run.js';
import { proposeMapping, recogniseExport } from './mapping/propose-mapping.js';
import { inspectImportFile } from './readers/import-file.js';

/** Largest file an import takes. */
export const MAX_IMPORT_BYTES = 1024 ** 3;
const HISTORY = 50;

/** Imports: upload with preview and proposed mapping, dry run, run as a durable job, report and history. */
export class ImportsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly jobs: JobsService,
    /** Where uploaded files are kept (`imports/<workspace>/<id>.<ext>` under it). */
    readonly dataDir: string,
  ) {}

  /** Stores an uploaded file (streamed to disk), reads its format and first rows, and proposes a mapping. */
  async upload(by: Principal, fileName: string, stream: Readable): Promise<ImportUpload> {
    const id = newId();
    const extension = path
      .extname(fileName)
      .toLowerCase()
      .replace(/[^.a-z0-9]/g, '')
      .slice(0, 6);
    const relative = path.join('imports', by.workspaceId, `${id}${extension}`);
    const absolute = path.join(this.dataDir, relative);
    await mkdir(path.dirname(absolute), { recursive: true });
    let size = 0;
    try {
      await pipeline(
        stream,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            if (size > MAX_IMPORT_BYTES)
              throw new AppError('payload_too_large', 413, 'Import files can be at most 1 GB');
            yield chunk;
          }
        },
        createWriteStream(absolute),
      );
      if ((stream as Readable & { truncated?: boolean }).truncated)
        throw new AppError('payload_too_large', 413, 'Import files can be at most 1 GB');
      const found = await inspectImportFile(absolute, fileName);
      const fields = await this.uow.repos.customFields.listDefinitions(by.workspaceId);
      const sample = found.sample.map((r) => r.cells);
      const now = nowIso();
      const row: ImportsTable = {
        workspace_id: by.workspaceId,
        id,
        file_name: path.basename(fileName).slice(0, 255) || 'upload',
        file_path: relative,
        file_size: size,
        format: found.format,
        encoding: found.encoding,
        delimiter: found.delimiter,
        recognised: recogniseExport(found.headers),
        headers: JSON.stringify(found.headers),
        plan: null,
        state: 'uploaded',
        job_id: null,
        dry_run: null,
        rows_done: 0,
        rows_total: null,
        created_count: 0,
        updated_count: 0,
        skipped_count: 0,
        failed_count: 0,
        reasons: '[]',
        error: null,
        created_by: by.userId ?? by.id,
        created_at: now,
        started_at: null,
        updated_at: now,
        finished_at: null,
      };
      await this.uow.repos.imports.insert(row);
      const proposedMapping = proposeMapping(
        found.headers,
        sample,
        fields.map((f) => ({ id: f.id, key: f.key, label: f.label, type: f.type as CustomFieldType })),
      );
      return { import: toImport(row), preview: sample, proposedMapping };
    } catch (error) {
      await rm(absolute, { force: true });
      throw error;
    }
  }

  /** Starts a dry run of a plan: a job that tries every row and keeps nothing; its result lands on the import. */
  async dryRun(by: Principal, id: string, plan: ImportPlan): Promise<Import> {
    const row = await this.checkPlan(by, id, plan, ['uploaded']);
    const job = await this.jobs.enqueueJob(
      by.workspaceId,
      IMPORT_JOB,
      { importId: id, dryRun: true, actor: actorOf(by) } satisfies ImportJobPayload,
      { createdBy: by.userId, maxAttempts: 1 },
    );
    await this.uow.repos.imports.update(by.workspaceId, id, {
      plan: JSON.stringify(plan),
      dry_run: null,
      job_id: job.id,
      updated_at: nowIso(),
    });
    return toImport({ ...row, plan: JSON.stringify(plan), dry_run: null, job_id: job.id });
  }

  /** Queues the import itself with its plan. */
  async start(by: Principal, id: string, plan: ImportPlan): Promise<Import> {
    const row = await this.checkPlan(by, id, plan, ['uploaded']);
    const job = await this.jobs.enqueueJob(
      by.workspaceId,
      IMPORT_JOB,
      { importId: id, dryRun: false, actor: actorOf(by) } satisfies ImportJobPayload,
      { createdBy: by.userId, total: row.rows_total ?? 0, maxAttempts: 5 },
    );
    const changes = { plan: JSON.stringify(plan), state: 'queued', job_id: job.id, updated_at: nowIso() };
    await this.uow.repos.imports.update(by.workspaceId, id, changes);
    return toImport({ ...row, ...changes });
  }

  /** One import with its progress and report; a job that gave up shows as the import's error. */
  async getImport(workspaceId: string, id: string): Promise<Import> {
    const row = await this.find(workspaceId, id);
    const pending = ['queued', 'running'].includes(row.state) || (row.plan !== null && row.dry_run === null);
    if (!pending || !row.job_id) return toImport(row);
    const job = await this.jobs.getJob(workspaceId, row.job_id);
    if (job.state !== 'failed') return toImport(row);
    const error = `The import stopped: ${job.error ?? 'unknown error'}`;
    const state = row.state === 'uploaded' ? row.state : 'failed';
    return toImport({ ...row, state, error });
  }

  /** The newest imports of the workspace. */
  async listImports(workspaceId: string): Promise<Import[]> {
    return (await this.uow.repos.imports.listRecent(workspaceId, HISTORY)).map(toImport);
  }

  /** Stops a queued or running import after the batch in hand; what was written stays, and the report says so. */
  async cancel(by: Principal, id: string): Promise<Import> {
    const row = await this.find(by.workspaceId, id);
    if (!['queued', 'running'].includes(row.state))
      throw new AppError(
        'conflict',
        409,
        `This import is ${row.state}; only a queued or running import can be cancelled`,
      );
    if (row.job_id) await this.jobs.cancelJob(by.workspaceId, row.job_id);
    const now = nowIso();
    await this.uow.repos.imports.update(by.workspaceId, id, {
      state: 'cancelled',
      finished_at: now,
      updated_at: now,
    });
    return this.getImport(by.workspaceId, id);
  }

  /** The rows the import skipped or refused, page by page, to write them out as CSV. */
  async *rowErrors(
    workspaceId: string,
    id: string,
  ): AsyncGenerator<{
    headers: string[];
    row?: { number: number; outcome: string; reason: string; cells: string[] };
  }> {
    const row = await this.find(workspaceId, id);
    yield { headers: JSON.parse(row.headers) as string[] };
    let after = 0;
    for (;;) {
      const page = await this.uow.repos.imports.rowErrorsAfter(workspaceId, id, after, 1000);
      for (const error of page)
        yield {
          headers: [],
          row: {
            number: error.row_number,
            outcome: error.outcome,
            reason: error.reason,
            cells: JSON.parse(error.cells) as string[],
          },
        };
      const last = page.at(-1);
      if (!last || page.length < 1000) return;
      after = last.row_number;
    }
  }

  private async find(workspaceId: string, id: string): Promise<ImportsTable> {
    const row = await this.uow.repos.imports.find(workspaceId, id);
    if (!row) throw notFound('Import');
    return row;
  }

  /** Checks a plan against the file's columns and the workspace's fields. */
  private async checkPlan(
    by: Principal,
    id: string,
    plan: ImportPlan,
    states: string[],
  ): Promise<ImportsTable> {
    const row = await this.find(by.workspaceId, id);
    if (!states.includes(row.state))
      throw new AppError(
        'conflict',
        409,
        `This import is already ${row.state}; upload the file again to import it anew`,
      );
    const headers = JSON.parse(row.headers) as string[];
    if (plan.mapping.length !== headers.length)
      throw invalid([{ path: 'mapping', message: `must have one target per column (${headers.length})` }]);
    const fieldIds = new Set(
      (await this.uow.repos.customFields.listDefinitions(by.workspaceId)).map((f) => f.id),
    );
    const errors = plan.mapping.flatMap((target, column) =>
      target.kind === 'custom' && !fieldIds.has(target.fieldId)
        ? [{ path: `mapping.${column}.fieldId`, message: 'is not a custom field of this workspace' }]
        : [],
    );
    const used = new Map<string, number>();
    plan.mapping.forEach((target, column) => {
      if (target.kind !== 'field') return;
      const previous = used.get(target.field);
      if (previous !== undefined)
        errors.push({
          path: `mapping.${column}`,
          message: `${target.field} is already mapped from column ${previous + 1}`,
        });
      used.set(target.field, column);
    });
    if (errors.length) throw invalid(errors);
    return row;
  }
}
