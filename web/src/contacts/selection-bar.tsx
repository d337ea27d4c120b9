import { Button, Group, Menu, Paper, Text } from '@mantine/core';
import type { BulkKind } from './bulk-action-dialog';
import { contactCount } from './bulk-summary';

/** Props of the selection bar. */
export interface SelectionBarProps {
  selected: number;
  /** True when every contact matching the search is selected. */
  allMatching: boolean;
  /** Set when the whole page in view is selected and more match: offers to select them all. */
  offerAll: { pageCount: number; total: number } | null;
  searching: boolean;
  onSelectAll(): void;
  onClear(): void;
  onAction(kind: BulkKind): void;
  /** Exports the selected contacts (or all matching, when that is the selection). */
  onExport(): void;
}

/** Shown while contacts are selected: how many, the bulk actions menu, and "select all N matching". */
export function SelectionBar({
  selected,
  allMatching,
  offerAll,
  searching,
  onSelectAll,
  onClear,
  onAction,
  onExport,
}: SelectionBarProps) {
  const matching = searching ? 'matching' : 'contacts';
  return (
    <Paper
      withBorder
      px="sm"
      py={6}
      radius="md"
      bg="var(--mantine-primary-color-light)"
      role="region"
      aria-label="Selection"
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <Text size="sm" fw={600} aria-live="polite">
            {allMatching
              ? `All ${contactCount(selected)} ${searching ? 'matching ' : ''}selected`
              : `${selected.toLocaleString()} selected`}
          </Text>
          {offerAll && (
            <Text size="sm">
              All {offerAll.pageCount.toLocaleString()} on this page are selected.{' '}
              <Button variant="subtle" size="compact-sm" onClick={onSelectAll}>
                Select all {offerAll.total.toLocaleString()} {matching}
              </Button>
            </Text>
          )}
        </Group>
        <Group gap="xs">
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button size="xs">Bulk actions ▾</Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => onAction('add_tags')}>Add tag…</Menu.Item>
              <Menu.Item onClick={() => onAction('remove_tags')}>Remove tag…</Menu.Item>
              <Menu.Item onClick={() => onAction('assign')}>Assign…</Menu.Item>
              <Menu.Item onClick={onExport}>Export…</Menu.Item>
              <Menu.Divider />
              <Menu.Item color="red" onClick={() => onAction('delete')}>
                Delete…
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button size="xs" variant="default" onClick={onClear}>
            Clear selection
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
