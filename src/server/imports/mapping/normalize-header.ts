const FOLDED_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
};

/** The words of a header, lower-cased, without accents, BOM, punctuation or underscores; camelCase and `Phone1` split. */
export function headerWords(header: string): string[] {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßıøæœłđ]/g, (letter) => FOLDED_LETTERS[letter] ?? letter)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** The comparable form of a header: its words joined, so `E-Mail`, `e_mail` and `EMAIL` all give `email`. */
export function headerKey(header: string): string {
  return headerWords(header).join('');
}
