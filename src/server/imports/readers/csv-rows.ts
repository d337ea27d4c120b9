import { pipeline, type TransformCallback } from 'node:stream';
import { CsvError, Parser } from 'csv-parse';
import { isBlankRecord, MAX_CELLS, type SourceRecord } from './source-record.js';
import { openTextStream } from './text-stream.js';

/** Longest record csv-parse buffers (about the characters of one row): beyond it the rest of the file is not read. */
export const MAX_RECORD_CHARACTERS = 1_000_000;

/** What the parser yields when it cannot go on. */
interface ParseFailure {
  failure: Error;
}

/** A csv-parse parser that, instead of failing, yields its error after the records parsed before it and ends. */
class TolerantParser extends Parser {
  override _transform(chunk: Buffer, encoding: BufferEncoding, callback: TransformCallback): void {
    super._transform(chunk, encoding, (error) => this.settle(error, callback));
  }

  override _flush(callback: TransformCallback): void {
    super._flush((error) => this.settle(error, callback));
  }

  private settle(error: Error | null | undefined, callback: TransformCallback): void {
    if (error) {
      this.push({ failure: error } satisfies ParseFailure);
      this.push(null);
    }
    callback();
  }
}

/** Streams the non-blank records of a CSV file, header included, each with its own number of cells; when the parser cannot go on, a last record carries the error. */
export async function* readCsvRecords(
  path: string,
  encoding: string,
  delimiter: string,
): AsyncGenerator<SourceRecord> {
  const text = openTextStream(path, encoding);
  const parser = new TolerantParser({
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    ignore_last_delimiters: MAX_CELLS + 1,
    max_record_size: MAX_RECORD_CHARACTERS,
  });
  pipeline(text, parser, () => undefined);
  try {
    for await (const record of parser as AsyncIterable<string[] | ParseFailure>) {
      if (!Array.isArray(record)) {
        yield { cells: [], error: failureMessage(record.failure) };
        return;
      }
      if (!isBlankRecord(record)) yield { cells: record };
    }
  } finally {
    parser.destroy();
    text.destroy();
  }
}

function failureMessage(error: Error): string {
  if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED')
    return 'a quote opened in this row is never closed, so the rest of the file could not be read';
  if (error instanceof CsvError && error.code === 'CSV_MAX_RECORD_SIZE')
    return `this row is longer than ${MAX_RECORD_CHARACTERS.toLocaleString('en-US')} characters (is a quote never closed?), so the rest of the file could not be read`;
  return `the rest of the file could not be read: ${error.message}`;
}
