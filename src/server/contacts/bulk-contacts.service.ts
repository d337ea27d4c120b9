import type { BulkAction, BulkResult } from '../../shared/bulk-schemas.js';
import type { ContactPatchInput } from '../../shared/contact-schemas.js';
import type { Job } from '../../shared/job-schemas.js';
import type { Actor } from '../auth/principal.js';
import { applyIsolated, BulkTally, type BulkItem } from '../bulk-actions/apply-isolated.js';
import { ASSIGNEE_FIELD, bulkFieldOf, patchSetting } from '../bulk-actions/bulk-field.js';
import type { BulkSelection, ResolvedSelection } from '../bulk-actions/bulk-selection.js';
import {
  addTagsStep,
  deleteStep,
  removeTagsStep,
  writeFieldStep,
  type StepChange,
  type StepContact,
  type StepScope,
} from '../bulk-actions/bulk-steps.js';
import { nowIso } from '../clock.js';
import { planCustomValues } from '../custom-fields/custom-field-values.js';
import { newId } from '../db/new-id.js';
import type { UnitOfWork } from '../db/repositories.js';
import { invalid, invalidField, type FieldError } from '../http/errors.js';
import { normalizePhone } from '../identities/normalize-phone.js';
import type { RunningJob } from '../jobs/job-runner.js';
import type { JobsService } from '../jobs/jobs.service.js';
import { tagNameKey } from '../../shared/tag-name.js';
import type { TagRow } from '../tags/tags.repository.js';
import { resolveTags } from '../tags/tags.service.js';
import { contactContextOf, type ContactScope, type ContactsService } from './contacts.service.js';

/** Job type of bulk actions too large to run within a request. */
export const BULK_CONTACTS_JOB = 'contacts.bulk';

/** Selections up to this many ids run within the request; larger ones become a job. */
export const INLINE_LIMIT = 100;
/** Contacts acted on per transaction. */
export const BULK_CHUNK = 1000;
/** Failures kept in a job's result; the counts cover all of them. */
export const MAX_REPORTED_FAILURES = 1000;

interface BulkPayload {
  action: BulkAction;
  actor: Actor;
  /** The selection's size when the action started, when it was counted. */
  total: number | null;
}

/** What one chunk does to the contacts found among its ids, returning what to keep for undo. */
type Step = (scope: StepScope, contacts: StepContact[], items: BulkItem[]) => Promise<StepChange[]>;

/**
 * Bulk actions on many contacts: add or remove tags, set or clear a field, assign (round-robin over several),
 * delete. Each chunk of contacts is written in a few set-based statements in one transaction; each contact
 * succeeds or fails on its own; what changed is kept so that tag, field and assignment actions can be undone.
 */
