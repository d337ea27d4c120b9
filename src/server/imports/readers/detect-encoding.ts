import iconv from 'iconv-lite';

/** Text encodings an import file is read in. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Share of 16-bit units that must have one zero byte for a file without BOM to be read as UTF-16. */
const UTF16_ZERO_SHARE = 0.25;

/** Finds the encoding of a text file from its first bytes: BOM, then the NUL-byte pattern of UTF-16, then UTF-8 validity (else Windows-1252). */
export function detectEncoding(head: Uint8Array): TextEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const utf16 = utf16ByZeroBytes(head);
  if (utf16) return utf16;
  return isUtf8(head) ? 'utf-8' : 'windows-1252';
}

/** Decodes the first bytes of a file as text, without BOM. */
export function decodeHead(head: Uint8Array, encoding: string): string {
  return iconv.decode(head, encoding);
}

function utf16ByZeroBytes(head: Uint8Array): TextEncoding | null {
  const units = Math.floor(head.length / 2);
  if (units === 0) return null;
  let zeroHigh = 0;
  let zeroLow = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) zeroHigh++;
    if (head[i + 1] === 0) zeroLow++;
  }
  if (zeroLow >= units * UTF16_ZERO_SHARE && zeroHigh * 10 <= zeroLow) return 'utf-16le';
  if (zeroHigh >= units * UTF16_ZERO_SHARE && zeroLow * 10 <= zeroHigh) return 'utf-16be';
  return null;
}

/** Valid UTF-8, allowing a character cut at the end of the sample. */
function isUtf8(head: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}
