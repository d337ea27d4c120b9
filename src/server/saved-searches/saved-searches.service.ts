import type { ContactSort } from '../../shared/contact-sorts.js';
import type { FilterNode } from '../../shared/filter/filter-tree.js';
import type {
  SavedSearch,
  SavedSearchCreateInput,
  SavedSearchUpdateInput,
  SavedSearchVisibility,
} from '../../shared/saved-search-schemas.js';
import { hasRole, type Principal } from '../auth/principal.js';
import { nowIso } from '../clock.js';
import { newId } from '../db/new-id.js';
import type { UnitOfWork } from '../db/repositories.js';
import type { SavedSearchesTable } from '../db/schema.js';
import { forbidden, notFound } from '../http/errors.js';
import { checkBodyFilter, type FilterEngine } from '../segments/filter-engine.js';
import type { SavedSearchRow } from './saved-searches.repository.js';

/** Whose searches these are: the signed-in user, or the API key when there is no user behind the call. */
export function searchOwnerOf(principal: Principal): string {
  return principal.userId ?? principal.id;
}

/** True when the caller may change or delete the search: its owner, or an admin when it is shared. */
function mayEdit(by: Principal, row: SavedSearchesTable): boolean {
  return row.owner_id === searchOwnerOf(by) || (row.visibility === 'shared' && hasRole(by.role, 'admin'));
}

function toSavedSearch(by: Principal, row: SavedSearchRow): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    visibility: row.visibility as SavedSearchVisibility,
    filter: row.filter === null ? null : (JSON.parse(row.filter) as FilterNode),
    q: row.q,
    sort: row.sort as ContactSort | null,
    columns: row.columns === null ? null : (JSON.parse(row.columns) as string[]),
    pinned: Number(row.pinned) === 1,
    ownerId: row.owner_id,
    mine: row.owner_id === searchOwnerOf(by),
    canEdit: mayEdit(by, row),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const byPinThenName = (a: SavedSearch, b: SavedSearch) =>
  Number(b.pinned) - Number(a.pinned) ||
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) ||
  a.id.localeCompare(b.id);

/** Saved searches: personal or shared, pinned per member; only the owner (or an admin, when shared) edits one. */
export class SavedSearchesService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly filters: FilterEngine,
  ) {}

  /** The caller's searches and the workspace's shared ones, pinned first, then by name. */
  async listSavedSearches(by: Principal): Promise<SavedSearch[]> {
    const rows = await this.uow.repos.savedSearches.listVisible(by.workspaceId, searchOwnerOf(by));
    return rows.map((row) => toSavedSearch(by, row)).sort(byPinThenName);
  }

  /** One search the caller may see; 404 for someone else's personal search. */
  async getSavedSearch(by: Principal, id: string): Promise<SavedSearch> {
    return toSavedSearch(by, await this.findVisible(by, id));
  }

  /** Saves a search owned by the caller, pinned for them when asked. */
  async createSavedSearch(by: Principal, input: SavedSearchCreateInput): Promise<SavedSearch> {
    const filter = await this.checkedFilter(by, input.filter);
    const now = nowIso();
    const row: SavedSearchesTable = {
      workspace_id: by.workspaceId,
      id: newId(),
      owner_id: searchOwnerOf(by),
      visibility: input.visibility,
      name: input.name,
      filter: filter === null ? null : JSON.stringify(filter),
      q: input.q ?? null,
      sort: input.sort ?? null,
      columns: input.columns ? JSON.stringify(input.columns) : null,
      created_at: now,
      updated_at: now,
    };
    await this.uow.transaction(async (repos) => {
      await repos.savedSearches.insert(row);
      if (input.pinned) await repos.savedSearches.pin(by.workspaceId, row.owner_id, row.id, now);
    });
    return this.getSavedSearch(by, row.id);
  }

  /** Changes a search (its owner, or an admin when it is shared); only the owner makes it personal, which unpins it for the others. */
  async updateSavedSearch(by: Principal, id: string, changes: SavedSearchUpdateInput): Promise<SavedSearch> {
    const current = await this.findEditable(by, id);
    if (changes.visibility === 'personal' && current.owner_id !== searchOwnerOf(by))
      throw forbidden('Only its owner can make a shared search personal');
    const filter = changes.filter === undefined ? undefined : await this.checkedFilter(by, changes.filter);
    await this.uow.transaction(async (repos) => {
      await repos.savedSearches.update(by.workspaceId, id, {
        ...(changes.name !== undefined ? { name: changes.name } : {}),
        ...(changes.visibility !== undefined ? { visibility: changes.visibility } : {}),
        ...(filter !== undefined ? { filter: filter === null ? null : JSON.stringify(filter) } : {}),
        ...(changes.q !== undefined ? { q: changes.q } : {}),
        ...(changes.sort !== undefined ? { sort: changes.sort } : {}),
        ...(changes.columns !== undefined
          ? { columns: changes.columns === null ? null : JSON.stringify(changes.columns) }
          : {}),
        updated_at: nowIso(),
      });
      if (changes.visibility === 'personal')
        await repos.savedSearches.unpinOthers(by.workspaceId, id, current.owner_id);
    });
    return this.getSavedSearch(by, id);
  }

  /** Deletes a search (its owner, or an admin when it is shared). */
  async deleteSavedSearch(by: Principal, id: string): Promise<void> {
    await this.findEditable(by, id);
    await this.uow.repos.savedSearches.delete(by.workspaceId, id);
  }

  /** Pins or unpins a search in the caller's sidebar only; anyone who sees a search may pin it. */
  async setPinned(by: Principal, id: string, pinned: boolean): Promise<SavedSearch> {
    await this.findVisible(by, id);
    const owner = searchOwnerOf(by);
    if (pinned) await this.uow.repos.savedSearches.pin(by.workspaceId, owner, id, nowIso());
    else await this.uow.repos.savedSearches.unpin(by.workspaceId, owner, id);
    return this.getSavedSearch(by, id);
  }

  private async findVisible(by: Principal, id: string): Promise<SavedSearchRow> {
    const row = await this.uow.repos.savedSearches.findVisible(by.workspaceId, searchOwnerOf(by), id);
    if (!row) throw notFound('Saved search');
    return row;
  }

  private async findEditable(by: Principal, id: string): Promise<SavedSearchRow> {
    const row = await this.findVisible(by, id);
    if (!mayEdit(by, row)) throw forbidden('Only its owner or an admin can change a shared search');
    return row;
  }

  private async checkedFilter(by: Principal, raw: unknown): Promise<FilterNode | null> {
    return raw === null || raw === undefined ? null : checkBodyFilter(this.filters, by.workspaceId, raw);
  }
}
