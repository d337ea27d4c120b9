import type { Writable } from 'node:stream';
import type { ExportFormat } from '../../shared/export-schemas.js';
import { cellReaders, headerCells } from './export-cells.js';
import type { ExportColumn } from './export-columns.js';
import type { ExportPage } from './export-pages.js';
import { CsvSheetWriter } from './csv-sheet-writer.js';
import type { SheetWriter } from './sheet-writer.js';
import { XlsxSheetWriter } from './xlsx-sheet-writer.js';

/** Told after each page: items of the selection done, and the total (never below `done`). */
export type ExportProgress = (done: number, total: number) => Promise<void> | void;

/** What one export file is made of, and where it goes. */
export interface ExportFileSpec {
  pages: AsyncIterable<ExportPage>;
  columns: ExportColumn[];
  format: ExportFormat;
  /** CSV only: start with a UTF-8 byte order mark. */
  bom: boolean;
  output: Writable;
  /** Items in the selection, as counted before the export started. */
  total: number;
  onProgress?: ExportProgress | undefined;
}

async function openSheet(spec: ExportFileSpec): Promise<SheetWriter> {
  const headers = headerCells(spec.columns);
  return spec.format === 'csv'
    ? CsvSheetWriter.open(spec.output, headers, spec.bom)
    : XlsxSheetWriter.open(spec.output, headers);
}

/**
 * Streams the pages into one CSV or XLSX file on the output, a page at a time, reporting progress after each;
 * ends the output and returns how many contacts were written.
 */
export async function writeExportFile(spec: ExportFileSpec): Promise<number> {
  const readers = cellReaders(spec.columns);
  const sheet = await openSheet(spec);
  let rows = 0;
  let done = 0;
  for await (const page of spec.pages) {
    await sheet.writeRows(page.records.map((record) => readers.map((read) => read(record))));
    rows += page.records.length;
    done += page.processed;
    await spec.onProgress?.(done, Math.max(spec.total, done));
  }
  await sheet.finish();
  return rows;
}
