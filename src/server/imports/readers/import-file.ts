import type { ImportFormat } from '../../../shared/import-schemas.js';
import { sniffDelimiter } from './csv-dialect.js';
import { readCsvRecords } from './csv-rows.js';
import { decodeHead, detectEncoding } from './detect-encoding.js';
import { detectFormat, unreadableFile } from './detect-format.js';
import { limitRecord, type SourceRecord } from './source-record.js';
import { readFileHead } from './text-stream.js';
import { readVcardRecords, VCARD_HEADERS } from './vcard-rows.js';
import { readXlsxRecords } from './xlsx-rows.js';

/** How a file is read: found by inspectImportFile, stored, and given back to readImportRows. */
export interface SourceInfo {
  format: ImportFormat;
  encoding: string | null;
  delimiter: string | null;
  headers: string[];
}

/** One data row: number 1 is the first row after the header; `error` when the row could not be read (cells then hold what was read, possibly []). */
export interface SourceRow {
  number: number;
  cells: string[];
  error?: string;
}

/** Bytes read to detect the format, encoding and delimiter. */
const SNIFF_BYTES = 64 * 1024;
/** Data rows inspectImportFile returns unless told otherwise. */
const DEFAULT_SAMPLE_ROWS = 20;

/** Detects format (by content first, extension second), encoding, delimiter and headers, and returns the first `sampleRows` data rows (default 20). Throws AppError('unreadable_file', 400, message) only when the file cannot be read at all. */
export async function inspectImportFile(
  path: string,
  fileName: string,
  sampleRows: number = DEFAULT_SAMPLE_ROWS,
): Promise<SourceInfo & { sample: SourceRow[] }> {
  const head = await readFileHead(path, SNIFF_BYTES);
  const format = detectFormat(head, fileName);
  const encoding = format === 'xlsx' ? null : detectEncoding(head);
  const delimiter =
    format === 'csv' && encoding
      ? sniffDelimiter(decodeHead(head, encoding), head.length < SNIFF_BYTES)
      : null;
  const how = { format, encoding, delimiter };
  let headers: string[] | null = format === 'vcf' ? [...VCARD_HEADERS] : null;
  const sample: SourceRow[] = [];
  if (sampleRows > 0 || headers === null) {
    for await (const record of readSourceRecords(path, how)) {
      if (headers === null) {
        if (record.error) throw unreadableFile(sentence(record.error));
        headers = headerNames(record.cells);
      } else {
        sample.push(sourceRow(sample.length + 1, record));
      }
      if (headers !== null && sample.length >= sampleRows) break;
    }
  }
  if (headers === null)
    throw unreadableFile(
      format === 'xlsx'
        ? 'The first worksheet of this workbook is empty'
        : 'The file has no header row: it has only blank lines',
    );
  return { ...how, headers, sample };
}

/** Streams every data row of the file, in order, never holding the whole file in memory. Never throws for bad content: a malformed record becomes a row with `error`. (I/O errors may throw.) */
export async function* readImportRows(path: string, info: SourceInfo): AsyncIterable<SourceRow> {
  let headerPending = info.format !== 'vcf';
  let number = 0;
  for await (const record of readSourceRecords(path, info)) {
    if (headerPending && !record.error) {
      headerPending = false;
      continue;
    }
    headerPending = false;
    yield sourceRow(++number, record);
  }
}

function readSourceRecords(
  path: string,
  { format, encoding, delimiter }: Pick<SourceInfo, 'format' | 'encoding' | 'delimiter'>,
): AsyncGenerator<SourceRecord> {
  switch (format) {
    case 'csv':
      return readCsvRecords(path, encoding ?? 'utf-8', delimiter ?? ',');
    case 'xlsx':
      return readXlsxRecords(path);
    case 'vcf':
      return readVcardRecords(path, encoding ?? 'utf-8');
  }
}

/** Header cells trimmed, without BOM; a blank one is named `Column N`. */
function headerNames(cells: string[]): string[] {
  return limitRecord({ cells }).cells.map(
    (cell, index) => cell.replace(/^\uFEFF/, '').trim() || `Column ${index + 1}`,
  );
}

function sourceRow(number: number, record: SourceRecord): SourceRow {
  const { cells, error } = limitRecord(record);
  return error ? { number, cells, error } : { number, cells };
}

function sentence(clause: string): string {
  return clause.charAt(0).toUpperCase() + clause.slice(1);
}
