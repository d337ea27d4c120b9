/** A cell of the grid: row -1 is the header row; column 0 is the selection checkbox. */
export interface GridCell {
  row: number;
  col: number;
}

/** Reads a cell's `data-cell` attribute (`row:col`); null for anything else. */
export function parseCell(key: string | null | undefined): GridCell | null {
  const match = /^(-?\d+):(\d+)$/.exec(key ?? '');
  return match ? { row: Number(match[1]), col: Number(match[2]) } : null;
}

/** The size of the grid, for keyboard moves. */
export interface GridBounds {
  rowCount: number;
  colCount: number;
  /** Rows in view, for Page Up and Page Down. */
  pageRows: number;
}

/** Where a navigation key moves the focus from a cell; null for keys that do not move it. */
export function cellAfterKey(
  key: string,
  from: GridCell,
  bounds: GridBounds,
  modifiers: { ctrl: boolean },
): GridCell | null {
  const lastRow = bounds.rowCount - 1;
  const lastCol = bounds.colCount - 1;
  const clampRow = (row: number) => Math.max(-1, Math.min(lastRow, row));
  switch (key) {
    case 'ArrowDown':
      return { row: clampRow(from.row + 1), col: from.col };
    case 'ArrowUp':
      return { row: clampRow(from.row - 1), col: from.col };
    case 'ArrowRight':
      return { row: from.row, col: Math.min(lastCol, from.col + 1) };
    case 'ArrowLeft':
      return { row: from.row, col: Math.max(0, from.col - 1) };
    case 'Home':
      return modifiers.ctrl ? { row: Math.min(0, lastRow), col: 0 } : { row: from.row, col: 0 };
    case 'End':
      return modifiers.ctrl ? { row: lastRow, col: lastCol } : { row: from.row, col: lastCol };
    case 'PageDown':
      return { row: clampRow(Math.max(from.row, 0) + bounds.pageRows), col: from.col };
    case 'PageUp':
      return { row: clampRow(Math.max(from.row - bounds.pageRows, 0)), col: from.col };
    default:
      return null;
  }
}

/** The next (or previous) editable column after `col`, for Tab while editing; null at the end of the row. */
export function nextEditableColumn(
  editable: readonly boolean[],
  col: number,
  backwards: boolean,
): number | null {
  const step = backwards ? -1 : 1;
  for (let next = col + step; next >= 0 && next < editable.length; next += step)
    if (editable[next]) return next;
  return null;
}
