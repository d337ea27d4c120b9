import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type Kysely,
  type SqlBool,
  type Updateable,
} from 'kysely';
import type { ContactsTable, Database } from '../db/schema.js';

/** Columns the list can be sorted by; all have an index that starts with workspace_id. */
export type ContactSortColumn = 'sort_name' | 'created_at' | 'last_contact_at';

/** A position in a sorted list: the sort value and id of the last row seen. */
export interface ContactKeyset {
  value: string | null;
  id: string;
}

/** How to read one page of the contact list. */
export interface ContactPageQuery {
  column: ContactSortColumn;
  descending: boolean;
  limit: number;
  after?: ContactKeyset | undefined;
  /** Folded text that must appear in the contact's search text. */
  contains?: string | undefined;
}

type ContactsEb = ExpressionBuilder<Database, 'contacts'>;

/** Keyset condition "after this row" for an order that puts nulls last in either direction. */
function afterKeyset(
  eb: ContactsEb,
  column: ContactSortColumn,
  descending: boolean,
  after: ContactKeyset,
): Expression<SqlBool> {
  const beyond = descending ? '<' : '>';
  if (after.value === null) {
    return eb.and([eb(column, 'is', null), eb('id', beyond, after.id)]);
  }
  const inOrder = eb.or([
    eb(column, beyond, after.value),
    eb.and([eb(column, '=', after.value), eb('id', beyond, after.id)]),
  ]);
  return column === 'last_contact_at' ? eb.or([inOrder, eb(column, 'is', null)]) : inOrder;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The simple search: folded text anywhere in the contact's search text. */
const containsText = (folded: string) =>
  sql<SqlBool>`search_text like ${`%${escapeLike(folded)}%`} escape '\\'`;

/** SQL for contacts. */
export class ContactsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds a contact row. */
  async insert(row: ContactsTable): Promise<void> {
    await this.db.insertInto('contacts').values(row).execute();
  }

  /** One contact row. */
  async find(workspaceId: string, id: string): Promise<ContactsTable | undefined> {
    return this.db
      .selectFrom('contacts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** One page of contacts in the requested order. */
  async listPage(workspaceId: string, page: ContactPageQuery): Promise<ContactsTable[]> {
    const direction = page.descending ? 'desc' : 'asc';
    let query = this.db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId);
    if (page.contains) query = query.where(containsText(page.contains));
    const { after } = page;
    if (after) query = query.where((eb) => afterKeyset(eb, page.column, page.descending, after));
    query =
      page.column === 'last_contact_at'
        ? query.orderBy(page.column, (ob) => (page.descending ? ob.desc() : ob.asc()).nullsLast())
        : query.orderBy(page.column, direction);
    return query.orderBy('id', direction).limit(page.limit).execute();
  }

  /** Applies changes if the row still has the expected version; false when it does not. */
  async update(
    workspaceId: string,
    id: string,
    expectedVersion: number,
    changes: Updateable<ContactsTable>,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('contacts')
      .set({ ...changes, version: expectedVersion + 1 })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Deletes a contact with its identities, tags, values, notes and consents. */
  async delete(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('contacts')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  /** How many contacts a workspace has, or how many contain the folded text. */
  async count(workspaceId: string, contains?: string): Promise<number> {
    let query = this.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId);
    if (contains) query = query.where(containsText(contains));
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Ids among the given that exist in the workspace. */
  async existingIds(workspaceId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('contacts')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids)
      .execute();
    return rows.map((r) => r.id);
  }
}
