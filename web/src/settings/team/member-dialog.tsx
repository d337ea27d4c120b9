import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/api-client';
import type { User } from '../../api/types';
import { queryKeys } from '../../api/workspace-queries';
import { fieldError, formError } from '../shared/form-errors';
import { notifySuccess } from '../shared/notify';
import { OneTimeSecret } from '../shared/one-time-secret';
import { ROLE_INFO, roleOptions, type Role } from '../shared/roles';

/** Props of the add-member dialog. */
export interface MemberDialogProps {
  /** True when the signed-in member is an owner (only owners add owners). */
  canGrantOwner: boolean;
  onClose(): void;
}

/** Adds a team member; without a password one is generated and shown once. */
export function MemberDialog({ canGrantOwner, onClose }: MemberDialogProps) {
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('agent');
  const [password, setPassword] = useState('');
  const create = useMutation({
    mutationFn: () =>
      api.post<{ user: User; password?: string }>('/users', {
        email: email.trim(),
        name: name.trim(),
        role,
        ...(password ? { password } : {}),
      }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.users });
      if (!created.password) {
        notifySuccess(`Added ${created.user.name} as ${ROLE_INFO[created.user.role].label.toLowerCase()}.`);
        onClose();
      }
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const generated = create.data?.password;
  const topError = formError(create.error, ['email', 'name', 'role', 'password']);

  if (create.data && generated)
    return (
      <Modal
        opened
        onClose={onClose}
        closeButtonProps={{ 'aria-label': 'Close' }}
        title={`${create.data.user.name} was added`}
        size="lg"
        centered
      >
        <Stack>
          <Text size="sm">
            Send {create.data.user.name} this password with the sign-in address; they sign in with{' '}
            <b>{create.data.user.email}</b> and can change it afterwards.
          </Text>
          <OneTimeSecret label="password" secret={generated} />
          <Group justify="flex-end">
            <Button onClick={onClose}>Done</Button>
          </Group>
        </Stack>
      </Modal>
    );

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title="Add a team member"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {topError && (
            <Alert color="red" role="alert">
              {topError}
            </Alert>
          )}
          <TextInput
            label="Email"
            type="email"
            required
            data-autofocus
            maxLength={254}
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={fieldError(create.error, 'email')}
          />
          <TextInput
            label="Name"
            required
            maxLength={200}
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
          <PasswordInput
            label="Password (optional)"
            description="Leave empty and Rolo generates one, shown to you once"
            autoComplete="new-password"
            maxLength={200}
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={fieldError(create.error, 'password')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add member
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
