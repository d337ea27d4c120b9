import type { BareDatabase } from './bare-database.js';

/** The kinds of text people type into quick find, each measured on its own. */
export const QUERY_KINDS = [
  'common term',
  'rare name',
  'partial phone digits',
  'last phone digits',
  'email prefix',
  'accented',
  'two characters',
] as const;
/** A kind of quick-find query. */
export type QueryKind = (typeof QUERY_KINDS)[number];

/** Unusual names given to a few contacts, so that a rare name has one or two matches among a million. */
export const RARE_PEOPLE = [
  ['Thaddeus', 'Okonkwo-Vance'],
  ['Ingeborg', 'Quilliam'],
  ['Zoltán', 'Ferenczy'],
  ['Ximena', 'Ytterberg'],
  ['Bartholomew', 'Nakashima'],
  ['Leokadia', 'Wróblewska'],
  ['Cosimo', 'Zappacosta'],
  ['Yevgenia', 'Bratislavova'],
  ['Ottoline', 'Featherstonehaugh'],
  ['Anselm', 'Quigley-Ibarra'],
] as const;

const COMMON = ['silva', 'maria', 'garcia', 'kumar', 'santos', 'müller', 'lopez', 'smith'];
const ACCENTED = ['joão', 'gonçalves', 'josé', 'garcía', 'müller', 'lucía', 'martínez', 'jiménez'];
const TWO_CHARACTERS = ['jo', 'ma', 'an', 'li', 'ca', 'pe', 'so', 'ah'];

/** The text typed for each kind, `count` of each, drawn from the seeded contacts themselves. */
export async function buildQueryMix(
  bare: BareDatabase,
  workspaceId: string,
  count: number,
): Promise<Record<QueryKind, string[]>> {
  const people = await bare.all<{ phone: string; email: string | null }>(
    'select phone, email from contacts where workspace_id = ? and phone is not null order by random() limit ?',
    [workspaceId, count],
  );
  if (people.length === 0) throw new Error('the workspace has no contacts with a phone');
  const cycle = (values: readonly string[]) =>
    Array.from({ length: count }, (_, i) => values[i % values.length]!);
  const person = (i: number) => people[i % people.length]!;
  const digits = (i: number) => person(i).phone.replace(/\D/g, '');
  const emails = people.flatMap((p) => (p.email ? [p.email] : []));
  return {
    'common term': cycle(COMMON),
    'rare name': cycle(RARE_PEOPLE.map(([first, last], i) => (i % 2 ? `${first} ${last}` : last))),
    'partial phone digits': Array.from({ length: count }, (_, i) => digits(i).slice(4, 10)),
    'last phone digits': Array.from({ length: count }, (_, i) => digits(i).slice(-4)),
    'email prefix': Array.from({ length: count }, (_, i) => emails[i % emails.length]!.slice(0, 6)),
    accented: cycle(ACCENTED),
    'two characters': cycle(TWO_CHARACTERS),
  };
}
