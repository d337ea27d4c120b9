import { CONTACT_SORTS, type ContactSort } from '../../../src/shared/contact-sorts';
import { isFilterNode, type FilterNode } from '../../../src/shared/filter/filter-tree';

/** What the contact list shows: the search, the filter, the sort order and the chosen columns (besides Name). */
export interface ListView {
  q: string;
  /** The advanced-search filter (`?filter=<JSON>`), or null for none. */
  filter: FilterNode | null;
  sort: ContactSort;
  columns: string[];
}

/** The sort order when the URL names none. */
export const DEFAULT_SORT: ContactSort = 'name';

/** The columns shown when the URL names none. */
export const DEFAULT_COLUMNS: readonly string[] = [
  'phone',
  'email',
  'company',
  'tags',
  'lastContact',
  'created',
];

const isSort = (value: string): value is ContactSort => (CONTACT_SORTS as readonly string[]).includes(value);

/** The filter of a `filter` parameter; null when absent or not a filter tree. */
export function readFilterParam(raw: string | null): FilterNode | null {
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isFilterNode(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Reads the view from the URL (`?q=&filter=&sort=&cols=phone,email,cf:plan`); unknown sorts fall back to the default. */
export function readListView(params: URLSearchParams): ListView {
  const sort = params.get('sort') ?? '';
  const cols = params.get('cols');
  return {
    q: params.get('q') ?? '',
    filter: readFilterParam(params.get('filter')),
    sort: isSort(sort) ? sort : DEFAULT_SORT,
    columns:
      cols === null
        ? [...DEFAULT_COLUMNS]
        : [
            ...new Set(
              cols
                .split(',')
                .map((c) => c.trim())
                .filter(Boolean),
            ),
          ],
  };
}

/** Writes the view into URL parameters, leaving defaults out so that plain `/contacts` stays plain. */
export function writeListView(view: ListView, base?: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  const q = view.q.trim();
  if (q) params.set('q', q);
  else params.delete('q');
  if (view.filter) params.set('filter', JSON.stringify(view.filter));
  else params.delete('filter');
  if (view.sort !== DEFAULT_SORT) params.set('sort', view.sort);
  else params.delete('sort');
  const sameAsDefault =
    view.columns.length === DEFAULT_COLUMNS.length && view.columns.every((c, i) => c === DEFAULT_COLUMNS[i]);
  if (sameAsDefault) params.delete('cols');
  else params.set('cols', view.columns.join(','));
  return params;
}

/** The sort a click on a sortable header asks for: the other direction of the current one, else its natural one. */
export function nextSort(current: ContactSort, field: 'name' | 'createdAt' | 'lastContactAt'): ContactSort {
  if (current === field) return `-${field}` as ContactSort;
  if (current === `-${field}`) return field;
  return field === 'name' ? 'name' : (`-${field}` as ContactSort);
}

/** How a header shows a sort: `ascending`, `descending` or `none` (the values of aria-sort). */
export function sortDirectionOf(
  current: ContactSort,
  field: 'name' | 'createdAt' | 'lastContactAt',
): 'ascending' | 'descending' | 'none' {
  if (current === field) return 'ascending';
  if (current === `-${field}`) return 'descending';
  return 'none';
}
