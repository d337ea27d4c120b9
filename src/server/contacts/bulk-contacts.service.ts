import type { BulkAction, BulkResult, Selection } from '../../shared/bulk-schemas.js';
import type { Job } from '../../shared/job-schemas.js';
import type { Actor } from '../auth/principal.js';
import type { UnitOfWork } from '../db/repositories.js';
import { AppError, invalidField } from '../http/errors.js';
import type { RunningJob } from '../jobs/job-runner.js';
import type { JobsService } from '../jobs/jobs.service.js';
import { tagNameKey } from '../tags/tag-name.js';
import type { ContactScope, ContactsService } from './contacts.service.js';
import { searchNeedle } from './search-needle.js';

/** Job type of bulk actions too large to run within a request. */
export const BULK_CONTACTS_JOB = 'contacts.bulk';

/** Selections up to this many ids run within the request; larger ones become a job. */
const INLINE_LIMIT = 100;
const CHUNK = 500;
const MAX_REPORTED_FAILURES = 1000;

interface BulkPayload {
  action: BulkAction;
  actor: Actor;
}

/** Bulk actions on many contacts: add or remove tags, delete; each contact succeeds or fails on its own. */
export class BulkContactsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly contacts: ContactsService,
    private readonly jobs: JobsService,
  ) {}

  /** Runs a small selection at once, or queues a job for a large one. */
  async startBulkAction(
    scope: ContactScope,
    action: BulkAction,
  ): Promise<{ result: BulkResult } | { job: Job }> {
    if (action.action === 'remove_tags') await this.tagIdsByName(scope.workspaceId, action.tags ?? []);
    if ('ids' in action.selection && action.selection.ids.length <= INLINE_LIMIT) {
      return { result: await this.apply(scope, action, action.selection.ids) };
    }
    const payload: BulkPayload = { action, actor: scope.actor };
    const total = await this.countSelection(scope.workspaceId, action.selection);
    return {
      job: await this.jobs.enqueueJob(scope.workspaceId, BULK_CONTACTS_JOB, payload, {
        createdBy: scope.actor.id,
        total,
        maxAttempts: 1,
      }),
    };
  }

  /** The job handler: walks the selection in chunks, reporting progress after each. */
  async runBulkJob(job: RunningJob): Promise<BulkResult> {
    const { action, actor } = job.payload as BulkPayload;
    const scope = { workspaceId: job.workspaceId, actor };
    const total = await this.countSelection(job.workspaceId, action.selection);
    const summary: BulkResult = { counts: { ok: 0, failed: 0 }, results: [] };
    let done = 0;
    for await (const ids of this.selectedIds(job.workspaceId, action.selection)) {
      const chunk = await this.apply(scope, action, ids);
      summary.counts.ok += chunk.counts.ok;
      summary.counts.failed += chunk.counts.failed;
      summary.results.push(
        ...chunk.results.filter((r) => !r.ok).slice(0, MAX_REPORTED_FAILURES - summary.results.length),
      );
      done += ids.length;
      await job.reportProgress(done, Math.max(total, done));
    }
    return summary;
  }

  private async apply(scope: ContactScope, action: BulkAction, ids: string[]): Promise<BulkResult> {
    const results: BulkResult['results'] = [];
    const removeIds =
      action.action === 'remove_tags' ? await this.tagIdsByName(scope.workspaceId, action.tags ?? []) : [];
    for (const id of ids) {
      try {
        if (action.action === 'delete') await this.contacts.deleteContact(scope, id);
        else if (action.action === 'add_tags') await this.contacts.addTags(scope, id, action.tags ?? []);
        else await this.contacts.removeTags(scope, id, removeIds);
        results.push({ id, ok: true });
      } catch (error) {
        results.push({
          id,
          ok: false,
          error: error instanceof AppError ? error.message : 'failed unexpectedly',
        });
      }
    }
    const failed = results.filter((r) => !r.ok).length;
    return { counts: { ok: results.length - failed, failed }, results };
  }

  private async tagIdsByName(workspaceId: string, names: string[]): Promise<string[]> {
    const tags = await this.uow.repos.tags.findByIdsOrNameKeys(workspaceId, names, names.map(tagNameKey));
    const missing = names.find((n) => !tags.some((t) => t.id === n || t.name_key === tagNameKey(n)));
    if (missing) throw invalidField('tags', `there is no tag named "${missing}"`);
    return tags.map((t) => t.id);
  }

  private async countSelection(workspaceId: string, selection: Selection): Promise<number> {
    if ('ids' in selection) return selection.ids.length;
    return this.uow.repos.contacts.count(
      workspaceId,
      'q' in selection ? searchNeedle(selection.q) : undefined,
    );
  }

  private async *selectedIds(workspaceId: string, selection: Selection): AsyncGenerator<string[]> {
    if ('ids' in selection) {
      for (let start = 0; start < selection.ids.length; start += CHUNK)
        yield selection.ids.slice(start, start + CHUNK);
      return;
    }
    const contains = 'q' in selection ? searchNeedle(selection.q) : undefined;
    let after: { value: string; id: string } | undefined;
    for (;;) {
      const rows = await this.uow.repos.contacts.listPage(workspaceId, {
        column: 'created_at',
        descending: false,
        limit: CHUNK,
        after,
        contains,
      });
      const last = rows.at(-1);
      if (!last) return;
      yield rows.map((r) => r.id);
      after = { value: last.created_at, id: last.id };
    }
  }
}
