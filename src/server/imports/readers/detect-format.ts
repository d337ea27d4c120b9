import { extname } from 'node:path';
import type { ImportFormat } from '../../../shared/import-schemas.js';
import { AppError } from '../../http/errors.js';
import { decodeHead, detectEncoding } from './detect-encoding.js';

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Control characters text files have: tab, line feed, form feed, carriage return. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);
/** A text file with more control characters than 1 in this many characters is binary. */
const TEXT_CONTROL_RATIO = 50;

/** The `unreadable_file` error, with a message for the person who uploaded the file. */
export function unreadableFile(message: string): AppError {
  return new AppError('unreadable_file', 400, message);
}

/** The format of an upload by its first bytes (zip: xlsx, BEGIN:VCARD: vcf, other text: csv), then its name; unreadable_file when it is none of them. */
export function detectFormat(head: Uint8Array, fileName: string): ImportFormat {
  const extension = extname(fileName).toLowerCase();
  if (head.length === 0) throw unreadableFile('The file is empty');
  if (startsWith(head, ZIP_SIGNATURE)) return 'xlsx';
  if (startsWith(head, OLE_SIGNATURE))
    throw unreadableFile('Old .xls workbooks cannot be read: save it as .xlsx or CSV');
  if (extension === '.xlsx' || extension === '.xlsm')
    throw unreadableFile(
      'This file is named .xlsx but is not an Excel workbook: save it again as .xlsx or CSV',
    );
  const text = decodeHead(head, detectEncoding(head));
  if (/^\s*BEGIN:VCARD/i.test(text)) return 'vcf';
  if (extension === '.vcf' || extension === '.vcard')
    throw unreadableFile('This file has no vCard in it: a .vcf file starts with BEGIN:VCARD');
  if (/^\s*<(?:\?xml|!doctype|html|table)/i.test(text))
    throw unreadableFile('This file is a web page or XML, not a spreadsheet: save it as .xlsx or CSV');
  if (controlCharacters(text) * TEXT_CONTROL_RATIO > text.length)
    throw unreadableFile('This is not a CSV, Excel (.xlsx) or vCard (.vcf) file');
  return 'csv';
}

function controlCharacters(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && !TEXT_CONTROLS.has(code)) count++;
  }
  return count;
}

function startsWith(head: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, index) => head[index] === byte);
}
