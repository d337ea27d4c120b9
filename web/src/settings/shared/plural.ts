/** A count with its noun: `plural(1, 'contact')` → "1 contact", `plural(1200, 'contact')` → "1,200 contacts". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? singular : pluralForm}`;
}
