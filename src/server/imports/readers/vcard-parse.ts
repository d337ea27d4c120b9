import iconv from 'iconv-lite';
import { appendToLine, type TextLine } from './text-lines.js';

/** Longest content line kept (a longer one, such as a big PHOTO, is cut). */
export const MAX_VCARD_LINE_LENGTH = 1_000_000;
/** Most characters of wanted property values kept for one card. */
const MAX_CARD_CHARACTERS = 2_000_000;

/** One vCard property: `item1.TEL;TYPE=CELL:+55…` has group `item1`, name `TEL` and params `{ TYPE: ['CELL'] }`. */
export interface VcardProperty {
  group: string;
  /** In upper case. */
  name: string;
  /** Parameter names and values in upper case; bare 2.1 parameters (`TEL;CELL`) are TYPE or ENCODING values. */
  params: Map<string, string[]>;
  /** Decoded from quoted-printable or base64 in its CHARSET, still backslash-escaped. */
  value: string;
}

/** The wanted properties of one card; `error` when the card could not be read completely. */
export interface Vcard {
  properties: VcardProperty[];
  error?: string;
}

const ENCODING_NAMES = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);
const QUOTED_PRINTABLE_LINE = /^[^:]*;(?:ENCODING=)?QUOTED-PRINTABLE\s*[;:]/i;

/** Joins folded lines (a line starting with a space or tab continues the one before) and quoted-printable soft line breaks (`=` ending a line); drops blank lines. */
export async function* unfoldLines(
  lines: AsyncIterable<TextLine>,
  maxLength: number,
): AsyncGenerator<TextLine> {
  let pending: TextLine | null = null;
  for await (const line of lines) {
    if (pending && (line.text.startsWith(' ') || line.text.startsWith('\t'))) {
      pending = appendToLine(pending, line.text.slice(1), maxLength);
    } else if (pending && pending.text.endsWith('=') && QUOTED_PRINTABLE_LINE.test(pending.text)) {
      pending = appendToLine({ ...pending, text: pending.text.slice(0, -1) }, line.text, maxLength);
    } else {
      if (pending) yield pending;
      pending = line.text.trim() === '' ? null : line;
    }
  }
  if (pending) yield pending;
}

/** Groups unfolded lines into cards (BEGIN:VCARD … END:VCARD), keeping the properties named in `wanted`; lines outside cards are ignored. */
export async function* readVcards(
  lines: AsyncIterable<TextLine>,
  wanted: ReadonlySet<string>,
): AsyncGenerator<Vcard> {
  let card: Vcard | null = null;
  let characters = 0;
  for await (const line of lines) {
    const trimmed = line.text.trim();
    if (/^BEGIN:VCARD$/i.test(trimmed)) {
      if (card) yield { properties: card.properties, error: card.error ?? 'the card has no END:VCARD line' };
      card = { properties: [] };
      characters = 0;
    } else if (/^END:VCARD$/i.test(trimmed)) {
      if (card) yield card;
      card = null;
    } else if (card) {
      const property = parseContentLine(line.text, wanted);
      if (!property) continue;
      characters += property.value.length;
      if (line.truncated || characters > MAX_CARD_CHARACTERS)
        card.error ??= 'a value of this card is too long, so the card was cut';
      else card.properties.push(property);
    }
  }
  if (card)
    yield {
      properties: card.properties,
      error: card.error ?? 'the file ends inside this card (no END:VCARD)',
    };
}

/** Parses one unfolded content line, decoding its value; null when it has no `:` or its name is not in `wanted`. */
export function parseContentLine(line: string, wanted?: ReadonlySet<string>): VcardProperty | null {
  const colon = indexOutsideQuotes(line, ':');
  if (colon === -1) return null;
  const [qualifiedName = '', ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ';');
  const dot = qualifiedName.lastIndexOf('.');
  const name = qualifiedName
    .slice(dot + 1)
    .trim()
    .toUpperCase();
  if (wanted && !wanted.has(name)) return null;
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const [key, values] = parameter(raw);
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return {
    group: dot === -1 ? '' : qualifiedName.slice(0, dot).trim(),
    name: qualifiedName
      .slice(dot + 1)
      .trim()
      .toUpperCase(),
    params,
    value: decodedValue(line.slice(colon + 1), params),
  };
}

/** Splits a structured value (N, ADR, ORG) at unescaped `;` and unescapes each part. */
export function splitStructured(value: string): string[] {
  return splitUnescaped(value, ';').map(unescapeText);
}

/** Unescapes a text value: `\n` is a line break, `\,` `\;` `\\` are the characters. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN]|.)/g, (_, escaped: string) =>
    escaped === 'n' || escaped === 'N' ? '\n' : escaped,
  );
}

/** A parameter's name and values in upper case; a bare 2.1 parameter (`CELL`, `QUOTED-PRINTABLE`) is a TYPE or ENCODING value. */
function parameter(raw: string): [name: string, values: string[]] {
  const equals = raw.indexOf('=');
  if (equals === -1) {
    const bare = raw.trim().toUpperCase();
    return [ENCODING_NAMES.has(bare) ? 'ENCODING' : 'TYPE', [bare]];
  }
  const values = unquoted(raw.slice(equals + 1).trim())
    .toUpperCase()
    .split(',');
  return [raw.slice(0, equals).trim().toUpperCase(), values.map((value) => value.trim())];
}

function decodedValue(raw: string, params: Map<string, string[]>): string {
  const encoding = params.get('ENCODING')?.[0];
  const charset = params.get('CHARSET')?.[0];
  const bytesCharset = charset && iconv.encodingExists(charset) ? charset : 'utf-8';
  if (encoding === 'QUOTED-PRINTABLE') return iconv.decode(quotedPrintableBytes(raw), bytesCharset);
  if (encoding === 'B' || encoding === 'BASE64')
    return iconv.decode(Buffer.from(raw.replace(/\s/g, ''), 'base64'), bytesCharset);
  return raw;
}

function quotedPrintableBytes(text: string): Buffer {
  const pieces = text.match(/=[0-9A-Fa-f]{2}|[^=]+|=/g) ?? [];
  return Buffer.concat(
    pieces.map((piece) =>
      piece.length === 3 && piece.startsWith('=')
        ? Buffer.from(piece.slice(1), 'hex')
        : Buffer.from(piece, 'utf8'),
    ),
  );
}

function splitUnescaped(value: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === separator) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

function indexOutsideQuotes(text: string, char: string): number {
  let quoting = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoting = !quoting;
    else if (text[i] === char && !quoting) return i;
  }
  return -1;
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoting = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoting = !quoting;
    else if (text[i] === separator && !quoting) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function unquoted(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1) : text;
}
