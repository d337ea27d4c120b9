import type { Selection } from '../../shared/bulk-schemas.js';
import type { FilterNode } from '../../shared/filter/filter-tree.js';
import { searchNeedle } from '../../shared/search-needle.js';
import type { UnitOfWork } from '../db/repositories.js';
import { AppError, invalid } from '../http/errors.js';

/** What bulk selections need of the filter engine (FilterService). */
export interface SelectionFilters {
  checkFilter(workspaceId: string, raw: unknown): Promise<FilterNode>;
  matchingIdPages(workspaceId: string, filter: FilterNode, pageSize: number): AsyncGenerator<string[]>;
}

/** Finds a segment's filter (404 when the workspace has no such segment). */
export type SegmentFilterLookup = (workspaceId: string, segmentId: string) => Promise<FilterNode>;

/** A selection checked and reduced to what is walked: listed ids, a search needle, a filter, or everyone. */
export type ResolvedSelection =
  { ids: string[] } | { needle: string } | { filter: FilterNode } | { all: true };

/** Turns a bulk selection into pages of contact ids. */
export class BulkSelection {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly filters: SelectionFilters,
    private readonly segmentFilter: SegmentFilterLookup,
  ) {}

  /** Checks a selection (400 for a bad filter, 404 for an unknown segment) and reduces it. */
  async resolve(workspaceId: string, selection: Selection): Promise<ResolvedSelection> {
    if ('ids' in selection) return { ids: [...new Set(selection.ids)] };
    if ('q' in selection) return { needle: searchNeedle(selection.q) };
    if ('all' in selection) return { all: true };
    if ('filter' in selection) return { filter: await this.checkFilter(workspaceId, selection.filter) };
    return { filter: await this.segmentFilter(workspaceId, selection.segmentId) };
  }

  /**
   * How many contacts the selection holds now, or null for a filter or segment: counting one may take as long as
   * walking it (on SQLite, a count of an unindexed condition looks every row up one by one), so it is not counted.
   */
  async count(workspaceId: string, selection: ResolvedSelection): Promise<number | null> {
    if ('ids' in selection) return selection.ids.length;
    if ('filter' in selection) return null;
    return this.uow.repos.contacts.count(workspaceId, 'needle' in selection ? selection.needle : undefined);
  }

  /** The selected contact ids, `size` at a time, each page read after the previous one was acted on. */
  async *pages(workspaceId: string, selection: ResolvedSelection, size: number): AsyncGenerator<string[]> {
    if ('ids' in selection) {
      for (let start = 0; start < selection.ids.length; start += size)
        yield selection.ids.slice(start, start + size);
      return;
    }
    if ('filter' in selection) {
      yield* this.filters.matchingIdPages(workspaceId, selection.filter, size);
      return;
    }
    const contains = 'needle' in selection ? selection.needle : undefined;
    let after: { value: string; id: string } | undefined;
    for (;;) {
      const rows = await this.uow.repos.contacts.listPage(workspaceId, {
        column: 'created_at',
        descending: false,
        limit: size,
        after,
        contains,
      });
      const last = rows.at(-1);
      if (!last) return;
      yield rows.map((r) => r.id);
      after = { value: last.created_at, id: last.id };
    }
  }

  /** Checks a filter, naming a bad part under `selection.filter`. */
  private async checkFilter(workspaceId: string, raw: unknown): Promise<FilterNode> {
    try {
      return await this.filters.checkFilter(workspaceId, raw);
    } catch (error) {
      if (!(error instanceof AppError) || !error.errors) throw error;
      throw invalid(error.errors.map((e) => ({ path: `selection.${e.path}`, message: e.message })));
    }
  }
}
