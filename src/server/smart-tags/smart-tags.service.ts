import type { FilterNode } from '../../shared/filter/filter-tree.js';
import type { Job } from '../../shared/job-schemas.js';
import type { SmartTagRun } from '../../shared/smart-tag-schemas.js';
import type { Principal } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import type { Repositories, UnitOfWork } from '../db/repositories.js';
import type { ContactChange } from '../events/contact-events.repository.js';
import { AppError, invalid, notFound } from '../http/errors.js';
import type { RunningJob } from '../jobs/job-runner.js';
import type { JobsService } from '../jobs/jobs.service.js';
import type { FilterService } from '../search/filter.service.js';
import type { SmartTagRow } from './smart-tags.repository.js';

/** Job type of re-evaluating a workspace's smart tags (one tag, or all of them) over every contact. */
export const SMART_TAGS_JOB = 'smart-tags.reevaluate';

/** Contacts compared, added or removed per statement and per transaction. */
const PAGE = 1000;
/** Changes of up to this many contacts are evaluated in memory, contact by contact; more in SQL. */
const IN_MEMORY_LIMIT = 1;

/** What a tag's links record when its rule applied it. */
export const ruleApplier = (tagId: string) => `rule:${tagId}`;

/** The actor of changes a tag's rule makes, as its timeline events record it. */
const ruleActor = (tagId: string) => ({ type: 'system' as const, id: ruleApplier(tagId) });

interface SmartTagsPayload {
  tagId?: string;
}

/**
 * Smart tags: a tag with a rule (a filter) is put on the contacts that match it and taken off those that no
 * longer do, by the rule only: a tag a person applied is never removed. Rules are evaluated on each contact change
 * and, for time-based rules, by a scheduled job; a full evaluation is set-based SQL, a page of contacts at a time.
 */
