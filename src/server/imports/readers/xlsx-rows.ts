import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { isBlankRecord, type SourceRecord } from './source-record.js';
import { xlsxCellText } from './xlsx-cell-text.js';
import { isWorksheet, readZipDirectory, workbookStream } from './xlsx-zip.js';

/** Why a zip archive without a worksheet cannot be imported. */
const NOT_A_WORKBOOK =
  'this zip file is not an Excel workbook: open it in its app and save it as .xlsx (Excel) or CSV';

/** Why a damaged workbook cannot be read. */
const DAMAGED = 'the workbook could not be read: it is damaged or not an Excel .xlsx file';

/** Streams the non-blank rows (trailing empty cells dropped) of an .xlsx file's first worksheet, header included; a damaged workbook ends with a record carrying the error. */
export async function* readXlsxRecords(path: string): AsyncGenerator<SourceRecord> {
  const entries = await readZipDirectory(path);
  if (!entries) {
    yield { cells: [], error: DAMAGED };
    return;
  }
  if (!entries.some(isWorksheet)) {
    yield { cells: [], error: NOT_A_WORKBOOK };
    return;
  }
  const zip = workbookStream(path, entries);
  const failed = failureOf(zip);
  const orFailure = <T>(step: Promise<T>) => Promise.race([step, failed]);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(zip, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let rowsRead = 0;
  try {
    const firstWorksheet = await orFailure(workbook[Symbol.asyncIterator]().next());
    if (firstWorksheet.done) {
      yield { cells: [], error: NOT_A_WORKBOOK };
      return;
    }
    const rows = firstWorksheet.value[Symbol.asyncIterator]();
    for (let row = await orFailure(rows.next()); !row.done; row = await orFailure(rows.next())) {
      const cells = rowCells(row.value);
      rowsRead++;
      if (!isBlankRecord(cells)) yield { cells };
    }
  } catch (error) {
    if (isSystemError(error)) throw error;
    yield {
      cells: [],
      error: rowsRead === 0 ? DAMAGED : 'the workbook is damaged here, so the rest of it could not be read',
    };
  } finally {
    zip.destroy();
  }
}

/** Rejects when the zip stream fails or the unzipper exceljs pipes it into does (exceljs would wait forever for a damaged entry). */
function failureOf(zip: Readable): Promise<never> {
  const failed = new Promise<never>((_, reject) => {
    zip.once('error', reject);
    const pipe = zip.pipe.bind(zip);
    zip.pipe = <T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
      destination.once('error', reject);
      return pipe(destination, options);
    };
  });
  failed.catch(() => undefined);
  return failed;
}

function rowCells(row: ExcelJS.Row): string[] {
  const cells: string[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const text = xlsxCellText(cell.value, cell.numFmt);
    if (text === '') return;
    while (cells.length < column - 1) cells.push('');
    cells[column - 1] = text;
  });
  return cells;
}

/** File system failures (the upload vanished, the disk failed) are not problems of the workbook. */
function isSystemError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).syscall === 'string';
}
