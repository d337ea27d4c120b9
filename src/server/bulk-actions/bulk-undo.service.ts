import {
  UNDOABLE_ACTIONS,
  type BulkAction,
  type BulkActionKind,
  type BulkActionRecord,
  type BulkResult,
} from '../../shared/bulk-schemas.js';
import type { Job } from '../../shared/job-schemas.js';
import type { Actor } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import { contactContextOf, type ContactScope, type ContactsService } from '../contacts/contacts.service.js';
import { BULK_CHUNK, INLINE_LIMIT, MAX_REPORTED_FAILURES } from '../contacts/bulk-contacts.service.js';
import type { Repositories, UnitOfWork } from '../db/repositories.js';
import type { BulkActionChangesTable, BulkActionsTable } from '../db/schema.js';
import { AppError, notFound } from '../http/errors.js';
import type { RunningJob } from '../jobs/job-runner.js';
import type { JobsService } from '../jobs/jobs.service.js';
import { applyIsolated, BulkTally } from './apply-isolated.js';
import { ASSIGNEE_FIELD, bulkFieldOf, patchSetting, type BulkField } from './bulk-field.js';
import type { RemovedLink } from './bulk-steps.js';

/** Job type of undoing a bulk action that changed many contacts. */
export const BULK_UNDO_JOB = 'contacts.bulk_undo';

interface UndoPayload {
  bulkActionId: string;
  actor: Actor;
}

type Previous = { tagIds?: string[]; links?: RemovedLink[]; value?: unknown };

const conflict = (message: string) => new AppError('conflict', 409, message);

/** The API shape of a recorded bulk action. */
function toRecord(row: BulkActionsTable): BulkActionRecord {
  return {
    id: row.id,
    action: row.action,
    state: row.state as BulkActionRecord['state'],
    undoable: UNDOABLE_ACTIONS.includes(row.action as BulkActionKind),
    createdAt: row.created_at,
    undoneAt: row.undone_at,
  };
}

