import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { messageOf } from '../../api/api-error';

/** Props of a confirmation dialog. */
export interface ConfirmDialogProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Red for destructive actions. */
  danger?: boolean;
  busy?: boolean;
  /** Disables the confirm button (while a count loads, for example). */
  disabled?: boolean;
  /** The failure of the last attempt, shown in place. */
  error?: unknown;
  onConfirm(): void;
  onClose(): void;
}

/** Asks before an action that cannot be undone; shows the failure in place when the server refuses. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { opened, title, children, confirmLabel, danger, busy, disabled, error, onConfirm, onClose } = props;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={title}
      centered
    >
      <Stack>
        {children}
        {error ? (
          <Alert color="red" role="alert">
            {messageOf(error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={onConfirm} loading={busy} disabled={disabled}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
