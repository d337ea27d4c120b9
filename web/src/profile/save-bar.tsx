import { Button, Group, Kbd, Paper, Text } from '@mantine/core';
import type { ProfileForm } from './use-profile-form';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** The sticky bar with what is unsaved, Discard, and Save Contact (Ctrl+S / ⌘S). */
export function SaveBar({ form }: { form: ProfileForm }) {
  const count = form.dirtyPaths.length;
  const status = form.saving
    ? 'Saving…'
    : count === 0
      ? 'All changes saved'
      : `${count} unsaved ${count === 1 ? 'change' : 'changes'}`;
  return (
    <Paper
      withBorder
      radius="md"
      px="md"
      py="xs"
      shadow={count > 0 ? 'sm' : undefined}
      style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 52px) + 8px)', zIndex: 10 }}
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm" c={count > 0 ? undefined : 'dimmed'} fw={count > 0 ? 600 : undefined} role="status">
          {status}
        </Text>
        <Group gap="xs">
          <Text size="xs" c="dimmed" visibleFrom="sm" aria-hidden="true">
            <Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd> + <Kbd size="xs">S</Kbd>
          </Text>
          {count > 0 && (
            <Button variant="default" size="xs" onClick={form.discard} disabled={form.saving}>
              Discard
            </Button>
          )}
          <Button
            type="submit"
            size="xs"
            loading={form.saving}
            disabled={count === 0 || form.conflict}
            aria-keyshortcuts="Control+S Meta+S"
          >
            Save Contact
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
