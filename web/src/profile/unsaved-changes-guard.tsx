import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useBlocker } from 'react-router';

/** Props of the unsaved-changes guard. */
export interface UnsavedChangesGuardProps {
  dirty: boolean;
  /** Saves; resolves true when saved, so leaving can go on. */
  onSave(): Promise<boolean>;
}

/** Asks before leaving with unsaved changes: in-app navigation (stay / discard / save) and closing the tab. */
export function UnsavedChangesGuard({ dirty, onSave }: UnsavedChangesGuardProps) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);

  const stay = () => blocker.reset?.();
  const saveAndLeave = async () => {
    setSaving(true);
    const saved = await onSave();
    setSaving(false);
    if (saved) blocker.proceed?.();
    else blocker.reset?.();
  };
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={stay}
      title="Leave without saving?"
      centered
      size={520}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <Stack>
        <Text size="sm">
          This contact has changes that are not saved yet. If you leave now, they are lost.
        </Text>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={stay} data-autofocus>
            Stay
          </Button>
          <Button color="red" variant="light" onClick={() => blocker.proceed?.()}>
            Discard changes
          </Button>
          <Button onClick={() => void saveAndLeave()} loading={saving}>
            Save and leave
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
