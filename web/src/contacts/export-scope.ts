import type { ExportSelection } from '../../../src/shared/export-schemas';
import type { FilterNode } from '../../../src/shared/filter/filter-tree';
import { contactCount } from './bulk-summary';
import { bulkSelectionOf, type ListSelection } from './list-selection';

/** What an export from the list covers: the selection sent to the server, and the same in words. */
export interface ExportScope {
  selection: ExportSelection;
  scope: string;
}

/** The toolbar's export: every contact matching the filter and search, or every contact. */
export function listExportScope(
  q: string,
  total: number | null,
  filter: FilterNode | null = null,
): ExportScope {
  const search = q.trim();
  const all = total === null ? 'the contacts' : `all ${contactCount(total)}`;
  if (filter)
    return {
      selection: search ? { filter, q: search } : { filter },
      scope: `${total === null ? 'the contacts' : contactCount(total)} matching the filter`,
    };
  return search
    ? { selection: { q: search }, scope: `${all} matching “${search}”` }
    : { selection: { all: true }, scope: all };
}

/** The selection bar's export: the ticked contacts, or all matching when that is what is selected. */
export function selectionExportScope(
  selection: ListSelection,
  q: string,
  count: number,
  filter: FilterNode | null = null,
): ExportScope | null {
  if (selection.kind === 'all') return listExportScope(q, count, filter);
  const target = bulkSelectionOf(selection, q);
  if (!target || !('ids' in target)) return null;
  return { selection: target, scope: `the ${contactCount(count)} selected` };
}
