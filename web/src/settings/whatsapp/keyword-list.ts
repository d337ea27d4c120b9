/** The most keywords of each list, and the longest keyword (the API's limits). */
export const KEYWORD_LIMITS = { count: 50, length: 40 } as const;

/** Reads keywords typed comma-separated or one per line: trimmed, blanks dropped, repeats (any case) once. */
export function parseKeywords(text: string): string[] {
  const seen = new Set<string>();
  const keywords: string[] = [];
  for (const raw of text.split(/[,\n]/)) {
    const keyword = raw.trim().replace(/\s+/g, ' ');
    const folded = keyword.toLocaleUpperCase();
    if (!keyword || seen.has(folded)) continue;
    seen.add(folded);
    keywords.push(keyword);
  }
  return keywords;
}

/** Keywords as the text box shows them: one per line. */
export function formatKeywords(keywords: readonly string[]): string {
  return keywords.join('\n');
}

/** What is wrong with a keyword list, if anything. */
export function keywordsProblem(keywords: readonly string[]): string | undefined {
  const long = keywords.find((keyword) => keyword.length > KEYWORD_LIMITS.length);
  if (long) return `“${long}” is longer than ${KEYWORD_LIMITS.length} characters`;
  if (keywords.length > KEYWORD_LIMITS.count) return `At most ${KEYWORD_LIMITS.count} keywords`;
  return undefined;
}
