import type { FilterNode } from '../../../src/shared/filter/filter-tree';
import type { Selection } from '../../../src/shared/bulk-schemas';

/** A row as selection knows it: its id and the name to report it by. */
export interface SelectableRow {
  id: string;
  name: string;
}

/** Which contacts are selected: listed rows (with the row a shift-click extends from), or all that match. */
export type ListSelection =
  { kind: 'rows'; rows: ReadonlyMap<string, string>; anchor: number | null } | { kind: 'all' };

/** Nothing selected. */
export const NO_SELECTION: ListSelection = { kind: 'rows', rows: new Map(), anchor: null };

/** What a checkbox click knows: the row, its position, whether Shift was held, and how to read other rows. */
export interface RowToggle {
  index: number;
  row: SelectableRow;
  shift: boolean;
  /** Loaded rows from one position to another (inclusive, either order). */
  rowsBetween(from: number, to: number): SelectableRow[];
  /** Loaded rows of the page in view, to fall back to when leaving "all matching". */
  pageRows: SelectableRow[];
}

/** True when the row is selected. */
export function isRowSelected(selection: ListSelection, id: string): boolean {
  return selection.kind === 'all' || selection.rows.has(id);
}

/** How many contacts are selected, given how many match. */
export function selectedCount(selection: ListSelection, total: number): number {
  return selection.kind === 'all' ? total : selection.rows.size;
}

/**
 * Applies a checkbox click. A plain click toggles the row; a shift-click selects every loaded row from the last
 * clicked one to this one. Unticking a row while all matching are selected keeps the page's rows but that one.
 */
export function toggleRow(selection: ListSelection, toggle: RowToggle): ListSelection {
  if (selection.kind === 'all') {
    const rows = new Map(toggle.pageRows.map((r) => [r.id, r.name]));
    rows.delete(toggle.row.id);
    return { kind: 'rows', rows, anchor: toggle.index };
  }
  const rows = new Map(selection.rows);
  if (toggle.shift && selection.anchor !== null && selection.anchor !== toggle.index) {
    for (const row of toggle.rowsBetween(selection.anchor, toggle.index)) rows.set(row.id, row.name);
  } else if (rows.has(toggle.row.id)) {
    rows.delete(toggle.row.id);
  } else {
    rows.set(toggle.row.id, toggle.row.name);
  }
  return { kind: 'rows', rows, anchor: toggle.index };
}

/** Selects the given rows (the page in view) on top of what is selected. */
export function selectRows(selection: ListSelection, rows: SelectableRow[]): ListSelection {
  if (selection.kind === 'all') return selection;
  const next = new Map(selection.rows);
  for (const row of rows) next.set(row.id, row.name);
  return { kind: 'rows', rows: next, anchor: selection.anchor };
}

/** True when every one of these rows is selected (and there is at least one). */
export function allRowsSelected(selection: ListSelection, rows: SelectableRow[]): boolean {
  return rows.length > 0 && rows.every((row) => isRowSelected(selection, row.id));
}

/** The selection to send with a bulk action: the ids, the filter (with the search words in it), the search, or everyone. */
export function bulkSelectionOf(
  selection: ListSelection,
  q: string,
  filter: FilterNode | null = null,
): Selection | null {
  if (selection.kind === 'all' && filter)
    return {
      filter: q.trim() ? { and: [filter, { field: 'search', op: 'matches', value: q.trim() }] } : filter,
    };
  if (selection.kind === 'all') return q.trim() ? { q: q.trim() } : { all: true };
  return selection.rows.size ? { ids: [...selection.rows.keys()] } : null;
}
