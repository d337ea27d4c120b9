import { describe, expect, it } from 'vitest';
import {
  allRowsSelected,
  bulkSelectionOf,
  isRowSelected,
  NO_SELECTION,
  selectedCount,
  selectRows,
  toggleRow,
  type SelectableRow,
} from './list-selection';

const rows: SelectableRow[] = Array.from({ length: 10 }, (_, i) => ({ id: `c${i}`, name: `Contact ${i}` }));
const click = (index: number, shift = false) => ({
  index,
  row: rows[index]!,
  shift,
  rowsBetween: (a: number, b: number) => rows.slice(Math.min(a, b), Math.max(a, b) + 1),
  pageRows: rows,
});

describe('list selection', () => {
  it('toggles a row on and off', () => {
    const on = toggleRow(NO_SELECTION, click(2));
    expect(isRowSelected(on, 'c2')).toBe(true);
    expect(isRowSelected(toggleRow(on, click(2)), 'c2')).toBe(false);
  });

  it('selects a range with shift-click, in either direction', () => {
    const down = toggleRow(toggleRow(NO_SELECTION, click(2)), click(5, true));
    expect(selectedCount(down, 100)).toBe(4);
    const up = toggleRow(toggleRow(NO_SELECTION, click(7)), click(4, true));
    expect(['c4', 'c5', 'c6', 'c7'].every((id) => isRowSelected(up, id))).toBe(true);
    expect(isRowSelected(up, 'c3')).toBe(false);
  });

  it('selects a page and then everything matching', () => {
    const page = selectRows(NO_SELECTION, rows);
    expect(allRowsSelected(page, rows)).toBe(true);
    expect(bulkSelectionOf(page, '')).toEqual({ ids: rows.map((r) => r.id) });
    expect(bulkSelectionOf({ kind: 'all' }, ' ana ')).toEqual({ q: 'ana' });
    expect(bulkSelectionOf({ kind: 'all' }, '')).toEqual({ all: true });
    expect(selectedCount({ kind: 'all' }, 12_345)).toBe(12_345);
  });

  it('falls back to the page minus the unticked row when leaving "all matching"', () => {
    const next = toggleRow({ kind: 'all' }, click(3));
    expect(selectedCount(next, 1000)).toBe(9);
    expect(isRowSelected(next, 'c3')).toBe(false);
  });

  it('sends nothing when nothing is selected', () => {
    expect(bulkSelectionOf(NO_SELECTION, 'x')).toBeNull();
  });
});
