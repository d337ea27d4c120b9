import type { Expression, Kysely, SqlBool } from 'kysely';
import type { SqlDialect } from '../db/dialects/dialect.js';
import type { ContactFieldValuesTable, ContactsTable, Database } from '../db/schema.js';

const EXPORTED_COLUMNS = [
  'id',
  'first_name',
  'last_name',
  'phone',
  'email',
  'company',
  'job_title',
  'birthday',
  'language',
  'timezone',
  'street',
  'city',
  'region',
  'postal_code',
  'country',
  'linkedin',
  'twitter',
  'facebook',
  'instagram',
  'website',
  'source',
  'created_at',
] as const;

/** The columns of a contact an export reads. */
export type ExportContactRow = Pick<ContactsTable, (typeof EXPORTED_COLUMNS)[number]>;

/** The contacts one page covers: listed ids, or every contact of the workspace from `firstId` to `lastId`. */
export type ContactSlice = { ids: string[] } | { firstId: string; lastId: string };

/** SQL that reads contacts for exports: keyset pages in id order, and what each page needs besides. */
export class ExportContactsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: SqlDialect,
  ) {}

  /**
   * Up to `limit` contacts after `afterId` in id order; with `contains`, only those whose search text holds it;
   * with `where` (a compiled filter), only those it matches.
   */
  async pageAfter(
    workspaceId: string,
    afterId: string | undefined,
    limit: number,
    contains?: string,
    where?: Expression<SqlBool>,
  ): Promise<ExportContactRow[]> {
    let query = this.db
      .selectFrom('contacts')
      .select(EXPORTED_COLUMNS)
      .where('workspace_id', '=', workspaceId);
    if (afterId !== undefined) query = query.where('id', '>', afterId);
    if (contains) query = query.where(this.dialect.searchText.contains(contains));
    if (where) query = query.where(where);
    return query.orderBy('id').limit(limit).execute();
  }

  /** The contacts of the workspace among these ids, in id order. */
  async findByIds(workspaceId: string, ids: string[]): Promise<ExportContactRow[]> {
    if (ids.length === 0) return [];
    return this.db
      .selectFrom('contacts')
      .select(EXPORTED_COLUMNS)
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
  }

  /** Every tag of the workspace in name order (few enough to keep in memory for a whole export). */
  async tagsByName(workspaceId: string): Promise<Array<{ id: string; name: string }>> {
    return this.db
      .selectFrom('tags')
      .select(['id', 'name'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('name_key')
      .execute();
  }

  /** Which tags the contacts of a slice carry. */
  async tagLinks(
    workspaceId: string,
    slice: ContactSlice,
  ): Promise<Array<{ contact_id: string; tag_id: string }>> {
    return this.db
      .selectFrom('contact_tags')
      .select(['contact_id', 'tag_id'])
      .where('workspace_id', '=', workspaceId)
      .where((eb) =>
        'ids' in slice
          ? eb('contact_id', 'in', slice.ids)
          : eb.between('contact_id', slice.firstId, slice.lastId),
      )
      .execute();
  }

  /** The custom values the contacts of a slice hold, a multi-select's choices in order. */
  async fieldValues(workspaceId: string, slice: ContactSlice): Promise<ContactFieldValuesTable[]> {
    return this.db
      .selectFrom('contact_field_values')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where((eb) =>
        'ids' in slice
          ? eb('contact_id', 'in', slice.ids)
          : eb.between('contact_id', slice.firstId, slice.lastId),
      )
      .orderBy('contact_id')
      .orderBy('field_id')
      .orderBy('ordinal')
      .execute();
  }

  /** The WhatsApp ids (wa_id) of the contacts of a slice. */
  async whatsappIds(
    workspaceId: string,
    slice: ContactSlice,
  ): Promise<Array<{ contact_id: string; value: string }>> {
    return this.db
      .selectFrom('contact_identities')
      .select(['contact_id', 'value'])
      .where('workspace_id', '=', workspaceId)
      .where((eb) =>
        'ids' in slice
          ? eb('contact_id', 'in', slice.ids)
          : eb.between('contact_id', slice.firstId, slice.lastId),
      )
      .where('kind', '=', 'whatsapp')
      .execute();
  }
}
