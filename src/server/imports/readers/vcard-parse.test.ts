import { describe, expect, it } from 'vitest';
import { splitLines } from './text-lines.js';
import {
  parseContentLine,
  readVcards,
  splitStructured,
  unescapeText,
  unfoldLines,
  type Vcard,
} from './vcard-parse.js';
import { vcardCells, VCARD_HEADERS } from './vcard-rows.js';

async function* textOf(text: string): AsyncGenerator<string> {
  yield text;
}

async function unfolded(text: string, maxLength = 1000): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of unfoldLines(splitLines(textOf(text), maxLength), maxLength)) lines.push(line.text);
  return lines;
}

async function cardsOf(text: string, maxLength = 1000): Promise<Vcard[]> {
  const cards: Vcard[] = [];
  const wanted = new Set(['FN', 'N', 'TEL', 'EMAIL', 'BDAY', 'NOTE', 'X-ABLABEL', 'IMPP', 'X-WHATSAPP']);
  for await (const card of readVcards(unfoldLines(splitLines(textOf(text), maxLength), maxLength), wanted))
    cards.push(card);
  return cards;
}

/** The cells of the only card in `lines`, by header. */
async function cellsOf(...lines: string[]): Promise<Record<string, string>> {
  const [card] = await cardsOf(['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n'));
  const cells = vcardCells(card!);
  return Object.fromEntries(VCARD_HEADERS.map((header, index) => [header, cells[index] ?? '']));
}

describe('vCard lines', () => {
  it('unfolds folded lines and quoted-printable soft line breaks, and drops blank lines', async () => {
    expect(await unfolded('NOTE:one\r\n  two\r\n\t three\r\n\r\nFN:x')).toEqual([
      'NOTE:one two three',
      'FN:x',
    ]);
    expect(await unfolded('NOTE:ab\n cd')).toEqual(['NOTE:abcd']);
    expect(await unfolded('NOTE;ENCODING=QUOTED-PRINTABLE:a=\r\n=C3=A9=\r\nb\nFN:x=\nTEL:1')).toEqual([
      'NOTE;ENCODING=QUOTED-PRINTABLE:a=C3=A9b',
      'FN:x=',
      'TEL:1',
    ]);
    expect(await unfolded('NOTE;QUOTED-PRINTABLE:a=\r\nb')).toEqual(['NOTE;QUOTED-PRINTABLE:ab']);
  });

  it('parses groups, parameters (quoted, bare 2.1 ones, repeated) and decodes values', () => {
    const tel = parseContentLine('item1.TEL;type=CELL;type=VOICE,pref:+55 11 98765-4321');
    expect(tel).toEqual({
      group: 'item1',
      name: 'TEL',
      params: new Map([['TYPE', ['CELL', 'VOICE', 'PREF']]]),
      value: '+55 11 98765-4321',
    });
    expect(parseContentLine('TEL;CELL;PREF:1')?.params).toEqual(new Map([['TYPE', ['CELL', 'PREF']]]));
    expect(parseContentLine('ADR;LABEL="a: b";TYPE="home,work":;;x')).toMatchObject({
      params: new Map([
        ['LABEL', ['A: B']],
        ['TYPE', ['HOME', 'WORK']],
      ]),
      value: ';;x',
    });
    expect(parseContentLine('FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jos=C3=A9 Mar=C3=ADa')?.value).toBe(
      'José María',
    );
    expect(parseContentLine('N;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:M=FCller;Anna')?.value).toBe(
      'Müller;Anna',
    );
    expect(parseContentLine('NOTE;ENCODING=b:SGVsbG8=')?.value).toBe('Hello');
    expect(parseContentLine('no colon here')).toBeNull();
    expect(parseContentLine('PHOTO;ENCODING=b:AAAA', new Set(['FN']))).toBeNull();
  });

  it('splits structured values at unescaped semicolons and unescapes text', () => {
    expect(splitStructured('Souza;Ana\\;Clara;;Dra.')).toEqual(['Souza', 'Ana;Clara', '', 'Dra.']);
    expect(unescapeText('a\\nb\\, c\\\\d\\;e')).toBe('a\nb, c\\d;e');
  });
});

describe('vCard cards', () => {
  it('yields each card with the wanted properties, and marks cards that do not end', async () => {
    const cards = await cardsOf(
      'junk\nBEGIN:VCARD\nFN:A\nPHOTO:xyz\nEND:VCARD\nBEGIN:VCARD\nFN:B\nBEGIN:VCARD\nFN:C\n',
    );
    expect(cards.map((card) => [card.properties.map((property) => property.value), card.error])).toEqual([
      [['A'], undefined],
      [['B'], 'the card has no END:VCARD line'],
      [['C'], 'the file ends inside this card (no END:VCARD)'],
    ]);
  });

  it('marks a card whose wanted line was too long to keep, and ignores long unwanted lines', async () => {
    const cards = await cardsOf(
      `BEGIN:VCARD\nPHOTO:${'x'.repeat(50)}\nFN:A\nEND:VCARD\nBEGIN:VCARD\nNOTE:${'y'.repeat(50)}\nEND:VCARD\n`,
      20,
    );
    expect(cards.map((card) => card.error)).toEqual([
      undefined,
      'a value of this card is too long, so the card was cut',
    ]);
  });

  it('builds the full name from N when FN is missing', async () => {
    expect(await cellsOf('N:Souza;Ana;Clara;Dra.;Jr.')).toMatchObject({
      'Full name': 'Dra. Ana Clara Souza Jr.',
      'First name': 'Ana',
      'Last name': 'Souza',
    });
  });

  it('reads birthdays in every version, and none without a year', async () => {
    const birthday = async (line: string) => (await cellsOf(line)).Birthday;
    expect(await birthday('BDAY:1985-03-21')).toBe('1985-03-21');
    expect(await birthday('BDAY:19850321')).toBe('1985-03-21');
    expect(await birthday('BDAY:1985-03-21T00:00:00Z')).toBe('1985-03-21');
    expect(await birthday('BDAY:--0321')).toBe('');
    expect(await birthday('BDAY:--03-21')).toBe('');
    expect(await birthday('BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-21')).toBe('');
    expect(await birthday('BDAY:1985-02-30')).toBe('');
    expect(await birthday('BDAY;VALUE=text:circa 1800')).toBe('');
  });

  it('puts the CELL phone first, then the preferred one, and keeps three', async () => {
    expect(
      await cellsOf('TEL;HOME:1', 'TEL;WORK;PREF:2', 'TEL;CELL:3', 'TEL:4', 'TEL;VALUE=uri:tel:+5'),
    ).toMatchObject({ Phone: '3', 'Phone 2': '2', 'Phone 3': '1' });
  });

  it('finds WhatsApp in X-WHATSAPP, IMPP or an iPhone label', async () => {
    expect((await cellsOf('X-WHATSAPP:+55 11 1')).WhatsApp).toBe('+55 11 1');
    expect((await cellsOf('IMPP:skype:ana', 'IMPP:whatsapp:+55112')).WhatsApp).toBe('+55112');
    expect((await cellsOf('item2.TEL:+55 3', 'item2.X-ABLabel:WhatsApp')).WhatsApp).toBe('+55 3');
    expect((await cellsOf('TEL:+55 4')).WhatsApp).toBe('');
  });
});
