import type { Expression, SqlBool } from 'kysely';
import type { ContactAnchorsQuery } from '../../shared/contact-schemas.js';
import type { UnitOfWork } from '../db/repositories.js';
import { encodeCursor } from './contact-cursor.js';
import { sortOrderOf } from './contact-sort.js';
import { searchNeedle } from '../../shared/search-needle.js';

/** What a scrolling list needs besides its pages: how many rows there are, and where to resume deep inside. */
export class ContactPositionsService {
  constructor(private readonly uow: UnitOfWork) {}

  /** How many contacts match the simple search and `where` (all of them without either). */
  async countContacts(workspaceId: string, q?: string, where?: Expression<SqlBool>): Promise<number> {
    return this.uow.repos.contacts.count(workspaceId, q ? searchNeedle(q) : undefined, where);
  }

  /** Cursors at every `every`-th row of a sorted, searched list: `cursors[i]` resumes at row `(i + 1) * every`. */
  async listAnchors(
    workspaceId: string,
    query: ContactAnchorsQuery,
    where?: Expression<SqlBool>,
  ): Promise<{ every: number; cursors: string[] }> {
    const keysets = await this.uow.repos.contacts.anchorKeysets(
      workspaceId,
      { ...sortOrderOf(query.sort), contains: query.q ? searchNeedle(query.q) : undefined, where },
      query.every,
    );
    return { every: query.every, cursors: keysets.map((keyset) => encodeCursor(query.sort, keyset)) };
  }
}
