import { useMemo } from 'react';
import { filterFieldsOf, type FilterField } from '../../../src/shared/filter/filter-fields';
import { useCustomFields } from '../api/workspace-queries';

/** Every field the workspace's filters can test, by id (standard, consent and its custom fields). */
export function useFilterFields(): ReadonlyMap<string, FilterField> {
  const customFields = useCustomFields();
  return useMemo(() => filterFieldsOf(customFields.data ?? []), [customFields.data]);
}
