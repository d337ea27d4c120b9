/** At most this many cells are kept from one row; a longer row becomes an error row. */
export const MAX_CELLS = 1_000;
/** At most this many characters are kept from one cell; a longer cell makes its row an error row. */
export const MAX_CELL_LENGTH = 100_000;

/** One record as a reader yields it, before numbering: the header row first (CSV, Excel), then data rows. */
export interface SourceRecord {
  cells: string[];
  /** Why the record could not be read (fully); `cells` then hold what was read. */
  error?: string;
}

/** Truncates a record to MAX_CELLS cells of MAX_CELL_LENGTH characters, saying so in `error`. */
export function limitRecord(record: SourceRecord): SourceRecord {
  const problems = record.error ? [record.error] : [];
  let cells = record.cells;
  if (cells.length > MAX_CELLS) {
    problems.push(`the row has more than ${MAX_CELLS.toLocaleString('en-US')} cells`);
    cells = cells.slice(0, MAX_CELLS);
  }
  if (cells.some((cell) => cell.length > MAX_CELL_LENGTH)) {
    problems.push(`a cell is longer than ${MAX_CELL_LENGTH.toLocaleString('en-US')} characters`);
    cells = cells.map((cell) => cell.slice(0, MAX_CELL_LENGTH));
  }
  return problems.length > 0 ? { cells, error: problems.join('; ') } : { cells };
}

/** True when every cell is empty or whitespace: such rows are skipped. */
export function isBlankRecord(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}
