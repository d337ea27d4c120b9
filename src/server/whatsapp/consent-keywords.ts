/** What a message asks of marketing consent when it is one of the channel's keywords and nothing else. */
export type KeywordIntent = 'opt_out' | 'opt_in' | null;

/** Upper case, no accents, no punctuation at the ends, single spaces: `Stop!` and `stop` are `STOP`, `arrêt` is `ARRET`. */
export function foldKeyword(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '')
    .replace(/\s+/g, ' ');
}

/** Reads a whole message as an opt-out or opt-in keyword (a keyword inside a longer sentence is not one). */
export function keywordIntentOf(body: string | null, optOut: string[], optIn: string[]): KeywordIntent {
  if (!body || body.length > 40) return null;
  const folded = foldKeyword(body);
  if (!folded) return null;
  if (optOut.some((k) => foldKeyword(k) === folded)) return 'opt_out';
  if (optIn.some((k) => foldKeyword(k) === folded)) return 'opt_in';
  return null;
}
