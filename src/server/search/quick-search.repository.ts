import type { Kysely } from 'kysely';
import type { SqlDialect } from '../db/dialects/dialect.js';
import type { ContactsTable, Database } from '../db/schema.js';
import type { IdentityKey } from '../identities/identities.repository.js';

/**
 * The smallest text greater than every text that starts with `prefix`, in bytewise (UTF-8 code point) order:
 * the prefix with its last character moved to the next code point (`mar` → `mas`). Undefined when there is none.
 */
export function prefixUpperBound(prefix: string): string | undefined {
  const chars = [...prefix];
  while (chars.length > 0) {
    const last = chars.pop()!.codePointAt(0)!;
    if (last < 0x10ffff) {
      const next = last === 0xd7ff ? 0xe000 : last + 1;
      return chars.join('') + String.fromCodePoint(next);
    }
  }
  return undefined;
}

/**
 * SQL behind quick find: each query reads at most `limit` rows from one index, and none sorts more than that,
 * so a term that half the contacts match costs no more than a rare one.
 */
export class QuickSearchRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: SqlDialect,
  ) {}

  /** Contacts whose whole folded name is `folded` (an equality on the name index). */
  async namedExactly(workspaceId: string, folded: string, limit: number): Promise<ContactsTable[]> {
    return this.db
      .selectFrom('contacts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('sort_name', '=', folded)
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /** The first contacts in name order whose folded name starts with `folded` (a range of the name index). */
  async namesStartingWith(workspaceId: string, folded: string, limit: number): Promise<ContactsTable[]> {
    let query = this.db
      .selectFrom('contacts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('sort_name', '>=', folded);
    const upper = prefixUpperBound(folded);
    if (upper !== undefined) query = query.where('sort_name', '<', upper);
    return query.orderBy('sort_name').orderBy('id').limit(limit).execute();
  }

  /** Contacts that hold one of these identities (an email, a phone's match key). */
  async holdingIdentities(workspaceId: string, keys: IdentityKey[]): Promise<ContactsTable[]> {
    if (keys.length === 0) return [];
    return this.db
      .selectFrom('contacts')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('contact_identities')
          .select('contact_id')
          .where('workspace_id', '=', workspaceId)
          .where((ib) =>
            ib.or(keys.map((k) => ib.and([ib('kind', '=', k.kind), ib('value', '=', k.value)]))),
          ),
      )
      .execute();
  }

  /** Up to `limit` contacts whose folded search text contains `folded`, in index order (unsorted). */
  async containing(workspaceId: string, folded: string, limit: number): Promise<ContactsTable[]> {
    return this.dialect.searchText.firstContaining(this.db, workspaceId, folded, limit);
  }
}