export class BulkContactsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly contacts: ContactsService,
    private readonly jobs: JobsService,
    private readonly selection: BulkSelection,
  ) {}

  /** Runs a small selection at once, or queues a job for a large one; bad input fails before anything runs. */
  async startBulkAction(
    scope: ContactScope,
    action: BulkAction,
  ): Promise<{ result: BulkResult } | { job: Job }> {
    const selection = await this.selection.resolve(scope.workspaceId, action.selection);
    await this.prepare(scope, action);
    if ('ids' in selection && selection.ids.length <= INLINE_LIMIT) {
      const id = newId();
      await this.record(scope, id, action);
      return { result: await this.run(scope, id, action, selection, async () => undefined) };
    }
    const total = await this.selection.count(scope.workspaceId, selection);
    const payload: BulkPayload = { action, actor: scope.actor, total };
    const job = await this.jobs.enqueueJob(scope.workspaceId, BULK_CONTACTS_JOB, payload, {
      createdBy: scope.actor.id,
      total: total ?? 0,
      maxAttempts: 1,
    });
    await this.record(scope, job.id, action);
    return { job };
  }

  /** The job handler: walks the selection in chunks, reporting progress after each (total 0: not counted). */
  async runBulkJob(job: RunningJob): Promise<BulkResult> {
    const { action, actor, total } = job.payload as BulkPayload;
    const scope = { workspaceId: job.workspaceId, actor };
    const selection = await this.selection.resolve(job.workspaceId, action.selection);
    const result = await this.run(scope, job.id, action, selection, (done) =>
      job.reportProgress(done, total === null ? 0 : Math.max(total, done)),
    );
    const done = result.counts.ok + result.counts.failed;
    await job.reportProgress(done, done);
    return result;
  }

  private async run(
    scope: ContactScope,
    bulkActionId: string,
    action: BulkAction,
    selection: ResolvedSelection,
    progress: (done: number) => Promise<void>,
  ): Promise<BulkResult> {
    const { workspaceId } = scope;
    const step = await this.prepare(scope, action);
    const tally = new BulkTally(MAX_REPORTED_FAILURES);
    const inline = 'ids' in selection && selection.ids.length <= INLINE_LIMIT;
    const all: BulkResult['results'] = [];
    let done = 0;
    try {
      for await (const ids of this.selection.pages(workspaceId, selection, BULK_CHUNK)) {
        const items = ids.map((id, i) => ({ id, index: done + i }));
        const results = await applyIsolated(this.uow, items, async (repos, chunk) => {
          const stepScope = { repos, workspaceId, actor: scope.actor, now: nowIso() };
          const found = new Map(
            (
              await repos.bulkActions.contactsAmong(
                workspaceId,
                chunk.map((c) => c.id),
              )
            ).map((c) => [c.id, c]),
          );
          const present = chunk.filter((c) => found.has(c.id));
          const contacts = present.map((c) => found.get(c.id) as StepContact);
          const changes = await step(stepScope, contacts, present);
          await repos.bulkActions.insertChanges(
            changes.map((c) => ({
              workspace_id: workspaceId,
              bulk_action_id: bulkActionId,
              contact_id: c.contactId,
              previous: JSON.stringify(c.previous),
            })),
          );
          return new Set(found.keys());
        });
        tally.add(results);
        if (inline) all.push(...results);
        done += ids.length;
        await progress(done);
      }
    } finally {
      await this.uow.repos.bulkActions.moveAction(workspaceId, bulkActionId, 'running', { state: 'done' });
    }
    return {
      bulkActionId,
      counts: { ok: tally.ok, failed: tally.failed },
      results: inline ? all : tally.failures,
    };
  }

  /** Checks the action's input (400 naming the field) and returns the step that applies it to a chunk. */
  private async prepare(scope: ContactScope, action: BulkAction): Promise<Step> {
    const { workspaceId } = scope;
    switch (action.action) {
      case 'add_tags': {
        const tags = await this.uow.transaction((repos) =>
          resolveTags(repos, workspaceId, action.tags, nowIso()),
        );
        return (s, contacts) => addTagsStep(s, contacts, tags);
      }
      case 'remove_tags': {
        const tags = await this.tagsByName(workspaceId, action.tags);
        return (s, contacts) => removeTagsStep(s, contacts, tags);
      }
      case 'delete':
        return (s, contacts) => deleteStep(s, contacts);
      case 'set_field':
      case 'clear_field': {
        const field = bulkFieldOf(action.field);
        const patch = patchSetting(field, action.action === 'set_field' ? action.value : null);
        await this.checkPatch(workspaceId, patch);
        return (s, contacts) => writeFieldStep(s, this.contacts, contacts, field, () => patch);
      }
      case 'assign': {
        const members = [...new Set(action.assigneeIds)];
        await this.checkPatch(
          workspaceId,
          {},
          members.map((id, i) => ({ path: `assigneeIds.${i}`, id })),
        );
        return (s, contacts, items) =>
          writeFieldStep(s, this.contacts, contacts, ASSIGNEE_FIELD, (i) => ({
            assigneeId: members[(items[i]?.index ?? 0) % members.length] ?? null,
          }));
      }
    }
  }

  /** Checks a patch as every contact would receive it: custom values, and that named members exist. */
  private async checkPatch(
    workspaceId: string,
    patch: ContactPatchInput,
    members: Array<{ path: string; id: string }> = [],
  ): Promise<void> {
    const { repos } = this.uow;
    const context = await contactContextOf(repos, workspaceId);
    const plan = planCustomValues(
      workspaceId,
      'bulk',
      context.fields,
      patch.custom ?? {},
      {},
      { normalizePhone: (raw: string) => normalizePhone(raw, context.defaultCountry) },
      true,
    );
    const refs = [...members, ...plan.userIds];
    if (patch.assigneeId) refs.push({ path: 'value', id: patch.assigneeId });
    const errors: FieldError[] = [...plan.errors];
    for (const ref of refs)
      if (!(await repos.users.find(workspaceId, ref.id)))
        errors.push({ path: ref.path, message: 'is not a member of this workspace' });
    if (errors.length) throw invalid(errors);
  }

  private async tagsByName(workspaceId: string, names: string[]): Promise<TagRow[]> {
    const tags = await this.uow.repos.tags.findByIdsOrNameKeys(workspaceId, names, names.map(tagNameKey));
    const missing = names.find((n) => !tags.some((t) => t.id === n || t.name_key === tagNameKey(n)));
    if (missing) throw invalidField('tags', `there is no tag named "${missing}"`);
    return tags;
  }

  private async record(scope: ContactScope, id: string, action: BulkAction): Promise<void> {
    await this.uow.repos.bulkActions.insertAction({
      workspace_id: scope.workspaceId,
      id,
      action: action.action,
      payload: JSON.stringify(action),
      state: 'running',
      created_by: scope.actor.id,
      created_at: nowIso(),
      undone_at: null,
    });
  }
}
