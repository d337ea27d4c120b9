import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/api-client';
import type { ApiKey } from '../../api/types';
import { queryKeys } from '../../api/workspace-queries';
import { fieldError, formError } from '../shared/form-errors';
import { OneTimeSecret } from '../shared/one-time-secret';
import { ROLE_INFO, roleOptions, type Role } from '../shared/roles';

/** Props of the new API key dialog. */
export interface ApiKeyDialogProps {
  /** True when the signed-in member is an owner (only owners create owner keys). */
  canGrantOwner: boolean;
  onClose(): void;
}

/** Creates an API key (name, role) and shows the key once, with a copy button. */
export function ApiKeyDialog({ canGrantOwner, onClose }: ApiKeyDialogProps) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const create = useMutation({
    mutationFn: () => api.post<{ apiKey: ApiKey; key: string }>('/api-keys', { name: name.trim(), role }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const topError = formError(create.error, ['name', 'role']);

  if (create.data)
    return (
      <Modal
        opened
        onClose={onClose}
        closeButtonProps={{ 'aria-label': 'Close' }}
        title={`API key “${create.data.apiKey.name}” created`}
        size="lg"
        centered
      >
        <Stack>
          <Text size="sm">
            Send it as <code>Authorization: Bearer …</code>. It acts with the{' '}
            {ROLE_INFO[create.data.apiKey.role].label.toLowerCase()} role.
          </Text>
          <OneTimeSecret label="API key" secret={create.data.key} />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      </Modal>
    );

  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': 'Close' }} title="New API key" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          {topError && (
            <Alert color="red" role="alert">
              {topError}
            </Alert>
          )}
          <TextInput
            label="Name"
            description="Where it is used, such as “Shop sync”"
            required
            data-autofocus
            maxLength={100}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={fieldError(create.error, 'name')}
          />
          <Select
            label="Role"
            description={ROLE_INFO[role].summary}
            data={roleOptions(canGrantOwner)}
            value={role}
            onChange={(value) => value && setRole(value as Role)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            error={fieldError(create.error, 'role')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
