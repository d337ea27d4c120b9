import type {
  Automation,
  AutomationAction,
  AutomationCreateInput,
  AutomationRun,
  AutomationTrigger,
  AutomationUpdateInput,
} from '../../shared/automation-schemas.js';
import type { FilterNode } from '../../shared/filter/filter-tree.js';
import { requireRole, type Actor, type Principal } from '../auth/principal.js';
import type { SecretBox } from '../auth/secret-box.js';
import { bulkFieldOf, patchSetting } from '../bulk-actions/bulk-field.js';
import { EDITABLE_COLUMNS } from '../contacts/contact-columns.js';
import { nowIso } from '../clock.js';
import type { ContactsService } from '../contacts/contacts.service.js';
import { newId } from '../db/new-id.js';
import type { UnitOfWork } from '../db/repositories.js';
import type { AutomationsTable } from '../db/schema.js';
import type { ContactChange } from '../events/contact-events.repository.js';
import { AppError, invalid, notFound, type FieldError } from '../http/errors.js';
import type { FilterService } from '../search/filter.service.js';
import { tagNameKey } from '../../shared/tag-name.js';
import { postSignedWebhook } from './automation-webhook.js';
import { changeSetsOff, triggerLabel } from './automation-triggers.js';

/** Runs of one automation on one contact allowed per hour; more are logged as rate-limited and skipped. */
export const RUNS_PER_CONTACT_PER_HOUR = 20;

/** Finds a segment's filter (404 when the workspace has no such segment). */
export type SegmentFilterLookup = (workspaceId: string, segmentId: string) => Promise<FilterNode>;

