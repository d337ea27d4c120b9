import type { Kysely, Updateable } from 'kysely';
import { insertRows } from '../db/insert-rows.js';
import type { Database, TagsTable } from '../db/schema.js';

const TAG_COLUMNS = [
  'id',
  'name',
  'color',
  'category',
  'description',
  'smart_rule',
  'created_at',
  'updated_at',
] as const;

/** A tag row as read. */
export type TagRow = Pick<TagsTable, (typeof TAG_COLUMNS)[number]>;

/** SQL for tags and their links to contacts. */
export class TagsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Every tag of a workspace by category (uncategorised last) and name, with how many contacts carry it. */
  async list(workspaceId: string) {
    return this.db
      .selectFrom('tags as t')
      .select(TAG_COLUMNS.map((c) => `t.${c}` as const))
      .select((eb) =>
        eb
          .selectFrom('contact_tags as ct')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('ct.workspace_id', '=', 't.workspace_id')
          .whereRef('ct.tag_id', '=', 't.id')
          .as('contact_count'),
      )
      .where('t.workspace_id', '=', workspaceId)
      .orderBy('t.category', (ob) => ob.asc().nullsLast())
      .orderBy('t.name_key')
      .execute();
  }

  /** One tag. */
  async find(workspaceId: string, id: string): Promise<TagRow | undefined> {
    return this.db
      .selectFrom('tags')
      .select(TAG_COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Tags matching any of these ids or folded names. */
  async findByIdsOrNameKeys(workspaceId: string, ids: string[], nameKeys: string[]) {
    if (ids.length === 0 && nameKeys.length === 0) return [];
    return this.db
      .selectFrom('tags')
      .select([...TAG_COLUMNS, 'name_key'])
      .where('workspace_id', '=', workspaceId)
      .where((eb) =>
        eb.or([
          ...(ids.length ? [eb('id', 'in', ids)] : []),
          ...(nameKeys.length ? [eb('name_key', 'in', nameKeys)] : []),
        ]),
      )
      .execute();
  }

  /** Adds a tag. */
  async insert(row: TagsTable): Promise<void> {
    await this.db.insertInto('tags').values(row).execute();
  }

  /** Changes a tag. */
  async update(workspaceId: string, id: string, changes: Updateable<TagsTable>): Promise<void> {
    await this.db
      .updateTable('tags')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Deletes a tag (its links go with it). */
  async delete(workspaceId: string, id: string): Promise<void> {
    await this.db.deleteFrom('tags').where('workspace_id', '=', workspaceId).where('id', '=', id).execute();
  }

  /**
   * Tags carried by each of these contacts, by tag name. Read as two index lookups joined here: a join in
   * SQL lets PostgreSQL start from a small, unanalysed tags table and probe the links once per tag.
   */
  async tagsForContacts(workspaceId: string, contactIds: string[]) {
    if (contactIds.length === 0) return [];
    const links = await this.db
      .selectFrom('contact_tags')
      .select(['contact_id', 'tag_id'])
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', 'in', contactIds)
      .execute();
    if (links.length === 0) return [];
    const tags = await this.db
      .selectFrom('tags')
      .select(['id', 'name', 'name_key', 'color', 'category'])
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', [...new Set(links.map((l) => l.tag_id))])
      .execute();
    const byId = new Map(tags.map((t) => [t.id, t]));
    return links
      .flatMap(({ contact_id, tag_id }) => {
        const tag = byId.get(tag_id);
        return tag
          ? [
              {
                contact_id,
                id: tag.id,
                name: tag.name,
                color: tag.color,
                category: tag.category,
                key: tag.name_key,
              },
            ]
          : [];
      })
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ key: _key, ...tag }) => tag);
  }

  /** Links tags to a contact; links that exist already are left as they are. Returns the tag ids newly linked. */
  async link(
    workspaceId: string,
    contactId: string,
    tagIds: string[],
    appliedBy: string,
    now: string,
  ): Promise<string[]> {
    if (tagIds.length === 0) return [];
    const existing = await this.db
      .selectFrom('contact_tags')
      .select('tag_id')
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId)
      .where('tag_id', 'in', tagIds)
      .execute();
    const have = new Set(existing.map((r) => r.tag_id));
    if (existing.length > 0 && !appliedBy.startsWith('rule:'))
      await this.claimRuleApplied(workspaceId, [contactId], [...have], appliedBy, now);
    const added = [...new Set(tagIds)].filter((id) => !have.has(id));
    if (added.length === 0) return [];
    await this.db
      .insertInto('contact_tags')
      .values(
        added.map((tagId) => ({
          workspace_id: workspaceId,
          contact_id: contactId,
          tag_id: tagId,
          applied_by: appliedBy,
          applied_at: now,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    return added;
  }

  /**
   * Makes links a smart tag's rule applied the person's own (a person applying a tag the rule had applied), so
   * that the rule never takes them off again.
   */
  async claimRuleApplied(
    workspaceId: string,
    contactIds: string[],
    tagIds: string[],
    appliedBy: string,
    now: string,
  ): Promise<void> {
    if (contactIds.length === 0 || tagIds.length === 0) return;
    await this.db
      .updateTable('contact_tags')
      .set({ applied_by: appliedBy, applied_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', 'in', contactIds)
      .where('tag_id', 'in', tagIds)
      .where('applied_by', 'like', 'rule:%')
      .execute();
  }

  /** Links tags to contacts that carry none of them yet (contacts just created), many per statement. */
  async linkNew(
    workspaceId: string,
    links: Array<{ contactId: string; tagId: string }>,
    appliedBy: string,
    now: string,
  ): Promise<void> {
    const rows = links.map((link) => ({
      workspace_id: workspaceId,
      contact_id: link.contactId,
      tag_id: link.tagId,
      applied_by: appliedBy,
      applied_at: now,
    }));
    await insertRows(this.db, 'contact_tags', rows);
  }

  /** Unlinks a tag from a contact; false when it was not linked. */
  async unlink(workspaceId: string, contactId: string, tagId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('contact_tags')
      .where('workspace_id', '=', workspaceId)
      .where('contact_id', '=', contactId)
      .where('tag_id', '=', tagId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** Contacts carrying a tag. */
  async contactIdsWithTag(workspaceId: string, tagId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('contact_tags')
      .select('contact_id')
      .where('workspace_id', '=', workspaceId)
      .where('tag_id', '=', tagId)
      .execute();
    return rows.map((r) => r.contact_id);
  }
}
