import { isBlankRecord, type SourceRecord } from './source-record.js';
import { splitLines } from './text-lines.js';
import { openTextStream } from './text-stream.js';
import {
  MAX_VCARD_LINE_LENGTH,
  readVcards,
  splitStructured,
  unescapeText,
  unfoldLines,
  type Vcard,
  type VcardProperty,
} from './vcard-parse.js';

/** The columns every vCard file is read into, in this order. */
export const VCARD_HEADERS = [
  'Full name',
  'First name',
  'Last name',
  'Phone',
  'Phone 2',
  'Phone 3',
  'Email',
  'Email 2',
  'Company',
  'Job title',
  'Birthday',
  'Street',
  'City',
  'Region',
  'Postal code',
  'Country',
  'Website',
  'Note',
  'WhatsApp',
] as const;

/** The vCard properties the columns are read from. */
const WANTED = new Set([
  'FN',
  'N',
  'TEL',
  'EMAIL',
  'ORG',
  'TITLE',
  'BDAY',
  'ADR',
  'URL',
  'NOTE',
  'X-WHATSAPP',
  'IMPP',
  'X-ABLABEL',
]);

/** Streams the cards of a vCard file (2.1, 3.0 or 4.0) in `encoding`, one record of VCARD_HEADERS cells per non-blank card. */
export async function* readVcardRecords(path: string, encoding: string): AsyncGenerator<SourceRecord> {
  const text = openTextStream(path, encoding);
  try {
    const lines = unfoldLines(splitLines(text, MAX_VCARD_LINE_LENGTH), MAX_VCARD_LINE_LENGTH);
    for await (const card of readVcards(lines, WANTED)) {
      const cells = vcardCells(card);
      if (card.error) yield { cells, error: card.error };
      else if (!isBlankRecord(cells)) yield { cells };
    }
  } finally {
    text.destroy();
  }
}

/** The VCARD_HEADERS cells of a card; the TEL marked CELL (then pref) comes first, the pref EMAIL, ADR and URL likewise. */
export function vcardCells(card: Vcard): string[] {
  const named = (name: string) => card.properties.filter((property) => property.name === name);
  const first = (name: string) => named(name)[0];
  const [family = '', given = '', additional = '', prefix = '', suffix = ''] = parts(first('N'));
  const fullName =
    text(first('FN')) || [prefix, given, additional, family, suffix].filter((part) => part !== '').join(' ');
  const phones = byPreference(named('TEL'), 'CELL')
    .map((property) => text(property).replace(/^tel:/i, ''))
    .filter((phone) => phone !== '');
  const emails = byPreference(named('EMAIL'))
    .map(text)
    .filter((email) => email !== '');
  const [, extended = '', street = '', city = '', region = '', postalCode = '', country = ''] = parts(
    byPreference(named('ADR'))[0],
  );
  const birthday = first('BDAY');
  return [
    fullName,
    given,
    family,
    phones[0] ?? '',
    phones[1] ?? '',
    phones[2] ?? '',
    emails[0] ?? '',
    emails[1] ?? '',
    parts(first('ORG'))[0] ?? '',
    text(first('TITLE')),
    birthday ? birthdayText(text(birthday), birthday.params.get('X-APPLE-OMIT-YEAR')?.[0]) : '',
    [street, extended].filter((part) => part !== '').join(', '),
    city,
    region,
    postalCode,
    country,
    text(byPreference(named('URL'))[0]),
    named('NOTE')
      .map(text)
      .filter((note) => note !== '')
      .join('\n'),
    whatsappOf(card),
  ];
}

/** WhatsApp from X-WHATSAPP, an `IMPP:whatsapp:` address, or an iPhone TEL labelled WhatsApp. */
function whatsappOf(card: Vcard): string {
  const explicit = card.properties.find((property) => property.name === 'X-WHATSAPP');
  if (explicit) return text(explicit).replace(/^whatsapp:/i, '');
  const impp = card.properties
    .filter((property) => property.name === 'IMPP')
    .map(text)
    .find((address) => /^whatsapp:/i.test(address));
  if (impp) return impp.slice('whatsapp:'.length);
  const labelled = new Set(
    card.properties
      .filter(
        (property) => property.name === 'X-ABLABEL' && property.group && /whatsapp/i.test(property.value),
      )
      .map((property) => property.group.toLowerCase()),
  );
  const phone = card.properties.find(
    (property) => property.name === 'TEL' && labelled.has(property.group.toLowerCase()),
  );
  return phone ? text(phone) : '';
}

/** A 4.0, 3.0 or 2.1 birthday as YYYY-MM-DD; '' without a year (`--0321`, iPhone's omitted year) or when it is no date. */
function birthdayText(value: string, omittedYear: string | undefined): string {
  const match = /^(\d{4})-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(value);
  if (!match) return '';
  const [, year = '', month = '', day = ''] = match;
  if (year === omittedYear) return '';
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return '';
  return `${year}-${month}-${day}`;
}

function byPreference(properties: VcardProperty[], preferredType?: string): VcardProperty[] {
  const rank = (property: VcardProperty) => {
    const types = property.params.get('TYPE') ?? [];
    return (
      (preferredType && types.includes(preferredType) ? 2 : 0) +
      (property.params.has('PREF') || types.includes('PREF') ? 1 : 0)
    );
  };
  return [...properties].sort((a, b) => rank(b) - rank(a));
}

function text(property: VcardProperty | undefined): string {
  return property ? unescapeText(property.value).trim() : '';
}

function parts(property: VcardProperty | undefined): string[] {
  return property ? splitStructured(property.value).map((part) => part.trim()) : [];
}
