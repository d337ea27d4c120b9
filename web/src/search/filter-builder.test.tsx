// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { filterFieldsOf } from '../../../src/shared/filter/filter-fields';
import type { FilterNode } from '../../../src/shared/filter/filter-tree';
import { queryKeys } from '../api/workspace-queries';
import { toBuilder, toTree } from './builder-model';
import { FilterBuilder } from './filter-builder';

beforeAll(() => {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  Element.prototype.scrollIntoView ??= () => undefined;
});
afterEach(cleanup);

const fields = filterFieldsOf([
  { key: 'ltv', label: 'Lifetime value', type: 'currency', options: {} },
  { key: 'plan', label: 'Plan', type: 'select', options: { choices: ['Free', 'Pro'] } },
]);

/** Renders the builder on a tree and returns a reader of the tree it holds now. */
function renderBuilder(start: FilterNode | null) {
  let current = toBuilder(start);
  function Harness() {
    const [group, setGroup] = useState(current);
    current = group;
    return (
      <FilterBuilder
        fields={fields}
        value={group}
        onChange={(next) => {
          current = next;
          setGroup(next);
        }}
      />
    );
  }
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  queryClient.setQueryData(queryKeys.tags, [{ id: 't1', name: 'VIP', color: null, contactCount: 3 }]);
  queryClient.setQueryData(queryKeys.users, []);
  render(
    <MantineProvider>
      <QueryClientProvider client={queryClient}>
        <Harness />
      </QueryClientProvider>
    </MantineProvider>,
  );
  return { tree: () => toTree(current), user: userEvent.setup() };
}

/** Opens the dropdown of a select or multi-select and clicks one of its options. */
async function pick(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(screen.getByRole('combobox', { name: label }));
  const list = screen.getByRole('listbox', { name: label, hidden: true });
  await user.click(within(list).getByRole('option', { name: option, hidden: true }));
}

const vip: FilterNode = { field: 'tags', op: 'has_any', value: ['VIP'] };
const nested: FilterNode = {
  and: [
    vip,
    {
      or: [
        { field: 'city', op: 'eq', value: 'Lima' },
        { field: 'custom.ltv', op: 'gte', value: 5000 },
      ],
    },
  ],
};

describe('FilterBuilder', () => {
  it('shows a nested filter as groups of rows with their fields, operators and values', () => {
    renderBuilder(nested);
    expect(screen.getAllByTestId('filter-condition')).toHaveLength(3);
    const group = screen.getByRole('group', { name: 'Group 2' });
    expect(within(group).getByLabelText('Field of condition 2.1')).toHaveProperty('value', 'City');
    expect(within(group).getByLabelText('Operator of condition 2.2')).toHaveProperty('value', 'is at least');
    expect(within(group).getByLabelText('Value of condition 2.2')).toHaveProperty('value', '5000');
  });

  it('negates a group, switches the root to "any" and edits a value', async () => {
    const { tree, user } = renderBuilder(nested);
    await user.click(screen.getByRole('button', { name: 'NOT group 2' }));
    await user.click(screen.getByRole('radio', { name: 'any', checked: false }));
    const city = screen.getByLabelText('Value of condition 2.1');
    await user.clear(city);
    await user.type(city, 'Cusco');
    expect(tree()).toEqual({
      or: [
        vip,
        {
          not: {
            or: [
              { field: 'city', op: 'eq', value: 'Cusco' },
              { field: 'custom.ltv', op: 'gte', value: 5000 },
            ],
          },
        },
      ],
    });
  });

  it('removes rows and groups; an operator without a value drops the value', async () => {
    const { tree, user } = renderBuilder(nested);
    await user.click(screen.getByRole('button', { name: 'Remove group 2' }));
    expect(tree()).toEqual(vip);
    await pick(user, 'Operator of condition 1', 'has no tags');
    expect(tree()).toEqual({ field: 'tags', op: 'is_empty' });
    await user.click(screen.getByRole('button', { name: 'Remove condition 1' }));
    expect(tree()).toBeNull();
    expect(screen.getByText('No conditions yet: every contact matches.')).toBeTruthy();
  });

  it('adds a nested group with a row; an unfinished row does not count until it has a value', async () => {
    const { tree, user } = renderBuilder(vip);
    await user.click(screen.getAllByRole('button', { name: '+ Group' })[0]!);
    const group = screen.getByRole('group', { name: 'Group 2' });
    await user.click(within(group).getByRole('button', { name: '+ Condition' }));
    expect(tree()).toEqual(vip);
    await pick(user, 'Field of condition 2.1', 'Plan');
    await pick(user, 'Value of condition 2.1', 'Pro');
    expect(tree()).toEqual({ and: [vip, { field: 'custom.plan', op: 'any_of', value: ['Pro'] }] });
  });
});
