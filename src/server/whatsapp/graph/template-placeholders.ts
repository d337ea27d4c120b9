const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** How many distinct `{{1}}`-style placeholders a template text has (`{{1}} … {{1}}` counts once). */
export function countTemplatePlaceholders(text: string): number {
  return new Set(Array.from(text.matchAll(PLACEHOLDER), (match) => match[1])).size;
}
