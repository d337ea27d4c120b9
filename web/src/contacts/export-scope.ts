import type { ExportSelection } from '../../../src/shared/export-schemas';
import { contactCount } from './bulk-summary';
import { bulkSelectionOf, type ListSelection } from './list-selection';

/** What an export from the list covers: the selection sent to the server, and the same in words. */
export interface ExportScope {
  selection: ExportSelection;
  scope: string;
}

/** The toolbar's export: every contact matching the search, or every contact. */
export function listExportScope(q: string, total: number | null): ExportScope {
  const search = q.trim();
  const count = total === null ? 'the contacts' : `all ${contactCount(total)}`;
  return search
    ? { selection: { q: search }, scope: `${count} matching “${search}”` }
    : { selection: { all: true }, scope: count };
}

/** The selection bar's export: the ticked contacts, or all matching when that is what is selected. */
export function selectionExportScope(selection: ListSelection, q: string, count: number): ExportScope | null {
  const target = bulkSelectionOf(selection, q);
  if (!target) return null;
  if (selection.kind === 'all') return listExportScope(q, count);
  return { selection: target, scope: `the ${contactCount(count)} selected` };
}