export class SmartTagsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly filters: FilterService,
    private readonly jobs: JobsService,
  ) {}

  /** A tag's rule, or null. */
  async getRule(workspaceId: string, tagId: string): Promise<FilterNode | null> {
    const tag = await this.uow.repos.tags.find(workspaceId, tagId);
    if (!tag) throw notFound('Tag');
    return tag.smart_rule === null ? null : (JSON.parse(tag.smart_rule) as FilterNode);
  }

  /** Sets a tag's rule (400 naming a bad part) and queues its evaluation over every contact. */
  async setRule(by: Principal, tagId: string, raw: unknown): Promise<{ rule: FilterNode; job: Job }> {
    const rule = await this.filters.checkFilter(by.workspaceId, raw).catch((error: unknown) => {
      if (!(error instanceof AppError) || !error.errors) throw error;
      throw invalid(
        error.errors.map((e) => ({ path: e.path.replace(/^filter/, 'rule'), message: e.message })),
      );
    });
    if (!(await this.uow.repos.smartTags.setRule(by.workspaceId, tagId, JSON.stringify(rule), nowIso())))
      throw notFound('Tag');
    return { rule, job: await this.queue(by.workspaceId, { tagId }, by.id) };
  }

  /** Clears a tag's rule; the contacts carrying it keep it. */
  async clearRule(by: Principal, tagId: string): Promise<void> {
    if (!(await this.uow.repos.smartTags.setRule(by.workspaceId, tagId, null, nowIso())))
      throw notFound('Tag');
  }

  /** Queues the evaluation of one smart tag over every contact now. */
  async reevaluateNow(by: Principal, tagId: string): Promise<Job> {
    if ((await this.getRule(by.workspaceId, tagId)) === null)
      throw new AppError('conflict', 409, 'This tag has no rule to evaluate');
    return this.queue(by.workspaceId, { tagId }, by.id);
  }

  /** Queues the evaluation of every smart tag of every workspace that has one (the schedule, for time-based rules). */
  async queueScheduledRuns(): Promise<number> {
    const workspaces = await this.uow.repos.smartTags.workspacesWithSmartTags();
    for (const workspaceId of workspaces) await this.queue(workspaceId, {}, null);
    return workspaces.length;
  }

  /** The job handler: evaluates one smart tag, or all of the workspace's. */
  async runJob(job: RunningJob): Promise<SmartTagRun[]> {
    const { tagId } = job.payload as SmartTagsPayload;
    const tags = (await this.uow.repos.smartTags.smartTags(job.workspaceId)).filter(
      (t) => tagId === undefined || t.id === tagId,
    );
    const runs: SmartTagRun[] = [];
    for (const [index, tag] of tags.entries()) {
      const progress = () => job.reportProgress(index, tags.length);
      runs.push(await this.evaluate(job.workspaceId, tag, undefined, progress));
      await job.reportProgress(index + 1, tags.length);
    }
    return runs;
  }

  /** Re-evaluates the workspace's smart tags on contacts that just changed (a listener of contact changes). */
  async onContactChanges(changes: ContactChange[]): Promise<void> {
    const byWorkspace = new Map<string, Set<string>>();
    for (const change of changes) {
      if (change.type === 'deleted') continue;
      const ids = byWorkspace.get(change.workspaceId) ?? new Set<string>();
      ids.add(change.contactId);
      byWorkspace.set(change.workspaceId, ids);
    }
    for (const [workspaceId, ids] of byWorkspace) {
      const tags = await this.uow.repos.smartTags.smartTags(workspaceId);
      for (const tag of tags) {
        if (ids.size <= IN_MEMORY_LIMIT) await this.evaluateInMemory(workspaceId, tag, [...ids]);
        else
          for (let start = 0; start < ids.size; start += PAGE)
            await this.evaluate(workspaceId, tag, [...ids].slice(start, start + PAGE));
      }
    }
  }

  /**
   * Compares a rule with the contacts (all, or `among`) in SQL a page at a time: tags the matching contacts that
   * lack the tag, untags those the rule tagged that no longer match; each page in one transaction, with events.
   */
  async evaluate(
    workspaceId: string,
    tag: SmartTagRow,
    among?: string[],
    onPage: () => Promise<void> = async () => undefined,
  ): Promise<SmartTagRun> {
    const where = await this.filters.whereOf(workspaceId, JSON.parse(tag.smart_rule) as FilterNode);
    const appliedBy = ruleApplier(tag.id);
    const run: SmartTagRun = { tagId: tag.id, added: 0, removed: 0 };
    for (let after = ''; ;) {
      const ids = (
        await this.uow.repos.smartTags.matchingWithoutTag(workspaceId, tag.id, where, after, PAGE, among)
      ).map((r) => r.id);
      if (ids.length === 0) break;
      run.added += await this.uow.transaction((repos) => this.link(repos, workspaceId, tag, ids));
      after = ids.at(-1) ?? after;
      await onPage();
    }
    for (let after = ''; ;) {
      const ids = await this.uow.repos.smartTags.ruleTaggedNotMatching(
        workspaceId,
        tag.id,
        appliedBy,
        where,
        after,
        PAGE,
        among,
      );
      if (ids.length === 0) break;
      run.removed += await this.uow.transaction((repos) => this.unlink(repos, workspaceId, tag, ids));
      after = ids.at(-1) ?? after;
      await onPage();
    }
    return run;
  }

  /** Evaluates a rule on each contact in memory, as the filter engine sees it. */
  private async evaluateInMemory(workspaceId: string, tag: SmartTagRow, ids: string[]): Promise<void> {
    const rule = JSON.parse(tag.smart_rule) as FilterNode;
    const links = await this.uow.repos.bulkActions.linksOf(workspaceId, ids, [tag.id]);
    for (const id of ids) {
      let matches: boolean;
      try {
        matches = await this.filters.matchesContact(workspaceId, id, rule);
      } catch (error) {
        if (error instanceof AppError && error.status === 404) continue;
        throw error;
      }
      const link = links.find((l) => l.contact_id === id);
      if (matches && !link) await this.uow.transaction((repos) => this.link(repos, workspaceId, tag, [id]));
      if (!matches && link?.applied_by === ruleApplier(tag.id))
        await this.uow.transaction((repos) => this.unlink(repos, workspaceId, tag, [id]));
    }
  }

  /** Tags these contacts by the rule where they still exist and lack the tag; returns how many it tagged. */
  private async link(
    repos: Repositories,
    workspaceId: string,
    tag: SmartTagRow,
    ids: string[],
  ): Promise<number> {
    const now = nowIso();
    const have = new Set(
      (await repos.bulkActions.linksOf(workspaceId, ids, [tag.id])).map((l) => l.contact_id),
    );
    const alive = new Set((await repos.bulkActions.contactsAmong(workspaceId, ids)).map((c) => c.id));
    const fresh = ids.filter((id) => alive.has(id) && !have.has(id));
    await repos.bulkActions.insertLinks(
      fresh.map((contactId) => ({
        workspace_id: workspaceId,
        contact_id: contactId,
        tag_id: tag.id,
        applied_by: ruleApplier(tag.id),
        applied_at: now,
      })),
    );
    await repos.events.appendMany(
      workspaceId,
      fresh.map((contactId) => ({ contactId, changes: [{ field: 'tags', before: null, after: tag.name }] })),
      'tag_added',
      ruleActor(tag.id),
      now,
    );
    return fresh.length;
  }

  /** Untags these contacts where the rule tagged them; returns how many it untagged. */
  private async unlink(
    repos: Repositories,
    workspaceId: string,
    tag: SmartTagRow,
    ids: string[],
  ): Promise<number> {
    const applied = (await repos.bulkActions.linksOf(workspaceId, ids, [tag.id]))
      .filter((l) => l.applied_by === ruleApplier(tag.id))
      .map((l) => l.contact_id);
    await repos.smartTags.unlinkRuleApplied(workspaceId, tag.id, ruleApplier(tag.id), applied);
    await repos.events.appendMany(
      workspaceId,
      applied.map((contactId) => ({
        contactId,
        changes: [{ field: 'tags', before: tag.name, after: null }],
      })),
      'tag_removed',
      ruleActor(tag.id),
      nowIso(),
    );
    return applied.length;
  }

  private async queue(
    workspaceId: string,
    payload: SmartTagsPayload,
    createdBy: string | null,
  ): Promise<Job> {
    return this.jobs.enqueueJob(workspaceId, SMART_TAGS_JOB, payload, { createdBy, maxAttempts: 3 });
  }
}
