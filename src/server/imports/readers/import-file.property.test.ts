import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { inspectImportFile, readImportRows, type SourceInfo, type SourceRow } from './import-file.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../test/fixtures/imports/${name}`, import.meta.url));

let dir: string;
let files = 0;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolo-readers-property-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(content: Buffer | string, extension = '.csv'): string {
  const path = join(dir, `${++files}${extension}`);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string, info: SourceInfo): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of readImportRows(path, info)) rows.push(row);
  return rows;
}

function expectNumberedInOrder(rows: SourceRow[]): void {
  expect(rows.map((row) => row.number)).toEqual(rows.map((_, index) => index + 1));
}

const DELIMITERS = [',', ';', '\t', '|'] as const;
const ENCODINGS = ['utf-8', 'utf-16le'] as const;

/** Text with the characters CSV must quote, non-Latin letters and emoji, but no control characters. */
const cellText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      ',',
      ';',
      '\t',
      '|',
      '"',
      '\n',
      '\r',
      '\r\n',
      ' ',
      "'",
      '\\',
      '=',
      'a',
      'Z',
      '0',
      'é',
      'ß',
      '€',
      '😀',
    ),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 12,
});

function encoded(text: string, encoding: (typeof ENCODINGS)[number]): Buffer {
  return encoding === 'utf-8'
    ? Buffer.from(text)
    : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

const fixtureBytes = ['contacts.xlsx', 'android-2.1.vcf', 'quoted.csv', 'utf16le-bom.csv'].map((name) => ({
  name,
  bytes: readFileSync(fixture(name)),
}));

/** Random bytes, sometimes after the start of a zip, a vCard or a BOM, or a fixture with some bytes overwritten. */
const anyFile = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', 'PK\x03\x04', 'BEGIN:VCARD\r\n', '\uFEFF', 'Name,Phone\n"', 'a;b\n'),
      fc.uint8Array({ maxLength: 3_000 }),
    )
    .map(([start, bytes]) => Buffer.concat([Buffer.from(start), bytes])),
  fc
    .tuple(
      fc.constantFrom(...fixtureBytes),
      fc.array(fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 40 })), {
        minLength: 1,
        maxLength: 4,
      }),
    )
    .map(([{ bytes }, damages]) => {
      const damaged = Buffer.from(bytes);
      for (const [at, garbage] of damages) {
        const offset = at % damaged.length;
        damaged.set(garbage.subarray(0, damaged.length - offset), offset);
      }
      return damaged;
    }),
);

describe('reading any file', () => {
  it('either refuses it as unreadable or reads every row, numbered in order, in every format', async () => {
    await fc.assert(
      fc.asyncProperty(
        anyFile,
        fc.constantFrom('.csv', '.xlsx', '.vcf', '.txt'),
        async (bytes, extension) => {
          const path = write(bytes, extension);
          const inspected = await inspectImportFile(path, `upload${extension}`).catch((error: unknown) => {
            expect(error).toBeInstanceOf(AppError);
            expect((error as AppError).code).toBe('unreadable_file');
            return null;
          });
          if (inspected) {
            const rows = await readAll(path, inspected);
            expectNumberedInOrder(rows);
            expect(inspected.sample).toEqual(rows.slice(0, 20));
          }
          for (const format of ['csv', 'xlsx', 'vcf'] as const)
            expectNumberedInOrder(
              await readAll(path, { format, encoding: 'utf-8', delimiter: ',', headers: [] }),
            );
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('CSV round trips', () => {
  it.each(DELIMITERS.flatMap((delimiter) => ENCODINGS.map((encoding) => ({ delimiter, encoding }))))(
    'reads back any table written with $delimiter in $encoding',
    async ({ delimiter, encoding }) => {
      const table = fc
        .integer({ min: 2, max: 6 })
        .chain((columns) =>
          fc.array(fc.array(cellText, { minLength: columns, maxLength: columns }), { maxLength: 8 }),
        )
        .filter((rows) => rows.length > 0);
      await fc.assert(
        fc.asyncProperty(table, async (rows) => {
          const headers = rows[0]!.map((_, index) => `c${index + 1}`);
          const path = write(encoded(stringify([headers, ...rows], { delimiter }), encoding));
          const info = await inspectImportFile(path, 'table.csv');
          expect(info).toMatchObject({ format: 'csv', encoding, delimiter, headers });
          const read = await readAll(path, info);
          expect(read).toEqual(
            rows.filter((cells) => !isBlank(cells)).map((cells, index) => ({ number: index + 1, cells })),
          );
        }),
        { numRuns: 100 },
      );
    },
  );

  it('reads back ragged rows with their own number of cells', async () => {
    const ragged = fc.record({
      delimiter: fc.constantFrom(...DELIMITERS),
      columns: fc.integer({ min: 2, max: 5 }),
      rows: fc.array(fc.array(cellText, { minLength: 1, maxLength: 9 }), { maxLength: 10 }),
    });
    await fc.assert(
      fc.asyncProperty(ragged, async ({ delimiter, columns, rows }) => {
        const headers = Array.from({ length: columns }, (_, index) => `c${index + 1}`);
        const path = write(stringify([headers, ...rows], { delimiter }));
        const info = await inspectImportFile(path, 'ragged.csv');
        expect(info).toMatchObject({ delimiter, headers });
        const read = await readAll(path, info);
        expect(read).toEqual(
          rows.filter((cells) => !isBlank(cells)).map((cells, index) => ({ number: index + 1, cells })),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('turns a row with a 200,000-character field into an error row and reads on with the next row', async () => {
    const around = fc.array(fc.tuple(fc.stringMatching(/^[a-z]{1,8}$/), cellText), { maxLength: 3 });
    const layout = fc.record({ before: around, after: around, column: fc.integer({ min: 0, max: 1 }) });
    await fc.assert(
      fc.asyncProperty(layout, async ({ before, after, column }) => {
        const long = ['short', 'short'];
        long[column] = 'é'.repeat(200_000);
        const path = write(stringify([['Name', 'Note'], ...before, long, ...after]));
        const read = await readAll(path, await inspectImportFile(path, 'long.csv', 0));
        const cut = ['short', 'short'];
        cut[column] = 'é'.repeat(100_000);
        expect(read).toEqual([
          ...before.map((cells, index) => ({ number: index + 1, cells })),
          { number: before.length + 1, cells: cut, error: 'a cell is longer than 100,000 characters' },
          ...after.map((cells, index) => ({ number: before.length + 2 + index, cells })),
        ]);
      }),
      { numRuns: 100 },
    );
  });
});