/** Undoes a bulk action: restores each contact's tags, field or assignee as they were before it. */
export class BulkUndoService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly contacts: ContactsService,
    private readonly jobs: JobsService,
  ) {}

  /** A recorded bulk action. */
  async getBulkAction(workspaceId: string, id: string): Promise<BulkActionRecord> {
    const row = await this.uow.repos.bulkActions.findAction(workspaceId, id);
    if (!row) throw notFound('Bulk action');
    return toRecord(row);
  }

  /** Undoes at once when few contacts changed, or queues a job; 409 when it cannot (yet, or any more) be undone. */
  async startUndo(scope: ContactScope, id: string): Promise<{ result: BulkResult } | { job: Job }> {
    const { workspaceId } = scope;
    const { bulkActions } = this.uow.repos;
    const row = await bulkActions.findAction(workspaceId, id);
    if (!row) throw notFound('Bulk action');
    if (!UNDOABLE_ACTIONS.includes(row.action as BulkActionKind))
      throw conflict('Deleted contacts cannot be brought back by an undo');
    if (row.state === 'running')
      throw conflict('The bulk action is still running; undo it when it has finished');
    if (!(await bulkActions.moveAction(workspaceId, id, 'done', { state: 'undoing' })))
      throw conflict('The bulk action has already been undone');
    const total = await bulkActions.countChanges(workspaceId, id);
    if (total <= INLINE_LIMIT) return { result: await this.undo(scope, row, async () => undefined) };
    const payload: UndoPayload = { bulkActionId: id, actor: scope.actor };
    return {
      job: await this.jobs.enqueueJob(workspaceId, BULK_UNDO_JOB, payload, {
        createdBy: scope.actor.id,
        total,
        maxAttempts: 1,
      }),
    };
  }

  /** The job handler of a large undo. */
  async runUndoJob(job: RunningJob): Promise<BulkResult> {
    const { bulkActionId, actor } = job.payload as UndoPayload;
    const row = await this.uow.repos.bulkActions.findAction(job.workspaceId, bulkActionId);
    if (!row) throw notFound('Bulk action');
    const total = await this.uow.repos.bulkActions.countChanges(job.workspaceId, bulkActionId);
    return this.undo({ workspaceId: job.workspaceId, actor }, row, (done) =>
      job.reportProgress(done, Math.max(done, total)),
    );
  }

  private async undo(
    scope: ContactScope,
    row: BulkActionsTable,
    progress: (done: number) => Promise<void>,
  ): Promise<BulkResult> {
    const { workspaceId } = scope;
    const action = JSON.parse(row.payload) as BulkAction;
    const field: BulkField | null =
      'field' in action ? bulkFieldOf(action.field) : action.action === 'assign' ? ASSIGNEE_FIELD : null;
    const tally = new BulkTally(MAX_REPORTED_FAILURES);
    let after = '';
    let done = 0;
    try {
      for (;;) {
        const page = await this.uow.repos.bulkActions.changesAfter(workspaceId, row.id, after, BULK_CHUNK);
        const last = page.at(-1);
        if (!last) break;
        const byContact = new Map(page.map((change) => [change.contact_id, change]));
        const items = page.map((change, index) => ({ id: change.contact_id, index }));
        const results = await applyIsolated(this.uow, items, async (repos, chunk) => {
          const changes = chunk.map((c) => byContact.get(c.id) as BulkActionChangesTable);
          return this.restore(repos, scope, action.action, field, changes);
        });
        tally.add(results);
        done += page.length;
        after = last.contact_id;
        await progress(done);
      }
    } finally {
      await this.uow.repos.bulkActions.moveAction(workspaceId, row.id, 'undoing', {
        state: 'undone',
        undone_at: nowIso(),
      });
    }
    return { bulkActionId: row.id, counts: { ok: tally.ok, failed: tally.failed }, results: tally.failures };
  }

  /** Restores one chunk; returns the contacts that still exist. */
  private async restore(
    repos: Repositories,
    scope: ContactScope,
    kind: BulkActionKind,
    field: BulkField | null,
    changes: BulkActionChangesTable[],
  ): Promise<Set<string>> {
    const { workspaceId, actor } = scope;
    const now = nowIso();
    const found = await repos.bulkActions.contactsAmong(
      workspaceId,
      changes.map((c) => c.contact_id),
    );
    const present = new Set(found.map((c) => c.id));
    const entries = changes
      .filter((c) => present.has(c.contact_id))
      .map((c) => ({ contactId: c.contact_id, previous: JSON.parse(c.previous) as Previous }));
    if (kind === 'add_tags') await this.unlinkAdded(repos, scope, entries, now);
    else if (kind === 'remove_tags') await this.relinkRemoved(repos, scope, entries, now);
    else if (field) {
      const context = await contactContextOf(repos, workspaceId);
      for (const entry of entries)
        await this.contacts.updateIn(
          repos,
          { workspaceId, actor },
          entry.contactId,
          patchSetting(field, entry.previous.value ?? null),
          { context, now },
        );
    }
    return present;
  }

  private async unlinkAdded(
    repos: Repositories,
    { workspaceId, actor }: ContactScope,
    entries: Array<{ contactId: string; previous: Previous }>,
    now: string,
  ): Promise<void> {
    const wanted = new Set(
      entries.flatMap((e) => (e.previous.tagIds ?? []).map((t) => `${e.contactId} ${t}`)),
    );
    const tagIds = [...new Set(entries.flatMap((e) => e.previous.tagIds ?? []))];
    const links = (
      await repos.bulkActions.linksOf(
        workspaceId,
        entries.map((e) => e.contactId),
        tagIds,
      )
    ).filter((l) => wanted.has(`${l.contact_id} ${l.tag_id}`));
    const names = await this.tagNames(repos, workspaceId, tagIds);
    for (const tagId of tagIds) {
      const contactIds = links.filter((l) => l.tag_id === tagId).map((l) => l.contact_id);
      await repos.bulkActions.deleteLinks(workspaceId, contactIds, [tagId]);
    }
    await repos.events.appendMany(
      workspaceId,
      links.map((l) => ({
        contactId: l.contact_id,
        changes: [{ field: 'tags', before: names.get(l.tag_id) ?? l.tag_id, after: null }],
      })),
      'tag_removed',
      actor,
      now,
    );
  }

  private async relinkRemoved(
    repos: Repositories,
    { workspaceId, actor }: ContactScope,
    entries: Array<{ contactId: string; previous: Previous }>,
    now: string,
  ): Promise<void> {
    const tagIds = [...new Set(entries.flatMap((e) => (e.previous.links ?? []).map((l) => l.tagId)))];
    const names = await this.tagNames(repos, workspaceId, tagIds);
    const existing = new Set(
      (
        await repos.bulkActions.linksOf(
          workspaceId,
          entries.map((e) => e.contactId),
          tagIds,
        )
      ).map((l) => `${l.contact_id} ${l.tag_id}`),
    );
    const restored = entries.flatMap((e) =>
      (e.previous.links ?? [])
        .filter((l) => names.has(l.tagId) && !existing.has(`${e.contactId} ${l.tagId}`))
        .map((l) => ({ contactId: e.contactId, link: l })),
    );
    await repos.bulkActions.insertLinks(
      restored.map(({ contactId, link }) => ({
        workspace_id: workspaceId,
        contact_id: contactId,
        tag_id: link.tagId,
        applied_by: link.appliedBy,
        applied_at: link.appliedAt,
      })),
    );
    await repos.events.appendMany(
      workspaceId,
      restored.map(({ contactId, link }) => ({
        contactId,
        changes: [{ field: 'tags', before: null, after: names.get(link.tagId) ?? link.tagId }],
      })),
      'tag_added',
      actor,
      now,
    );
  }

  /** Names of the tags that still exist, by id. */
  private async tagNames(
    repos: Repositories,
    workspaceId: string,
    tagIds: string[],
  ): Promise<Map<string, string>> {
    const tags = await repos.tags.findByIdsOrNameKeys(workspaceId, tagIds, []);
    return new Map(tags.map((t) => [t.id, t.name]));
  }
}
