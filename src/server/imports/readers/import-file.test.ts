import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.js';
import { inspectImportFile, readImportRows, type SourceInfo, type SourceRow } from './import-file.js';
import { VCARD_HEADERS } from './vcard-rows.js';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../../test/fixtures/imports/${name}`, import.meta.url));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rolo-readers-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes a file into the test's temporary folder and returns its path. */
function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Writes a workbook without shared strings (its worksheet comes before its relationships, too). */
async function writeInlineWorkbook(name: string, rows: unknown[][]): Promise<string> {
  const path = join(dir, name);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Inline');
  for (const row of rows) sheet.addRow(row).commit();
  await workbook.commit();
  return path;
}

async function readAll(path: string, info: SourceInfo): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of readImportRows(path, info)) rows.push(row);
  return rows;
}

/** Inspects a file and reads all its rows, checking that the sample is the start of them. */
async function load(path: string, fileName = path) {
  const info = await inspectImportFile(path, fileName);
  const rows = await readAll(path, info);
  expect(info.sample).toEqual(rows.slice(0, 20));
  return { info, rows, cells: rows.map((row) => row.cells) };
}

async function unreadable(path: string, fileName = path): Promise<string> {
  const error: unknown = await inspectImportFile(path, fileName).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AppError);
  expect(error).toMatchObject({ code: 'unreadable_file', status: 400 });
  return (error as AppError).message;
}

describe('CSV files', () => {
  it.each([
    {
      file: 'comma.csv',
      encoding: 'utf-8',
      delimiter: ',',
      headers: ['Name', 'Phone', 'Email', 'City'],
      cells: [
        ['Ana Souza', '+55 11 91234-5678', 'ana@example.com', 'São Paulo'],
        ['Bruno Lima', '(21) 99876-5432', 'bruno@example.com', 'Rio de Janeiro'],
      ],
    },
    {
      file: 'semicolon.csv',
      encoding: 'utf-8',
      delimiter: ';',
      headers: ['Nome', 'Telefone', 'Saldo', 'Peso'],
      cells: [
        ['Ana', '11 91234-5678', '1.234,56', '62,5'],
        ['Bruno', '21 99876-5432', '-10,00', '80,1'],
      ],
    },
    {
      file: 'tab.tsv',
      encoding: 'utf-8',
      delimiter: '\t',
      headers: ['Name', 'Phone', 'Note'],
      cells: [
        ['Ana', '+55 11 91234-5678', 'likes tea, coffee'],
        ['Bruno', '+55 21 99876-5432', 'call after 6, not before'],
      ],
    },
    {
      file: 'pipe.csv',
      encoding: 'utf-8',
      delimiter: '|',
      headers: ['name', 'phone', 'tags'],
      cells: [
        ['Ana', '5511912345678', 'vip;lead'],
        ['Bruno', '5521998765432', 'a|b'],
      ],
    },
    {
      file: 'quoted.csv',
      encoding: 'utf-8',
      delimiter: ',',
      headers: ['Name', 'Address', 'Note'],
      cells: [
        ['Souza, Ana', 'Rua A, 1\nApto 2', 'She said "hi"'],
        ['Bruno', '', '"'],
        ['Lima "BL"', '5" screen', 'multi\nline\nnote'],
      ],
    },
    {
      file: 'utf8-bom.csv',
      encoding: 'utf-8',
      delimiter: ',',
      headers: ['Name', 'City'],
      cells: [['Ana', 'São Paulo']],
    },
    {
      file: 'utf16le-bom.csv',
      encoding: 'utf-16le',
      delimiter: '\t',
      headers: ['Name', 'City'],
      cells: [
        ['李雷', '北京'],
        ['Zoë', 'Zürich'],
      ],
    },
    {
      file: 'utf16be.csv',
      encoding: 'utf-16be',
      delimiter: ',',
      headers: ['Name', 'City'],
      cells: [
        ['Zoë', 'Zürich'],
        ['Ana', 'São Paulo'],
      ],
    },
    {
      file: 'windows-1252.csv',
      encoding: 'windows-1252',
      delimiter: ';',
      headers: ['Nome', 'Cidade', 'Preço'],
      cells: [
        ['José', 'São Paulo', '10 €'],
        ['Müller', 'Köln', '7,50 €'],
      ],
    },
    {
      file: 'crlf.csv',
      encoding: 'utf-8',
      delimiter: ',',
      headers: ['Name', 'Note'],
      cells: [
        ['Ana', 'line 1\r\nline 2'],
        ['Bruno', 'ok'],
      ],
    },
  ])('reads $file', async ({ file, encoding, delimiter, headers, cells }) => {
    const { info, rows } = await load(fixture(file), file);
    expect(info).toMatchObject({ format: 'csv', encoding, delimiter, headers });
    expect(rows).toEqual(cells.map((rowCells, index) => ({ number: index + 1, cells: rowCells })));
  });

  it('keeps ragged rows as they are, names blank headers and skips blank lines', async () => {
    const { info, rows } = await load(fixture('ragged.csv'), 'ragged.csv');
    expect(info.headers).toEqual(['Name', 'Column 2', 'Phone', 'Column 4']);
    expect(rows).toEqual([
      { number: 1, cells: ['Ana', 'x', '1'] },
      { number: 2, cells: ['Bruno', 'y', '2', 'extra', 'more'] },
      { number: 3, cells: ['Carla'] },
      { number: 4, cells: ['Dani', '', '', ''] },
      { number: 5, cells: ['Eva', 'z', '3', 'w'] },
    ]);
  });

  it('reads CR line ends, mixed line ends and a header after blank lines', async () => {
    const { info, cells } = await load(write('mixed.csv', '\r\n  \nName;Phone\r1;2\n3;4\r\n5;6'));
    expect(info).toMatchObject({ delimiter: ';', headers: ['Name', 'Phone'] });
    expect(cells).toEqual([
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('turns a row with a 200,000-character cell into an error row with the cell cut, and reads on', async () => {
    const { rows } = await load(write('long-cell.csv', `Name,Note\nAna,${'x'.repeat(200_000)}\nBruno,ok\n`));
    expect(rows).toEqual([
      { number: 1, cells: ['Ana', 'x'.repeat(100_000)], error: 'a cell is longer than 100,000 characters' },
      { number: 2, cells: ['Bruno', 'ok'] },
    ]);
  });

  it('turns a row with more than 1,000 cells into an error row with 1,000 cells, and reads on', async () => {
    const { rows } = await load(write('wide.csv', `a,b\n${'x,'.repeat(5_000)}x\nBruno,ok\n`));
    expect(rows).toEqual([
      { number: 1, cells: Array<string>(1_000).fill('x'), error: 'the row has more than 1,000 cells' },
      { number: 2, cells: ['Bruno', 'ok'] },
    ]);
  });

  it('ends with one error row when a quote is never closed', async () => {
    const { rows } = await load(write('unclosed.csv', 'Name,Note\nAna,ok\nBruno,"never closed\nCarla,x\n'));
    expect(rows).toEqual([
      { number: 1, cells: ['Ana', 'ok'] },
      {
        number: 2,
        cells: [],
        error: 'a quote opened in this row is never closed, so the rest of the file could not be read',
      },
    ]);
  });

  it('ends with one error row when a row is longer than csv-parse buffers', async () => {
    const { rows } = await load(
      write('huge-row.csv', `Name,Note\nAna,ok\nBruno,"${'y'.repeat(1_100_000)}"\nCarla,x\n`),
    );
    expect(rows).toEqual([
      { number: 1, cells: ['Ana', 'ok'] },
      {
        number: 2,
        cells: [],
        error:
          'this row is longer than 1,000,000 characters (is a quote never closed?), so the rest of the file could not be read',
      },
    ]);
  });

  it('returns as many sample rows as asked', async () => {
    const info = await inspectImportFile(fixture('ragged.csv'), 'ragged.csv', 2);
    expect(info.sample.map((row) => row.number)).toEqual([1, 2]);
    expect((await inspectImportFile(fixture('ragged.csv'), 'ragged.csv', 0)).sample).toEqual([]);
  });
});

describe('Excel workbooks', () => {
  it('reads the first worksheet from its first non-empty row, with values as text', async () => {
    const { info, rows } = await load(fixture('contacts.xlsx'), 'contacts.xlsx');
    expect(info).toMatchObject({
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      headers: [
        'Name',
        'Phone',
        'Birthday',
        'Last visit',
        'Greeting',
        'Bio',
        'Website',
        'Active',
        'Check',
        'Score',
        'Member since',
      ],
    });
    expect(rows).toEqual([
      {
        number: 1,
        cells: [
          'Ana Souza',
          '5511987654321',
          '1990-05-17',
          '2024-03-05T14:30:00',
          'Ana Souza !',
          'Loves tea',
          'ana.example',
          'true',
          '',
          '43',
          '2020-01-02',
        ],
      },
      { number: 2, cells: ['Bruno Lima', '', '1985-12-01', '', '', '  '] },
      { number: 3, cells: ['Carla', '0.0000001', '', '', '', 'Line 1\nLine 2'] },
    ]);
  });

  it('detects a workbook by its content whatever its name', async () => {
    const path = join(dir, 'renamed.csv');
    copyFileSync(fixture('contacts.xlsx'), path);
    expect((await inspectImportFile(path, 'renamed.csv')).format).toBe('xlsx');
  });

  it('refuses an old .xls, a zip that is no workbook, a damaged workbook and text named .xlsx', async () => {
    expect(await unreadable(fixture('legacy.xls'), 'legacy.xls')).toBe(
      'Old .xls workbooks cannot be read: save it as .xlsx or CSV',
    );
    expect(await unreadable(fixture('not-a-workbook.xlsx'), 'not-a-workbook.xlsx')).toBe(
      'This zip file is not an Excel workbook: open it in its app and save it as .xlsx (Excel) or CSV',
    );
    const damaged = write('damaged.xlsx', readFileSync(fixture('contacts.xlsx')).subarray(0, 2_000));
    expect(await unreadable(damaged, 'damaged.xlsx')).toBe(
      'The workbook could not be read: it is damaged or not an Excel .xlsx file',
    );
    expect(await unreadable(write('text.xlsx', 'Name,Phone\n'), 'text.xlsx')).toBe(
      'This file is named .xlsx but is not an Excel workbook: save it again as .xlsx or CSV',
    );
  });

  it('reads a workbook without shared strings, streaming its worksheet rather than caching it', async () => {
    const path = await writeInlineWorkbook('inline.xlsx', [
      ['Name', 'Phone'],
      ['Ana', 5511987654321],
    ]);
    const { info, cells } = await load(path);
    expect(info.headers).toEqual(['Name', 'Phone']);
    expect(cells).toEqual([['Ana', '5511987654321']]);
  });

  it('refuses a workbook whose first worksheet is empty', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Empty');
    const path = join(dir, 'empty.xlsx');
    await workbook.xlsx.writeFile(path);
    expect(await unreadable(path, 'empty.xlsx')).toBe('The first worksheet of this workbook is empty');
  });
});

describe('vCard files', () => {
  it('reads a vCard 2.1 from Android with quoted-printable values in UTF-8 and Latin-1', async () => {
    const { info, cells } = await load(fixture('android-2.1.vcf'), 'contacts.vcf');
    expect(info).toMatchObject({
      format: 'vcf',
      encoding: 'utf-8',
      delimiter: null,
      headers: [...VCARD_HEADERS],
    });
    expect(cells).toEqual([
      [
        'José María',
        'José',
        'María',
        '+55 11 98765-4321',
        '+55 11 3333-4444',
        '',
        'jose@example.com',
        '',
        'Padaria São João',
        'Gerente',
        '1985-03-21',
        'Rua das Flores, 100',
        'São Paulo',
        'SP',
        '01000-000',
        'Brasil',
        '',
        'Cliente desde 2019, prefere o WhatsApp. Ligar à tarde.',
        '',
      ],
      [
        'Anna Müller (Berlin)',
        'Anna',
        'Müller',
        '+49 30 1234567',
        ...Array<string>(14).fill(''),
        '+49 151 2345678',
      ],
    ]);
  });

  it('reads a vCard 3.0 from an iPhone', async () => {
    const { cells } = await load(fixture('iphone-3.0.vcf'), 'iphone.vcf');
    expect(cells).toEqual([
      [
        'Dra. Ana Clara Souza',
        'Ana',
        'Souza',
        '+55 21 99876-5432',
        '+55 21 2555-0101',
        '+55 21 97777-1234',
        'ana@clinica.example',
        'ana.souza@mail.example',
        'Clínica Bem-Estar',
        'Diretora',
        '1990-07-04',
        'Rua Voluntários da Pátria, 45, Apto 12',
        'Rio de Janeiro',
        'RJ',
        '22270-000',
        'Brasil',
        'https://clinica.example',
        'Prefere contato à tarde.\nAtende às terças.',
        '+55 21 97777-1234',
      ],
      ['Bruno Lima', 'Bruno', 'Lima', '(11) 91234-5678', ...Array<string>(15).fill('')],
    ]);
  });

  it('reads a vCard 4.0', async () => {
    const { cells } = await load(fixture('vcard-4.0.vcf'), 'v4.vcf');
    expect(cells).toEqual([
      [
        'Chen Wei',
        'Wei',
        'Chen',
        '+86-138-0013-8000',
        '+86-10-5555-0100',
        '',
        'chen.wei@example.com',
        '',
        'Example Corp',
        'Engineer',
        '',
        '100 Main St, Suite 5',
        'Springfield',
        'IL',
        '62701',
        'USA',
        'https://example.com/chen',
        'Met at the fair, booth 12',
        '+8613800138000',
      ],
      [
        'Dana Ross',
        '',
        '',
        '',
        '',
        '',
        'dana.ross@example.org',
        'dana@example.org',
        '',
        '',
        '1988-12-31',
        ...Array<string>(8).fill(''),
      ],
    ]);
  });

  it('reads a UTF-16 vCard, skips blank cards and gives a card without END an error', async () => {
    const text =
      '\uFEFFBEGIN:VCARD\r\nPHOTO:x\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Bia\r\n';
    const { info, rows } = await load(write('utf16.vcf', Buffer.from(text, 'utf16le')));
    expect(info.encoding).toBe('utf-16le');
    expect(rows.map(({ number, cells, error }) => [number, cells[0], error])).toEqual([
      [1, 'Ana', undefined],
      [2, 'Bia', 'the file ends inside this card (no END:VCARD)'],
    ]);
  });

  it('refuses a .vcf file without a vCard', async () => {
    expect(await unreadable(write('notes.vcf', 'Name,Phone\nAna,1\n'), 'notes.vcf')).toBe(
      'This file has no vCard in it: a .vcf file starts with BEGIN:VCARD',
    );
  });
});

describe('files that cannot be read at all', () => {
  it('refuses empty files, files of blank lines, web pages, binary files and a header that cannot be read', async () => {
    expect(await unreadable(write('empty.csv', ''))).toBe('The file is empty');
    expect(await unreadable(write('blank.csv', '\n \r\n,,,\n'))).toBe(
      'The file has no header row: it has only blank lines',
    );
    expect(await unreadable(write('page.xls', '<html><table><tr><td>a</td></tr></table></html>'))).toBe(
      'This file is a web page or XML, not a spreadsheet: save it as .xlsx or CSV',
    );
    expect(await unreadable(write('image.csv', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')))).toBe(
      'This is not a CSV, Excel (.xlsx) or vCard (.vcf) file',
    );
    expect(await unreadable(write('quote.csv', '"Name,Phone\nAna,1\n'))).toBe(
      'A quote opened in this row is never closed, so the rest of the file could not be read',
    );
  });
});

describe('streams', () => {
  const openFiles = () => readdirSync('/proc/self/fd').length;

  async function settled(before: number): Promise<number> {
    for (let attempt = 0; attempt < 50 && openFiles() > before; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    return openFiles();
  }

  it.runIf(existsSync('/proc/self/fd'))(
    'closes the file when sampling or reading stops early, in every format',
    async () => {
      const csv = write('many.csv', `Name,Phone\n${'Ana Souza,5511987654321\n'.repeat(20_000)}`);
      const vcf = write('many.vcf', 'BEGIN:VCARD\r\nFN:Ana\r\nTEL:1\r\nEND:VCARD\r\n'.repeat(10_000));
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Many');
      for (let row = 1; row <= 5_000; row++) sheet.addRow([`Name ${row}`, 5511987654321 + row]);
      const xlsx = join(dir, 'many.xlsx');
      await workbook.xlsx.writeFile(xlsx);
      const rows = Array.from({ length: 5_000 }, (_, row) => [`Name ${row}`, 5511987654321 + row]);
      const inlineXlsx = await writeInlineWorkbook('many-inline.xlsx', rows);
      const before = openFiles();
      for (const path of [csv, vcf, xlsx, inlineXlsx]) {
        const info = await inspectImportFile(path, path, 5);
        expect(info.sample).toHaveLength(5);
        for await (const row of readImportRows(path, info)) if (row.number === 3) break;
      }
      // At most as many as before: a descriptor some other part of the process held may close meanwhile.
      expect(await settled(before)).toBeLessThanOrEqual(before);
    },
  );
});
