import { Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import type { FilterField } from '../../../src/shared/filter/filter-fields';
import type { FilterNode } from '../../../src/shared/filter/filter-tree';
import { toBuilder, toTree, type BuilderGroup } from './builder-model';
import { FilterBuilder } from './filter-builder';
import { useFilterCount } from './use-filter-count';

/** Props of the advanced-search panel. */
export interface AdvancedSearchPanelProps {
  fields: ReadonlyMap<string, FilterField>;
  /** The filter the list shows now; the builder starts from it and follows it when the search box changes it. */
  filter: FilterNode | null;
  /** The plain words of the search box, counted along with the filter. */
  q: string;
  onApply(filter: FilterNode | null): void;
  onClose(): void;
}

/** The builder's draft and the applied filter it was started from, so a change of the latter resets the draft. */
interface Draft {
  from: string;
  group: BuilderGroup;
}

const keyOf = (filter: FilterNode | null) => JSON.stringify(filter);

/** Advanced search: the filter builder with a live count of the contacts it matches, applied to the list on demand. */
export function AdvancedSearchPanel({ fields, filter, q, onApply, onClose }: AdvancedSearchPanelProps) {
  const [draft, setDraft] = useState<Draft>(() => ({ from: keyOf(filter), group: toBuilder(filter) }));
  const current = draft.from === keyOf(filter) ? draft : { from: keyOf(filter), group: toBuilder(filter) };
  if (current !== draft) setDraft(current);
  const tree = toTree(current.group);
  const count = useFilterCount(q, tree);
  const changed = keyOf(tree) !== keyOf(filter);
  const total = count.data?.total;
  const countText = count.isError
    ? 'Cannot count: check the conditions'
    : total === undefined
      ? 'Counting…'
      : `${total.toLocaleString()} ${total === 1 ? 'contact matches' : 'contacts match'}`;

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label="Advanced search">
      <FilterBuilder
        fields={fields}
        value={current.group}
        onChange={(group) => setDraft({ ...current, group })}
      />
      <Group justify="space-between" mt="sm" gap="xs">
        <Text size="sm" c={count.isError ? 'red' : 'dimmed'} aria-live="polite" data-testid="filter-count">
          {countText}
          {count.isFetching && total !== undefined ? ' …' : ''}
        </Text>
        <Group gap="xs">
          <Button variant="subtle" color="gray" size="xs" onClick={onClose}>
            Close
          </Button>
          <Button
            variant="default"
            size="xs"
            disabled={tree === null && filter === null}
            onClick={() => {
              setDraft({ from: keyOf(filter), group: toBuilder(null) });
              onApply(null);
            }}
          >
            Clear filter
          </Button>
          <Button size="xs" disabled={!changed} onClick={() => onApply(tree)}>
            {total === undefined || !changed ? 'Apply' : `Show ${total.toLocaleString()} contacts`}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
