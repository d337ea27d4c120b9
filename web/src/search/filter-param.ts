import type { FilterNode } from '../../../src/shared/filter/filter-tree';

/** The query-string value of a filter (`filter=<JSON>`), or undefined for none. */
export function filterParam(filter: FilterNode | null | undefined): string | undefined {
  return filter ? JSON.stringify(filter) : undefined;
}
