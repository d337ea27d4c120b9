import { PassThrough, Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CsvSheetWriter } from './csv-sheet-writer.js';
import type { ExportCell } from './export-cells.js';
import type { SheetWriter } from './sheet-writer.js';
import { XlsxSheetWriter } from './xlsx-sheet-writer.js';

/** A destination that takes one chunk per event-loop turn and keeps the largest backlog it was left with. */
function slowOutput() {
  const chunks: Buffer[] = [];
  const output = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      setImmediate(callback);
    },
  });
  return { output, received: () => Buffer.concat(chunks) };
}

/** A destination whose every write fails, like a full disk. */
const failingOutput = () =>
  new Writable({
    write(_chunk, _encoding, callback) {
      callback(new Error('disk full'));
    },
  });

const rowsOf = (count: number, from = 0): ExportCell[][] =>
  Array.from({ length: count }, (_, i) => [`Contact ${from + i}`, `'+55${from + i}`, i]);

describe('CSV sheet writer', () => {
  it('resolves a page only once the destination has room again', async () => {
    const { output, received } = slowOutput();
    const writer = await CsvSheetWriter.open(output, ['Name', 'Phone', 'N'], false);
    await writer.writeRows(rowsOf(2000));
    expect(output.writableLength).toBeLessThanOrEqual(output.writableHighWaterMark);
    await writer.finish();
    expect(received().toString('utf8').split('\r\n')).toHaveLength(2002);
  });

  it('fails instead of hanging when the destination fails', async () => {
    await expect(
      (async () => {
        const writer = await CsvSheetWriter.open(failingOutput(), ['Name'], false);
        await writer.writeRows(rowsOf(10));
        await writer.finish();
      })(),
    ).rejects.toThrow('disk full');
  });
});

describe('XLSX sheet writer', () => {
  const readBack = async (bytes: Buffer) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook.worksheets.map((sheet) => ({
      name: sheet.name,
      rows: (sheet.getSheetValues().slice(1) as unknown[][]).map((row) => row.slice(1)),
    }));
  };

  it('continues on a new sheet, header first, when one is full', async () => {
    const output = new PassThrough();
    const bytes = buffer(output);
    const writer: SheetWriter = XlsxSheetWriter.open(output, ['Name', 'Phone', 'N'], 3);
    await writer.writeRows(rowsOf(3));
    await writer.writeRows(rowsOf(2, 3));
    await writer.finish();
    const header = ['Name', 'Phone', 'N'];
    expect(await readBack(await bytes)).toEqual([
      {
        name: 'Contacts',
        rows: [header, ['Contact 0', "'+550", 0], ['Contact 1', "'+551", 1]],
      },
      {
        name: 'Contacts 2',
        rows: [header, ['Contact 2', "'+552", 2], ['Contact 3', "'+553", 0]],
      },
      { name: 'Contacts 3', rows: [header, ['Contact 4', "'+554", 1]] },
    ]);
  });

  it('lets a slow destination take each page in before writing the next, and writes a whole workbook', async () => {
    const { output, received } = slowOutput();
    const writer = XlsxSheetWriter.open(output, ['Name', 'Phone', 'N']);
    const deliveredAfterPage: number[] = [];
    for (let page = 0; page < 10; page++) {
      await writer.writeRows(rowsOf(2000, page * 2000));
      deliveredAfterPage.push(received().length);
    }
    await writer.finish();
    const total = received().length;
    const behind = deliveredAfterPage.map((delivered, page) => (total * (page + 1)) / 10 - delivered);
    expect(Math.max(...behind)).toBeLessThan(total / 5);
    const [sheet] = await readBack(received());
    expect(sheet!.rows).toHaveLength(20_001);
    expect(sheet!.rows[20_000]).toEqual(['Contact 19999', "'+5519999", 1999]);
  });

  it('fails instead of hanging when the destination fails', async () => {
    await expect(
      (async () => {
        const writer = XlsxSheetWriter.open(failingOutput(), ['Name']);
        for (let page = 0; page < 5; page++) await writer.writeRows(rowsOf(2000));
        await writer.finish();
      })(),
    ).rejects.toThrow('disk full');
  });
});
