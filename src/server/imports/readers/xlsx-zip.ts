import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';

/** One file in a zip archive and the bytes of the archive it spans (local header, data, data descriptor). */
export interface ZipEntry {
  name: string;
  start: number;
  end: number;
}

const LOCAL_HEADER = 0x04034b50;
const DIRECTORY_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const END_OF_DIRECTORY_LENGTH = 22;
/** The end-of-directory record may be followed by a comment of up to 65,535 bytes. */
const END_SEARCH_LENGTH = END_OF_DIRECTORY_LENGTH + 0xffff;
/** A central directory larger than this is not a workbook's. */
const MAX_DIRECTORY_LENGTH = 64 * 1024 * 1024;
/** Worksheet entries, matched as exceljs matches them. */
const WORKSHEET = /xl\/worksheets\/sheet\d+[.]xml/;
/** Parts exceljs must have read before it streams a worksheet (until then it copies worksheets to temporary files). */
const AWAITED_PARTS: [name: string, emptyContent: string][] = [
  [
    'xl/_rels/workbook.xml.rels',
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  ],
  ['xl/sharedStrings.xml', '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'],
];

/** True for the zip entry of a worksheet. */
export function isWorksheet(entry: ZipEntry): boolean {
  return WORKSHEET.test(entry.name);
}

/** Lists the entries of a zip file from its central directory; null when there is none that makes sense (a damaged archive). */
export async function readZipDirectory(path: string): Promise<ZipEntry[] | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const tailStart = Math.max(0, size - END_SEARCH_LENGTH);
    const tail = await readAt(handle, tailStart, size - tailStart);
    const endRecord = tail.lastIndexOf(signature(END_OF_DIRECTORY));
    if (endRecord === -1 || endRecord + END_OF_DIRECTORY_LENGTH > tail.length) return null;
    const directoryLength = tail.readUInt32LE(endRecord + 12);
    const directoryStart = tail.readUInt32LE(endRecord + 16);
    if (directoryLength > MAX_DIRECTORY_LENGTH || directoryStart + directoryLength > tailStart + endRecord)
      return null;
    const directory = await readAt(handle, directoryStart, directoryLength);
    const starts: { name: Buffer; start: number }[] = [];
    for (let at = 0; at + 46 <= directory.length && directory.readUInt32LE(at) === DIRECTORY_HEADER;) {
      const nameLength = directory.readUInt16LE(at + 28);
      starts.push({
        name: directory.subarray(at + 46, at + 46 + nameLength),
        start: directory.readUInt32LE(at + 42),
      });
      at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
    }
    starts.sort((a, b) => a.start - b.start);
    const entries: ZipEntry[] = [];
    for (const [index, { name, start }] of starts.entries()) {
      const end = starts[index + 1]?.start ?? directoryStart;
      const local = await readAt(handle, start, 30 + name.length);
      // A local header unlike the directory's would make exceljs miss parts and cache worksheets in temporary files.
      if (
        end <= start ||
        local.length < 30 ||
        local.readUInt32LE(0) !== LOCAL_HEADER ||
        !local.subarray(30).equals(name)
      )
        return null;
      entries.push({ name: name.toString('utf8'), start, end });
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Streams a workbook as a zip whose worksheets come after its other parts (adding empty shared strings and relationships when missing), so exceljs never caches a worksheet in a temporary file. */
export function workbookStream(path: string, entries: ZipEntry[]): Readable {
  const names = new Set(entries.map((entry) => entry.name));
  const added = AWAITED_PARTS.filter(([name]) => !names.has(name)).map(([name, content]) =>
    storedEntry(name, Buffer.from(content)),
  );
  const ordered = [...entries.filter((entry) => !isWorksheet(entry)), ...entries.filter(isWorksheet)];
  return Readable.from(zipBytes(path, added, ordered));
}

async function* zipBytes(path: string, added: Buffer[], entries: ZipEntry[]): AsyncGenerator<Buffer> {
  yield* added;
  for (const entry of entries) yield* createReadStream(path, { start: entry.start, end: entry.end - 1 });
  const endOfDirectory = Buffer.alloc(END_OF_DIRECTORY_LENGTH);
  endOfDirectory.writeUInt32LE(END_OF_DIRECTORY, 0);
  yield endOfDirectory;
}

/** The local header and content of an uncompressed zip entry. */
function storedEntry(name: string, content: Buffer): Buffer {
  const fileName = Buffer.from(name);
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(crc32(content), 14);
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(fileName.length, 26);
  return Buffer.concat([header, fileName, content]);
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

function signature(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value, 0);
  return bytes;
}
