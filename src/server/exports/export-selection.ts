import type { Expression, SqlBool } from 'kysely';
import type { ExportSelection } from '../../shared/export-schemas.js';
import type { FilterNode } from '../../shared/filter/filter-tree.js';
import type { FilterService } from '../search/filter.service.js';
import { checkBodyFilter } from '../segments/filter-engine.js';

/** What exports need to turn a filter or a segment into SQL. */
export interface ExportFilters {
  filters: Pick<FilterService, 'checkFilter' | 'whereOf'>;
  /** A segment's filter; 404 when the workspace has no such segment. */
  segmentFilter(workspaceId: string, segmentId: string): Promise<FilterNode>;
}

/**
 * The SQL condition of a `{ filter, q? }` or `{ segmentId }` selection, relative dates counted from now;
 * undefined for the other selections. A bad filter is a 400 naming `selection.filter.…`; an unknown segment a 404.
 */
export async function selectionWhere(
  { filters, segmentFilter }: ExportFilters,
  workspaceId: string,
  selection: ExportSelection,
): Promise<Expression<SqlBool> | undefined> {
  if ('filter' in selection) {
    const filter = await checkBodyFilter(filters, workspaceId, selection.filter, 'selection.filter');
    return filters.whereOf(workspaceId, filter);
  }
  if ('segmentId' in selection)
    return filters.whereOf(workspaceId, await segmentFilter(workspaceId, selection.segmentId));
  return undefined;
}
