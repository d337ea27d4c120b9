import { Alert, Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { messageOf } from '../api/api-error';

/** Props of a dialog that asks for a name (and maybe more) and saves. */
export interface NameDialogProps {
  title: string;
  nameLabel: string;
  initialName: string;
  submitLabel: string;
  /** More inputs under the name. */
  children?: ReactNode;
  onSubmit(name: string): Promise<unknown>;
  onClose(): void;
}

/** A small dialog: a name, extra inputs, and a save button that shows the server's answer when it fails. */
export function NameDialog({
  title,
  nameLabel,
  initialName,
  submitLabel,
  children,
  onSubmit,
  onClose,
}: NameDialogProps) {
  const [name, setName] = useState(initialName);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    if (!name.trim()) {
      setError('Give it a name');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit(name.trim());
      onClose();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': 'Close' }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <TextInput
            label={nameLabel}
            value={name}
            maxLength={100}
            data-autofocus
            onChange={(event) => setName(event.currentTarget.value)}
          />
          {children}
          {error && (
            <Alert color="red" role="alert" py={6}>
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saving}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
