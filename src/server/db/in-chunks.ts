/**
 * Rows per multi-row statement for a table of `columns` columns: SQLite binds at most 32,766 values per
 * statement and PostgreSQL 65,535; staying far below keeps statements of one size, so they are prepared once.
 */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.min(500, Math.floor(8_000 / columns)));
}

/** Splits items into consecutive runs of at most `size`. */
export function inChunks<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}