function toAutomation(row: AutomationsTable): Automation {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled === 1,
    trigger: JSON.parse(row.trigger) as AutomationTrigger,
    condition: row.condition === null ? null : (JSON.parse(row.condition) as unknown),
    actions: JSON.parse(row.actions) as AutomationAction[],
    hasWebhookSecret: row.webhook_secret !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** True for a field whose changes a trigger can watch: a profile field, a custom field, or `tags`. */
const isChangeableField = (field: string) =>
  field === 'tags' ||
  (field.startsWith('custom.') && field.length > 'custom.'.length) ||
  EDITABLE_COLUMNS.some((c) => c.path === field);

/** The actor of changes an automation makes, as the timeline records it. */
const automationActor = (id: string): Actor => ({ type: 'system', id: `automation:${id}` });

/**
 * Automation rules: when a contact enters or leaves a segment, receives a message or has a field changed, add or
 * remove tags, assign, set or clear a field, or call a signed webhook. A rule's own changes never set it off
 * again, chains of rules stop at a fixed depth, each rule runs at most RUNS_PER_CONTACT_PER_HOUR times an hour
 * on a contact, and every run is logged with its outcome.
 */
export class AutomationsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly contacts: ContactsService,
    private readonly filters: FilterService,
    private readonly secretBox: SecretBox,
    private readonly segmentFilter: SegmentFilterLookup,
  ) {}

  /** Every automation of the workspace. */
  async listAutomations(workspaceId: string): Promise<Automation[]> {
    return (await this.uow.repos.automations.list(workspaceId)).map(toAutomation);
  }

  /** One automation. */
  async getAutomation(workspaceId: string, id: string): Promise<Automation> {
    return toAutomation(await this.findRow(workspaceId, id));
  }

  /** Creates an automation (admins); its trigger, condition and actions are checked first. */
  async createAutomation(by: Principal, input: AutomationCreateInput): Promise<Automation> {
    requireRole(by, 'admin');
    const condition = await this.check(
      by.workspaceId,
      input.trigger,
      input.condition ?? null,
      input.actions,
      {
        hasSecret: input.webhookSecret !== undefined,
      },
    );
    const now = nowIso();
    const row: AutomationsTable = {
      workspace_id: by.workspaceId,
      id: newId(),
      name: input.name,
      enabled: input.enabled ? 1 : 0,
      trigger: JSON.stringify(input.trigger),
      condition: condition === null ? null : JSON.stringify(condition),
      actions: JSON.stringify(input.actions),
      webhook_secret: input.webhookSecret === undefined ? null : this.secretBox.encrypt(input.webhookSecret),
      created_by: by.userId,
      created_at: now,
      updated_at: now,
    };
    await this.uow.repos.automations.insert(row);
    return toAutomation(row);
  }

  /** Changes an automation (admins). */
  async updateAutomation(by: Principal, id: string, input: AutomationUpdateInput): Promise<Automation> {
    requireRole(by, 'admin');
    const current = toAutomation(await this.findRow(by.workspaceId, id));
    const trigger = input.trigger ?? current.trigger;
    const actions = input.actions ?? current.actions;
    const condition = await this.check(
      by.workspaceId,
      trigger,
      input.condition === undefined ? ((current.condition as FilterNode | null) ?? null) : input.condition,
      actions,
      { hasSecret: input.webhookSecret !== undefined || current.hasWebhookSecret },
    );
    await this.uow.repos.automations.update(by.workspaceId, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled ? 1 : 0 } : {}),
      trigger: JSON.stringify(trigger),
      condition: condition === null ? null : JSON.stringify(condition),
      actions: JSON.stringify(actions),
      ...(input.webhookSecret !== undefined
        ? { webhook_secret: this.secretBox.encrypt(input.webhookSecret) }
        : {}),
      updated_at: nowIso(),
    });
    return this.getAutomation(by.workspaceId, id);
  }

  /** Deletes an automation with its log (admins). */
  async deleteAutomation(by: Principal, id: string): Promise<void> {
    requireRole(by, 'admin');
    if (!(await this.uow.repos.automations.delete(by.workspaceId, id))) throw notFound('Automation');
  }

  /** An automation's newest runs, 50 at a time. */
  async listRuns(
    workspaceId: string,
    id: string,
    before?: string,
  ): Promise<{ data: AutomationRun[]; nextCursor: string | null }> {
    await this.findRow(workspaceId, id);
    const rows = await this.uow.repos.automations.listRuns(workspaceId, id, 51, before);
    const page = rows.slice(0, 50);
    return {
      data: page.map((r) => ({
        id: r.id,
        automationId: r.automation_id,
        contactId: r.contact_id,
        trigger: r.trigger,
        outcome: r.outcome as AutomationRun['outcome'],
        error: r.error,
        createdAt: r.created_at,
      })),
      nextCursor: rows.length > 50 ? (page.at(-1)?.id ?? null) : null,
    };
  }

  /** Runs the automations contact changes set off (a listener of contact changes). */
  async onContactChanges(changes: ContactChange[]): Promise<void> {
    const chain = this.uow.contactChanges.current();
    const workspaces = [...new Set(changes.map((c) => c.workspaceId))];
    for (const workspaceId of workspaces) {
      const automations = (await this.uow.repos.automations.listEnabled(workspaceId))
        .filter((row) => !chain.automationIds.has(row.id))
        .map(toAutomation);
      if (automations.length === 0) continue;
      for (const change of changes.filter((c) => c.workspaceId === workspaceId))
        for (const automation of automations)
          if (changeSetsOff(automation.trigger, change))
            await this.run(workspaceId, automation, change.contactId);
    }
  }

  /** True when an enabled automation of the workspace fires on entering or leaving the segment. */
  async watchesSegment(workspaceId: string, segmentId: string): Promise<boolean> {
    return (await this.uow.repos.automations.listEnabled(workspaceId))
      .map((row) => toAutomation(row).trigger)
      .some(
        (trigger) =>
          (trigger.type === 'segment_entered' || trigger.type === 'segment_left') &&
          trigger.segmentId === segmentId,
      );
  }

  /** Runs the automations of a segment's entries and exits (a segment snapshot calls it with whom it saw move). */
  async onSegmentMembership(
    workspaceId: string,
    segmentId: string,
    moves: { entered: string[]; left: string[] },
  ): Promise<void> {
    const automations = (await this.uow.repos.automations.listEnabled(workspaceId)).map(toAutomation);
    for (const automation of automations) {
      const { trigger } = automation;
      if (trigger.type !== 'segment_entered' && trigger.type !== 'segment_left') continue;
      if (trigger.segmentId !== segmentId) continue;
      for (const contactId of trigger.type === 'segment_entered' ? moves.entered : moves.left)
        await this.run(workspaceId, automation, contactId);
    }
  }

  private async run(workspaceId: string, automation: Automation, contactId: string): Promise<void> {
    const { automations } = this.uow.repos;
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const log = (outcome: AutomationRun['outcome'], error: string | null = null) =>
      automations.insertRun({
        workspace_id: workspaceId,
        id: newId(),
        automation_id: automation.id,
        contact_id: contactId,
        trigger: triggerLabel(automation.trigger),
        outcome,
        error,
        created_at: nowIso(),
      });
    if (
      (await automations.countRunsSince(workspaceId, automation.id, contactId, since)) >=
      RUNS_PER_CONTACT_PER_HOUR
    )
      return log('rate_limited', `ran ${RUNS_PER_CONTACT_PER_HOUR} times on this contact in the last hour`);
    try {
      const condition = automation.condition as FilterNode | null;
      if (condition && !(await this.filters.matchesContact(workspaceId, contactId, condition)))
        return log('skipped', 'the contact does not match the condition');
      await this.uow.contactChanges.runAsAutomation(automation.id, async () => {
        for (const action of automation.actions)
          await this.perform(workspaceId, automation, contactId, action);
      });
      await log('succeeded');
    } catch (error) {
      await log('failed', (error instanceof Error ? error.message : String(error)).slice(0, 1000));
    }
  }

  private async perform(
    workspaceId: string,
    automation: Automation,
    contactId: string,
    action: AutomationAction,
  ): Promise<void> {
    const scope = { workspaceId, actor: automationActor(automation.id) };
    switch (action.type) {
      case 'add_tags':
        await this.contacts.addTags(scope, contactId, action.tags);
        return;
      case 'remove_tags': {
        const tags = await this.uow.repos.tags.findByIdsOrNameKeys(
          workspaceId,
          [],
          action.tags.map(tagNameKey),
        );
        await this.contacts.removeTags(
          scope,
          contactId,
          tags.map((t) => t.id),
        );
        return;
      }
      case 'assign':
        await this.contacts.updateContact(scope, contactId, { assigneeId: action.assigneeId });
        return;
      case 'set_field':
      case 'clear_field':
        await this.contacts.updateContact(
          scope,
          contactId,
          patchSetting(bulkFieldOf(action.field), action.type === 'set_field' ? action.value : null),
        );
        return;
      case 'webhook': {
        const row = await this.findRow(workspaceId, automation.id);
        if (row.webhook_secret === null) throw new Error('the automation has no webhook secret');
        const contact = await this.contacts.getContact(workspaceId, contactId);
        await postSignedWebhook(action.url, this.secretBox.decrypt(row.webhook_secret), {
          automationId: automation.id,
          automationName: automation.name,
          trigger: triggerLabel(automation.trigger),
          occurredAt: nowIso(),
          contact,
        });
      }
    }
  }

  /** Checks a rule's parts, naming the bad one; returns the checked condition. */
  private async check(
    workspaceId: string,
    trigger: AutomationTrigger,
    condition: FilterNode | null,
    actions: AutomationAction[],
    secret: { hasSecret: boolean },
  ): Promise<FilterNode | null> {
    const errors: FieldError[] = [];
    if (trigger.type === 'segment_entered' || trigger.type === 'segment_left') {
      try {
        await this.segmentFilter(workspaceId, trigger.segmentId);
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 404) throw error;
        errors.push({ path: 'trigger.segmentId', message: 'is not a segment of this workspace' });
      }
    }
    if (trigger.type === 'field_changed' && !isChangeableField(trigger.field))
      errors.push({ path: 'trigger.field', message: `"${trigger.field}" is not a contact field` });
    for (const [index, action] of actions.entries()) {
      const path = `actions.${index}`;
      try {
        if (action.type === 'set_field' || action.type === 'clear_field')
          patchSetting(bulkFieldOf(action.field), action.type === 'set_field' ? action.value : null);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        errors.push(...(error.errors ?? []).map((e) => ({ path: `${path}.${e.path}`, message: e.message })));
      }
      if (action.type === 'assign' && !(await this.uow.repos.users.find(workspaceId, action.assigneeId)))
        errors.push({ path: `${path}.assigneeId`, message: 'is not a member of this workspace' });
      if (action.type === 'webhook' && !secret.hasSecret)
        errors.push({ path: 'webhookSecret', message: 'is required to sign the webhook calls' });
    }
    if (errors.length) throw invalid(errors);
    if (condition === null) return null;
    try {
      return await this.filters.checkFilter(workspaceId, condition);
    } catch (error) {
      if (!(error instanceof AppError) || !error.errors) throw error;
      throw invalid(
        error.errors.map((e) => ({ path: e.path.replace(/^filter/, 'condition'), message: e.message })),
      );
    }
  }

  private async findRow(workspaceId: string, id: string): Promise<AutomationsTable> {
    const row = await this.uow.repos.automations.find(workspaceId, id);
    if (!row) throw notFound('Automation');
    return row;
  }
}
