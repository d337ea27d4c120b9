import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportCell } from './export-cells.js';
import type { SheetWriter } from './sheet-writer.js';
import { drained, holdErrors, relayTo, waitForRoom } from './stream-writes.js';

const SHEET_NAME = 'Contacts';
const COLUMN_WIDTH = 20;

/** A readable-stream (v2) writable, as exceljs's zip library uses: its state is only in `_writableState`. */
interface LegacyWritable {
  _writableState?: { needDrain?: boolean };
}

/** Rows an Excel sheet can hold, its header included; larger exports continue on `Contacts 2`, `Contacts 3`… */
export const EXCEL_MAX_ROWS = 1_048_576;

/**
 * An XLSX workbook written with exceljs's streaming writer: each row is committed as it is added, so memory
 * stays flat. Strings are text cells (phones and ids are never turned into numbers), numbers are number cells.
 * Inline strings instead of a shared-strings table, which would hold every distinct text in memory.
 */
export class XlsxSheetWriter implements SheetWriter {
  private sheet: ExcelJS.Worksheet;
  private sheets = 0;
  private rowsInSheet = 0;
  /** Rejects when the output fails, so that nothing waits for a `finish` or `drain` that will not come. */
  private readonly failed: Promise<never>;

  private constructor(
    private readonly relay: Writable,
    private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter,
    private readonly headers: string[],
    private readonly rowsPerSheet: number,
  ) {
    this.failed = new Promise((_resolve, reject) => relay.on('error', reject));
    this.failed.catch(() => undefined);
    this.sheet = this.addSheet();
  }

  /** Starts the workbook with its first sheet, the header row frozen. */
  static open(output: Writable, headers: string[], rowsPerSheet = EXCEL_MAX_ROWS): XlsxSheetWriter {
    holdErrors(output);
    const relay = relayTo(output);
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: relay,
      useSharedStrings: false,
      useStyles: false,
    });
    workbook.creator = 'Rolo';
    return new XlsxSheetWriter(relay, workbook, headers, rowsPerSheet);
  }

  /**
   * Commits the rows, starting a new sheet whenever one is full, then waits until the zip has taken in the XML
   * they became and the output has room: compression runs on other threads, so without this wait a fast
   * producer would pile the whole sheet up in memory in front of it.
   */
  async writeRows(rows: ExportCell[][]): Promise<void> {
    if (this.relay.errored) throw this.relay.errored;
    for (const row of rows) {
      if (this.rowsInSheet === this.rowsPerSheet) {
        this.sheet.commit();
        this.sheet = this.addSheet();
      }
      this.sheet.addRow(row).commit();
      this.rowsInSheet++;
    }
    await this.xmlTakenIn();
    await Promise.race([waitForRoom(this.relay), this.failed]);
  }

  /** Commits the sheet and the workbook; resolves once the output has finished (the relay finishes after it). */
  async finish(): Promise<void> {
    this.sheet.commit();
    await Promise.race([this.workbook.commit(), this.failed]);
  }

  /**
   * Waits until the zip has read the sheet's XML: exceljs (4.4) writes each sheet into a readable-stream
   * PassThrough that archiver reads, ignoring its backpressure, so that queue is watched here instead.
   */
  private async xmlTakenIn(): Promise<void> {
    const { stream } = this.sheet as unknown as { stream?: { pipes?: LegacyWritable[] } };
    for (const queue of stream?.pipes ?? []) {
      if (queue._writableState?.needDrain)
        await Promise.race([drained(queue as unknown as Writable), this.failed]);
    }
  }

  private addSheet(): ExcelJS.Worksheet {
    this.sheets++;
    const name = this.sheets === 1 ? SHEET_NAME : `${SHEET_NAME} ${this.sheets}`;
    const sheet = this.workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = this.headers.map(() => ({ width: COLUMN_WIDTH }));
    sheet.addRow(this.headers).commit();
    this.rowsInSheet = 1;
    return sheet;
  }
}
