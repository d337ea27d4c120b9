/**
 * Rows per multi-row statement for a table of `columns` columns: a power of two, far below the values one
 * statement may bind (SQLite 32,766, PostgreSQL 65,535).
 */
export function rowsPerStatement(columns: number): number {
  let rows = 512;
  while (rows > 1 && rows * columns > 8_000) rows /= 2;
  return rows;
}

/** Splits items into consecutive runs of at most `size`. */
export function inChunks<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Splits rows into statements of `size` (a power of two) rows, the rest into halving powers of two: a table
 * then meets a handful of statement sizes, each prepared once, instead of one per length of a remainder.
 */
export function statementChunks<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  let start = 0;
  while (start < items.length) {
    let rows = size;
    while (rows > items.length - start) rows = Math.max(1, Math.floor(rows / 2));
    chunks.push(items.slice(start, start + rows));
    start += rows;
  }
  return chunks;
}
