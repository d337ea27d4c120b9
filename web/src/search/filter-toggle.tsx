import { Badge, Button } from '@mantine/core';
import type { FilterNode } from '../../../src/shared/filter/filter-tree';
import { rowCount, toBuilder } from './builder-model';

/** Props of the advanced-search toggle. */
export interface FilterToggleProps {
  filter: FilterNode | null;
  opened: boolean;
  onToggle(): void;
}

/** The toolbar button that opens the advanced-search panel, showing how many conditions the list's filter has. */
export function FilterToggle({ filter, opened, onToggle }: FilterToggleProps) {
  const conditions = filter ? rowCount(toBuilder(filter)) : 0;
  return (
    <Button
      variant={opened ? 'light' : 'default'}
      aria-expanded={opened}
      onClick={onToggle}
      rightSection={
        conditions > 0 ? (
          <Badge size="xs" circle aria-label={`${conditions} conditions`}>
            {conditions}
          </Badge>
        ) : undefined
      }
    >
      Filter
    </Button>
  );
}
