const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/** A piece of a template body: plain text, or the place of a parameter with the value typed for it (if any). */
export type TemplateSegment =
  { kind: 'text'; text: string } | { kind: 'parameter'; index: number; name: string; value: string | null };

/** The template's placeholder names in parameter order: `{{1}}`, `{{2}}`… by number, other names as they appear. */
export function placeholderNames(body: string): string[] {
  const names = [...new Set(Array.from(body.matchAll(PLACEHOLDER), (match) => match[1] ?? ''))];
  return names.every((name) => /^\d+$/.test(name)) ? names.sort((a, b) => Number(a) - Number(b)) : names;
}

/** One name per parameter the template expects: its placeholders, padded to `count` with `{{n}}` numbers. */
export function parameterNames(body: string, count: number): string[] {
  const names = placeholderNames(body);
  for (let index = names.length; index < count; index++) names.push(String(index + 1));
  return names;
}

/** Splits a template body into text and parameter places, with the values typed so far. */
export function templateSegments(body: string, parameters: readonly string[]): TemplateSegment[] {
  const names = placeholderNames(body);
  const segments: TemplateSegment[] = [];
  let last = 0;
  for (const match of body.matchAll(PLACEHOLDER)) {
    const start = match.index;
    if (start > last) segments.push({ kind: 'text', text: body.slice(last, start) });
    const name = match[1] ?? '';
    const index = names.indexOf(name);
    const value = parameters[index]?.trim() || null;
    segments.push({ kind: 'parameter', index, name, value });
    last = start + match[0].length;
  }
  if (last < body.length) segments.push({ kind: 'text', text: body.slice(last) });
  return segments;
}

/** The body as the customer will read it; places without a value keep their `{{n}}`. */
export function fillTemplate(body: string, parameters: readonly string[]): string {
  return templateSegments(body, parameters)
    .map((segment) => (segment.kind === 'text' ? segment.text : (segment.value ?? `{{${segment.name}}}`)))
    .join('');
}

/** How many parameters still need a value (`count` is the template's parameter count). */
export function missingParameterCount(count: number, parameters: readonly string[]): number {
  let missing = 0;
  for (let index = 0; index < count; index++) if (!parameters[index]?.trim()) missing++;
  return missing;
}
