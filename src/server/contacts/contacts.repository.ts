import { sql, type Expression, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { SqlDialect } from '../db/dialects/dialect.js';
import { inChunks } from '../db/in-chunks.js';
import { insertRows } from '../db/insert-rows.js';
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
  /** A further condition on the contacts row (a compiled filter). */
  where?: Expression<SqlBool> | undefined;
}

/** SQL for contacts. */
export class ContactsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: SqlDialect,
  ) {}

  /** Adds contact rows, many per statement. */
  async insert(rows: ContactsTable[]): Promise<void> {
    await insertRows(this.db, 'contacts', rows);
  }

  /** Contact rows by id (those of this workspace that exist). */
  async findMany(workspaceId: string, ids: string[]): Promise<ContactsTable[]> {
    const rows: ContactsTable[] = [];
    for (const chunk of inChunks(ids, 500))
      rows.push(
        ...(await this.db
          .selectFrom('contacts')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('id', 'in', chunk)
          .execute()),
      );
    return rows;
  }

  /** One contact row, locked until the transaction ends (for a read-then-write). */
  async findForUpdate(workspaceId: string, id: string): Promise<ContactsTable | undefined> {
    return this.dialect
      .forUpdate(
        this.db
          .selectFrom('contacts')
          .selectAll()
          .where('workspace_id', '=', workspaceId)
          .where('id', '=', id),
      )
      .executeTakeFirst();
  }

  /**
   * Counts a message on the contact: one more message (and conversation, when it started one), and the dates of
   * first, last, last inbound or last outbound contact moved to it when it is newer (older for the first).
   * Atomic in SQL, so that messages processed side by side never lose a count; the version is left alone so that
   * an agent editing the contact meanwhile is not told it changed.
   */
  async recordMessage(
    workspaceId: string,
    id: string,
    message: { direction: 'in' | 'out'; at: string; startedConversation: boolean },
  ): Promise<void> {
    const { at } = message;
    const later = (column: 'last_contact_at' | 'last_inbound_at' | 'last_outbound_at') =>
      sql<string>`case when ${sql.ref(column)} is null or ${sql.ref(column)} < ${at} then ${at} else ${sql.ref(column)} end`;
    await this.db
      .updateTable('contacts')
      .set((eb) => ({
        message_count: eb(eb.ref('message_count'), '+', 1),
        conversation_count: eb(eb.ref('conversation_count'), '+', message.startedConversation ? 1 : 0),
        first_contact_at: sql<string>`case when first_contact_at is null or first_contact_at > ${at} then ${at} else first_contact_at end`,
        last_contact_at: later('last_contact_at'),
        ...(message.direction === 'in'
          ? { last_inbound_at: later('last_inbound_at') }
          : { last_outbound_at: later('last_outbound_at') }),
      }))
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
  }

  /** Changes columns that are not the agent's to edit (the WhatsApp profile name), without a version check. */
  async updateUnversioned(
    workspaceId: string,
    id: string,
    changes: Updateable<ContactsTable>,
  ): Promise<void> {
    await this.db
      .updateTable('contacts')
      .set(changes)
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .execute();
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

  /**
   * One page of contacts in the requested order. The keyset is compared as a row value, `(column, id) > (?, ?)`,
   * which both databases answer with one range seek on the sort index however deep the page is. Contacts
   * without a last contact come after all others in either direction, so that order is read as two ranges.
   */
  async listPage(workspaceId: string, page: ContactPageQuery): Promise<ContactsTable[]> {
    const { column, descending, limit, after } = page;
    const direction = descending ? 'desc' : 'asc';
    const beyond = descending ? '<' : '>';
    let base = this.db.selectFrom('contacts').selectAll().where('workspace_id', '=', workspaceId);
    if (page.contains) base = base.where(this.dialect.searchText.contains(page.contains));
    if (page.where) base = base.where(page.where);
    const afterKeyset = (query: typeof base, keyset: ContactKeyset) =>
      query.where((eb) => eb(eb.refTuple(column, 'id'), beyond, eb.tuple(keyset.value, keyset.id)));
    if (column !== 'last_contact_at') {
      const query = after ? afterKeyset(base, after) : base;
      return query.orderBy(column, direction).orderBy('id', direction).limit(limit).execute();
    }
    const withValue =
      after?.value === null
        ? []
        : await (after ? afterKeyset(base, after) : base.where(column, 'is not', null))
            .orderBy(column, direction)
            .orderBy('id', direction)
            .limit(limit)
            .execute();
    if (withValue.length === limit) return withValue;
    let withoutValue = base.where(column, 'is', null);
    if (after?.value === null) withoutValue = withoutValue.where('id', beyond, after.id);
    const rest = await withoutValue
      .orderBy('id', direction)
      .limit(limit - withValue.length)
      .execute();
    return [...withValue, ...rest];
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

  /** Marks contacts as changed by something other than an edit of their own (a field definition change). */
  async bumpVersions(workspaceId: string, ids: string[], now: string): Promise<void> {
    for (let start = 0; start < ids.length; start += 500) {
      await this.db
        .updateTable('contacts')
        .set((eb) => ({ version: eb(eb.ref('version'), '+', 1), updated_at: now }))
        .where('workspace_id', '=', workspaceId)
        .where('id', 'in', ids.slice(start, start + 500))
        .execute();
    }
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

  /**
   * The keyset of every `every`-th row in list order (rows every-1, 2·every-1, …): numbering the rows walks the
   * sort index once, so a client can then reach any depth with keyset pages. Same order as `listPage`, contacts
   * without a last contact last.
   */
  async anchorKeysets(
    workspaceId: string,
    order: Pick<ContactPageQuery, 'column' | 'descending' | 'contains' | 'where'>,
    every: number,
  ): Promise<ContactKeyset[]> {
    const { column, descending, contains, where } = order;
    const direction = descending ? sql`desc` : sql`asc`;
    const valuesFirst = column === 'last_contact_at' ? sql`${sql.ref(column)} is null, ` : sql``;
    const filter = sql.join(
      [sql``, ...(contains ? [this.dialect.searchText.contains(contains)] : []), ...(where ? [where] : [])],
      sql` and `,
    );
    const result = await sql<ContactKeyset>`
      select value, id from (
        select ${sql.ref(column)} as value, id,
          row_number() over (order by ${valuesFirst}${sql.ref(column)} ${direction}, id ${direction}) as row_at
        from contacts where workspace_id = ${workspaceId} ${filter}
      ) numbered
      where row_at % ${every} = 0
      order by row_at`.execute(this.db);
    return result.rows;
  }

  /** How many contacts a workspace has, or how many contain the folded text and meet `where`. */
  async count(workspaceId: string, contains?: string, where?: Expression<SqlBool>): Promise<number> {
    let query = this.db
      .selectFrom('contacts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', workspaceId);
    if (contains) query = query.where(this.dialect.searchText.contains(contains));
    if (where) query = query.where(where);
    const row = await query.executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
