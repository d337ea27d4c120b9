import type { FilterField } from '../../../src/shared/filter/filter-fields';
import {
  parseFilterText,
  printFilterText,
  type FilterTextError,
} from '../../../src/shared/filter/filter-text';
import { isCondition, type FilterCondition, type FilterNode } from '../../../src/shared/filter/filter-tree';

/** What the search box means: the plain words (basic, ranked search) and the filter around them. */
export type SearchBoxMeaning =
  { ok: true; q: string; filter: FilterNode | null } | { ok: false; error: FilterTextError };

const isSearch = (node: FilterNode): node is FilterCondition => isCondition(node) && node.op === 'matches';

/** Reads the search box: top-level bare words become `q`, the rest the filter (null when there is none). */
export function readSearchBox(text: string, fields: ReadonlyMap<string, FilterField>): SearchBoxMeaning {
  const parsed = parseFilterText(text, fields);
  if (!parsed.ok) return parsed;
  const items = 'and' in parsed.filter ? parsed.filter.and : [parsed.filter];
  const words = items.filter(isSearch).map((item) => String(item.value ?? '').trim());
  const rest = items.filter((item) => !isSearch(item));
  const filter = rest.length === 0 ? null : rest.length === 1 ? rest[0]! : { and: rest };
  return { ok: true, q: words.filter(Boolean).join(' '), filter };
}

/** Writes the search box for a filter and plain words: the filter's text form, then the words. */
export function writeSearchBox(
  q: string,
  filter: FilterNode | null,
  fields: ReadonlyMap<string, FilterField>,
): string {
  const items: FilterNode[] = filter ? ('and' in filter ? [...filter.and] : [filter]) : [];
  if (q.trim()) items.push({ field: 'search', op: 'matches', value: q.trim() });
  if (items.length === 0) return '';
  return printFilterText(items.length === 1 ? items[0]! : { and: items }, fields);
}

/** The filter and words as one tree, for bulk actions and exports that take a single filter. */
export function combinedFilter(q: string, filter: FilterNode | null): FilterNode | null {
  const words: FilterNode | null = q.trim() ? { field: 'search', op: 'matches', value: q.trim() } : null;
  if (filter && words) return { and: [filter, words] };
  return filter ?? words;
}
