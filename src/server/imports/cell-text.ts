/** Characters a spreadsheet reads as the start of a formula; exports neutralise them with a leading `'`. */
const NEUTRALISED = /^'(?=[=+\-@\t\r])/;

/** A cell's text as imported: trimmed, and without the `'` an export put before a formula-like value. */
export function cellText(raw: string | undefined): string {
  if (!raw) return '';
  return raw.trim().replace(NEUTRALISED, '').trim();
}

/** Tags in one cell: separated by `;`, else by ` ::: ` (Google), `|` or `,`; blanks dropped, duplicates once. */
export function splitTags(text: string): string[] {
  const separator = [';', ' ::: ', '|', ','].find((s) => text.includes(s));
  const parts = separator ? text.split(separator) : [text];
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const part of parts) {
    const tag = part
      .trim()
      .replace(/^\*\s*/, '')
      .slice(0, 100);
    if (tag && !seen.has(tag.toLowerCase())) {
      seen.add(tag.toLowerCase());
      tags.push(tag);
    }
  }
  return tags;
}
