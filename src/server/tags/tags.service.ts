import type { z } from 'zod';
import type { Tag, tagCreateSchema, tagUpdateSchema } from '../../shared/tag-schemas.js';
import { actorOf, requireRole, type Actor, type Principal } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { Repositories, UnitOfWork } from '../db/repositories.js';
import { AppError, notFound } from '../http/errors.js';
import { tagNameKey } from '../../shared/tag-name.js';
import { defaultTagColor } from './tag-name.js';
import { RECOMMENDED_TAGS } from './tag-presets.js';
import type { TagRow } from './tags.repository.js';

function toTag(row: TagRow, contactCount: number): Tag {
  return {
    id: row.id,
    name: row.name,
    color: row.color,
    category: row.category,
    description: row.description,
    contactCount,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const nameTaken = (name: string) =>
  new AppError('name_taken', 409, `A tag named "${name}" already exists`, [
    { path: 'name', message: 'is already used by another tag' },
  ]);

/** Finds tags by id or name, creating the named ones that do not exist yet; call inside a transaction. */
export async function resolveTags(
  repos: Repositories,
  workspaceId: string,
  refs: string[],
  now: string,
): Promise<TagRow[]> {
  const keys = refs.map(tagNameKey);
  const found = await repos.tags.findByIdsOrNameKeys(workspaceId, refs, keys);
  const result: TagRow[] = [];
  for (const ref of refs) {
    let tag = found.find((t) => t.id === ref || t.name_key === tagNameKey(ref));
    if (!tag) {
      const row = {
        workspace_id: workspaceId,
        id: newId(),
        name: ref.trim(),
        name_key: tagNameKey(ref),
        color: defaultTagColor(ref),
        category: null,
        description: null,
        smart_rule: null,
        created_at: now,
        updated_at: now,
      };
      await repos.tags.insert(row);
      found.push(row);
      tag = row;
    }
    if (!result.some((t) => t.id === tag.id)) result.push(tag);
  }
  return result;
}

/** Adds tags to a contact and records one event per tag actually added; returns how many were added. */
export async function tagContact(
  repos: Repositories,
  workspaceId: string,
  contactId: string,
  tags: TagRow[],
  actor: Actor,
  now: string,
): Promise<number> {
  const added = await repos.tags.link(
    workspaceId,
    contactId,
    tags.map((t) => t.id),
    `${actor.type}:${actor.id ?? ''}`,
    now,
  );
  for (const tagId of added) {
    const tag = tags.find((t) => t.id === tagId);
    await repos.events.append(
      workspaceId,
      contactId,
      'tag_added',
      [{ field: 'tags', before: null, after: tag?.name ?? tagId }],
      actor,
      now,
    );
  }
  return added.length;
}

/** Records on each contact's timeline that a tag came off it; call inside the transaction that removed it. */
export async function recordTagRemoved(
  repos: Repositories,
  workspaceId: string,
  contactIds: string[],
  tagName: string,
  actor: Actor,
  now: string,
): Promise<void> {
  const entries = contactIds.map((contactId) => ({
    contactId,
    changes: [{ field: 'tags', before: tagName, after: null }],
  }));
  await repos.events.appendMany(workspaceId, entries, 'tag_removed', actor, now);
}

/** Tags: names unique per workspace regardless of case, colours, categories, and the recommended set. */
export class TagsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** Every tag with its contact count. */
  async listTags(workspaceId: string): Promise<Tag[]> {
    return (await this.uow.repos.tags.list(workspaceId)).map((r) => toTag(r, Number(r.contact_count ?? 0)));
  }

  /** One tag. */
  async getTag(workspaceId: string, id: string): Promise<Tag> {
    const tag = (await this.listTags(workspaceId)).find((t) => t.id === id);
    if (!tag) throw notFound('Tag');
    return tag;
  }

  /** Creates a tag; 409 when the name exists in any letter case. */
  async createTag(by: Principal, input: z.output<typeof tagCreateSchema>): Promise<Tag> {
    const now = nowIso();
    const row = {
      workspace_id: by.workspaceId,
      id: newId(),
      name: input.name,
      name_key: tagNameKey(input.name),
      color: input.color ?? defaultTagColor(input.name),
      category: input.category ?? null,
      description: input.description ?? null,
      smart_rule: null,
      created_at: now,
      updated_at: now,
    };
    try {
      await this.uow.repos.tags.insert(row);
    } catch (error) {
      if (this.uow.isUniqueViolation(error)) throw nameTaken(input.name);
      throw error;
    }
    return toTag(row, 0);
  }

  /** Renames or recolours a tag. */
  async updateTag(by: Principal, id: string, changes: z.output<typeof tagUpdateSchema>): Promise<Tag> {
    if (!(await this.uow.repos.tags.find(by.workspaceId, id))) throw notFound('Tag');
    try {
      await this.uow.repos.tags.update(by.workspaceId, id, {
        ...(changes.name !== undefined ? { name: changes.name, name_key: tagNameKey(changes.name) } : {}),
        ...(changes.color !== undefined ? { color: changes.color } : {}),
        ...(changes.category !== undefined ? { category: changes.category } : {}),
        ...(changes.description !== undefined ? { description: changes.description } : {}),
        updated_at: nowIso(),
      });
    } catch (error) {
      if (this.uow.isUniqueViolation(error)) throw nameTaken(changes.name ?? '');
      throw error;
    }
    return this.getTag(by.workspaceId, id);
  }

  /** Deletes a tag from every contact (admins only); returns how many contacts carried it. */
  async deleteTag(by: Principal, id: string): Promise<{ contactCount: number }> {
    requireRole(by, 'admin');
    return this.uow.transaction(async (repos) => {
      const tag = await repos.tags.find(by.workspaceId, id);
      if (!tag) throw notFound('Tag');
      const contactIds = await repos.tags.contactIdsWithTag(by.workspaceId, id);
      await recordTagRemoved(repos, by.workspaceId, contactIds, tag.name, actorOf(by), nowIso());
      await repos.tags.delete(by.workspaceId, id);
      return { contactCount: contactIds.length };
    });
  }

  /** Moves every contact of `sourceId` to `targetId` and deletes the source tag (admins only). */
  async mergeTags(by: Principal, sourceId: string, targetId: string): Promise<Tag> {
    requireRole(by, 'admin');
    if (sourceId === targetId)
      throw new AppError('validation_failed', 400, 'A tag cannot be merged into itself', [
        { path: 'targetId', message: 'must differ from the tag being merged' },
      ]);
    await this.uow.transaction(async (repos) => {
      const [source, target] = await Promise.all([
        repos.tags.find(by.workspaceId, sourceId),
        repos.tags.find(by.workspaceId, targetId),
      ]);
      if (!source) throw notFound('Tag');
      if (!target) throw notFound('Target tag');
      const now = nowIso();
      const contactIds = await repos.tags.contactIdsWithTag(by.workspaceId, sourceId);
      for (const contactId of contactIds)
        await tagContact(repos, by.workspaceId, contactId, [target], actorOf(by), now);
      await recordTagRemoved(repos, by.workspaceId, contactIds, source.name, actorOf(by), now);
      await repos.tags.delete(by.workspaceId, sourceId);
    });
    return this.getTag(by.workspaceId, targetId);
  }

  /** Adds the recommended tag system; names that exist already are kept as they are. */
  async applyRecommendedTags(by: Principal): Promise<Tag[]> {
    requireRole(by, 'admin');
    await this.uow.transaction(async (repos) => {
      const now = nowIso();
      for (const group of RECOMMENDED_TAGS) {
        const existing = await repos.tags.findByIdsOrNameKeys(
          by.workspaceId,
          [],
          group.names.map(tagNameKey),
        );
        for (const name of group.names) {
          if (existing.some((t) => t.name_key === tagNameKey(name))) continue;
          await repos.tags.insert({
            workspace_id: by.workspaceId,
            id: newId(),
            name,
            name_key: tagNameKey(name),
            color: group.color,
            category: group.category,
            description: null,
            smart_rule: null,
            created_at: now,
            updated_at: now,
          });
        }
      }
    });
    return this.listTags(by.workspaceId);
  }
}
