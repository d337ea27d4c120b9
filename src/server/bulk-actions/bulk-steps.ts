import type { ContactPatchInput } from '../../shared/contact-schemas.js';
import type { Actor } from '../auth/principal.js';
import { contactContextOf, type ContactsService } from '../contacts/contacts.service.js';
import { rowsToCustomValues } from '../custom-fields/custom-field-values.js';
import type { Repositories } from '../db/repositories.js';
import type { TagRow } from '../tags/tags.repository.js';
import { valueOn, type BulkField } from './bulk-field.js';

/** A contact a step acts on. */
export interface StepContact {
  id: string;
  display_name: string;
}

/** What a step changed on one contact, kept to undo it. */
export interface StepChange {
  contactId: string;
  previous: unknown;
}

/** Where a step runs: the transaction's repositories, the workspace, who acts and when. */
export interface StepScope {
  repos: Repositories;
  workspaceId: string;
  actor: Actor;
  now: string;
}

/** A link removed by a bulk action, restored as it was on undo. */
export interface RemovedLink {
  tagId: string;
  appliedBy: string;
  appliedAt: string;
}

const appliedByOf = (actor: Actor) => `${actor.type}:${actor.id ?? ''}`;

/** Adds tags to contacts in a few statements; returns, per contact, the tags it did not carry before. */
export async function addTagsStep(
  { repos, workspaceId, actor, now }: StepScope,
  contacts: StepContact[],
  tags: TagRow[],
): Promise<StepChange[]> {
  const ids = contacts.map((c) => c.id);
  const have = await repos.bulkActions.linksOf(
    workspaceId,
    ids,
    tags.map((t) => t.id),
  );
  const linked = new Set(have.map((l) => `${l.contact_id} ${l.tag_id}`));
  const added = ids.flatMap((contactId) =>
    tags.filter((tag) => !linked.has(`${contactId} ${tag.id}`)).map((tag) => ({ contactId, tag })),
  );
  const appliedBy = appliedByOf(actor);
  if (have.length > 0)
    await repos.tags.claimRuleApplied(
      workspaceId,
      [...new Set(have.map((l) => l.contact_id))],
      tags.map((t) => t.id),
      appliedBy,
      now,
    );
  await repos.bulkActions.insertLinks(
    added.map(({ contactId, tag }) => ({
      workspace_id: workspaceId,
      contact_id: contactId,
      tag_id: tag.id,
      applied_by: appliedBy,
      applied_at: now,
    })),
  );
  await repos.events.appendMany(
    workspaceId,
    added.map(({ contactId, tag }) => ({
      contactId,
      changes: [{ field: 'tags', before: null, after: tag.name }],
    })),
    'tag_added',
    actor,
    now,
  );
  return groupByContact(added.map(({ contactId, tag }) => ({ contactId, item: tag.id }))).map(
    ([contactId, tagIds]) => ({ contactId, previous: { tagIds } }),
  );
}

/** Takes tags off contacts in a few statements; returns, per contact, the links removed (who applied them, when). */
export async function removeTagsStep(
  { repos, workspaceId, actor, now }: StepScope,
  contacts: StepContact[],
  tags: TagRow[],
): Promise<StepChange[]> {
  const ids = contacts.map((c) => c.id);
  const tagIds = tags.map((t) => t.id);
  const links = await repos.bulkActions.linksOf(workspaceId, ids, tagIds);
  await repos.bulkActions.deleteLinks(workspaceId, ids, tagIds);
  const nameOf = new Map(tags.map((t) => [t.id, t.name]));
  await repos.events.appendMany(
    workspaceId,
    links.map((link) => ({
      contactId: link.contact_id,
      changes: [{ field: 'tags', before: nameOf.get(link.tag_id) ?? link.tag_id, after: null }],
    })),
    'tag_removed',
    actor,
    now,
  );
  const removed = links.map((link) => ({
    contactId: link.contact_id,
    item: { tagId: link.tag_id, appliedBy: link.applied_by, appliedAt: link.applied_at } as RemovedLink,
  }));
  return groupByContact(removed).map(([contactId, links]) => ({ contactId, previous: { links } }));
}

/** Deletes contacts with everything they carry; a `deleted` event stays on each one's log. */
export async function deleteStep(
  { repos, workspaceId, actor, now }: StepScope,
  contacts: StepContact[],
): Promise<StepChange[]> {
  await repos.bulkActions.deleteContacts(
    workspaceId,
    contacts.map((c) => c.id),
  );
  await repos.events.appendMany(
    workspaceId,
    contacts.map((c) => ({
      contactId: c.id,
      changes: [{ field: 'name', before: c.display_name, after: null }],
    })),
    'deleted',
    actor,
    now,
  );
  return [];
}

/**
 * Writes one field on each contact through the contact service (checks, derived columns, an `updated` event);
 * `patchFor(i)` gives the i-th contact's patch. Returns each changed contact's value before.
 */
export async function writeFieldStep(
  { repos, workspaceId, actor, now }: StepScope,
  contactsService: ContactsService,
  contacts: StepContact[],
  field: BulkField,
  patchFor: (index: number) => ContactPatchInput,
): Promise<StepChange[]> {
  const ids = contacts.map((c) => c.id);
  const context = await contactContextOf(repos, workspaceId);
  const rows = new Map((await repos.contacts.findMany(workspaceId, ids)).map((r) => [r.id, r]));
  const custom =
    'customKey' in field
      ? rowsToCustomValues(
          new Map(context.fields.map((f) => [f.id, f])),
          await repos.customFields.valuesForContacts(workspaceId, ids),
        )
      : new Map();
  const changes: StepChange[] = [];
  for (const [index, id] of ids.entries()) {
    const row = rows.get(id);
    if (!row) continue;
    const before = valueOn(field, row, custom.get(id));
    const changed = await contactsService.updateIn(repos, { workspaceId, actor }, id, patchFor(index), {
      context,
      now,
    });
    if (changed > 0) changes.push({ contactId: id, previous: { value: before } });
  }
  return changes;
}

function groupByContact<T>(items: Array<{ contactId: string; item: T }>): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const { contactId, item } of items) {
    const list = groups.get(contactId) ?? [];
    list.push(item);
    groups.set(contactId, list);
  }
  return [...groups];
}
