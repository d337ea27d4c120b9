import type { ExportCell } from './export-cells.js';

/** Writes the rows of one export file to a stream, a page at a time. */
export interface SheetWriter {
  /** Writes rows, and resolves once the stream can take more (backpressure). */
  writeRows(rows: ExportCell[][]): Promise<void>;
  /** Completes the file and ends the stream; resolves once everything was handed to it. */
  finish(): Promise<void>;
}
