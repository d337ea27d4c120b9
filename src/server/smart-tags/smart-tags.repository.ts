import type { Expression, Kysely, SqlBool } from 'kysely';
import type { Database } from '../db/schema.js';

/** A tag with a rule. */
export interface SmartTagRow {
  id: string;
  name: string;
  smart_rule: string;
}

/** Limits a page to some contacts (those that just changed), or none. */
type Among = string[] | undefined;

/** SQL of smart tags: their rules, and the set-based comparison of a rule with the contacts carrying its tag. */
export class SmartTagsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The workspace's tags that have a rule. */
  async smartTags(workspaceId: string): Promise<SmartTagRow[]> {
    const rows = await this.db
      .selectFrom('tags')
      .select(['id', 'name', 'smart_rule'])
      .where('workspace_id', '=', workspaceId)
      .where('smart_rule', 'is not', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, smart_rule: r.smart_rule ?? '' }));
  }

  /** Workspaces with at least one smart tag. */
  async workspacesWithSmartTags(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('tags')
      .select('workspace_id')
      .where('smart_rule', 'is not', null)
      .distinct()
      .execute();
    return rows.map((r) => r.workspace_id);
  }

  /** Sets or clears a tag's rule; false when there is no such tag. */
  async setRule(workspaceId: string, tagId: string, rule: string | null, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('tags')
      .set({ smart_rule: rule, updated_at: now })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', tagId)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Up to `limit` contacts (id order, after `afterId`) that match the rule but do not carry the tag. */
  async matchingWithoutTag(
    workspaceId: string,
    tagId: string,
    where: Expression<SqlBool>,
    afterId: string,
    limit: number,
    among: Among,
  ): Promise<Array<{ id: string }>> {
    let query = this.db
      .selectFrom('contacts')
      .select('contacts.id')
      .where('contacts.workspace_id', '=', workspaceId)
      .where('contacts.id', '>', afterId)
      .where(where)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('contact_tags as ct')
              .select('ct.tag_id')
              .whereRef('ct.contact_id', '=', 'contacts.id')
              .where('ct.workspace_id', '=', workspaceId)
              .where('ct.tag_id', '=', tagId),
          ),
        ),
      );
    if (among) query = query.where('contacts.id', 'in', among);
    return query.orderBy('contacts.id').limit(limit).execute();
  }

  /** Up to `limit` contacts (id order, after `afterId`) carrying the tag by the rule that no longer match it. */
  async ruleTaggedNotMatching(
    workspaceId: string,
    tagId: string,
    appliedBy: string,
    where: Expression<SqlBool>,
    afterId: string,
    limit: number,
    among: Among,
  ): Promise<string[]> {
    let query = this.db
      .selectFrom('contact_tags as ct')
      .select('ct.contact_id')
      .where('ct.workspace_id', '=', workspaceId)
      .where('ct.tag_id', '=', tagId)
      .where('ct.applied_by', '=', appliedBy)
      .where('ct.contact_id', '>', afterId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('contacts')
              .select('contacts.id')
              .where('contacts.workspace_id', '=', workspaceId)
              .whereRef('contacts.id', '=', 'ct.contact_id')
              .where(where),
          ),
        ),
      );
    if (among) query = query.where('ct.contact_id', 'in', among);
    const rows = await query.orderBy('ct.contact_id').limit(limit).execute();
    return rows.map((r) => r.contact_id);
  }

  /** Removes the tag from these contacts where the rule applied it (never where a person did). */
  async unlinkRuleApplied(
    workspaceId: string,
    tagId: string,
    appliedBy: string,
    contactIds: string[],
  ): Promise<void> {
    if (contactIds.length === 0) return;
    await this.db
      .deleteFrom('contact_tags')
      .where('workspace_id', '=', workspaceId)
      .where('tag_id', '=', tagId)
      .where('applied_by', '=', appliedBy)
      .where('contact_id', 'in', contactIds)
      .execute();
  }
}
