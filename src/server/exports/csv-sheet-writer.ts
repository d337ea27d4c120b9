import type { Writable } from 'node:stream';
import type { ExportCell } from './export-cells.js';
import { encodeCsvRows } from './encode-csv.js';
import type { SheetWriter } from './sheet-writer.js';
import { endStream, holdErrors, writeChunk } from './stream-writes.js';

/** The UTF-8 byte order mark Excel looks for to read a CSV file as UTF-8. */
const BOM = '\uFEFF';

/** A UTF-8 CSV file with CRLF line ends: each page is encoded and written as one chunk, honouring backpressure. */
export class CsvSheetWriter implements SheetWriter {
  private constructor(private readonly output: Writable) {}

  /** Starts the file with the optional BOM and the header row. */
  static async open(output: Writable, headers: string[], bom: boolean): Promise<CsvSheetWriter> {
    holdErrors(output);
    await writeChunk(output, `${bom ? BOM : ''}${encodeCsvRows([headers])}`);
    return new CsvSheetWriter(output);
  }

  /** Writes the rows as one chunk. */
  async writeRows(rows: ExportCell[][]): Promise<void> {
    if (rows.length) await writeChunk(this.output, encodeCsvRows(rows));
  }

  /** Ends the stream and waits until it has flushed. */
  async finish(): Promise<void> {
    await endStream(this.output);
  }
}
