import { Anchor, Button, CloseButton, Group, Popover, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { CellIssue } from './use-quick-edit';

/** Props of the issue popover. */
export interface CellIssuePopoverProps {
  issue: CellIssue;
  /** Where the cell is, inside the scroll container. */
  rect: { top: number; left: number; width: number; height: number };
  onReload(): void;
  onDismiss(): void;
}

/**
 * Says beside a cell why its save was refused, with what to do next: Reload after a conflict, or a link to the
 * contact that already holds the phone or email. It follows the grid in the page order, so Tab reaches its
 * buttons right after the grid.
 */
export function CellIssuePopover({ issue, rect, onReload, onDismiss }: CellIssuePopoverProps) {
  return (
    <Popover
      opened
      position="bottom-start"
      offset={4}
      withinPortal={false}
      withRoles={false}
      floatingStrategy="fixed"
      shadow="md"
      onClose={onDismiss}
      closeOnClickOutside={false}
      zIndex={5}
    >
      <Popover.Target>
        <div aria-hidden="true" style={{ position: 'absolute', pointerEvents: 'none', ...rect }} />
      </Popover.Target>
      <Popover.Dropdown
        p="xs"
        maw={360}
        aria-label={issue.kind === 'conflict' ? 'Edit conflict' : 'Change not saved'}
      >
        <Stack gap={6}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Text
              size="sm"
              c={issue.kind === 'conflict' ? undefined : 'red.8'}
              role="alert"
              style={{ flex: 1 }}
            >
              {issue.message}
            </Text>
            <CloseButton size="sm" aria-label="Dismiss" onClick={onDismiss} />
          </Group>
          {issue.kind === 'conflict' && (
            <Group gap="xs">
              <Button size="xs" onClick={onReload}>
                Reload
              </Button>
            </Group>
          )}
          {issue.otherContactId && (
            <Anchor component={Link} to={`/contacts/${encodeURIComponent(issue.otherContactId)}`} size="sm">
              Open the contact that has it
            </Anchor>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
