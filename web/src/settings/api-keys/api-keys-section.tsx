import { Badge, Button, Code, EmptyState, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/api-client';
import type { ApiKey } from '../../api/types';
import { queryKeys } from '../../api/workspace-queries';
import { useSession } from '../../auth/session-context';
import { ErrorPanel } from '../../ui/error-panel';
import { PageLoader } from '../../ui/page-loader';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { formatAgo, formatDay, formatMoment } from '../shared/format-date';
import { notifySuccess } from '../shared/notify';
import { ROLE_INFO } from '../shared/roles';
import { SectionHeader } from '../section-header';
import { ApiKeyDialog } from './api-key-dialog';
import { useApiKeys } from './api-key-queries';

/** Settings › API keys (admins): list, create (shown once), revoke. */
export function ApiKeysSection() {
  const { session } = useSession();
  const queryClient = useQueryClient();
  const keys = useApiKeys();
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useMutation({
    mutationFn: (key: ApiKey) => api.delete(`/api-keys/${key.id}`),
    onSuccess: async (_done, key) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.apiKeys });
      notifySuccess(`Revoked “${key.name}”: it no longer works.`);
      setRevoking(null);
    },
  });
  const list = keys.data ?? [];
  const openRevoke = (key: ApiKey) => {
    revoke.reset();
    setRevoking(key);
  };

  return (
    <Stack>
      <SectionHeader
        title="API keys"
        description="Keys let scripts and integrations call the API with a role of their own. A key is shown once, when it is created."
        actions={<Button onClick={() => setCreating(true)}>New API key</Button>}
      />
      {keys.isPending ? (
        <PageLoader label="Loading API keys" />
      ) : keys.isError ? (
        <ErrorPanel error={keys.error} onRetry={() => void keys.refetch()} />
      ) : list.length === 0 ? (
        <Paper withBorder p="xl">
          <EmptyState
            title="No API keys yet"
            description="Create one with New API key to connect a script or an integration."
          />
        </Paper>
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="xs" aria-label="API keys">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Key</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((key) => (
                  <Table.Tr key={key.id} data-api-key={key.name}>
                    <Table.Td>
                      <Text
                        size="sm"
                        fw={500}
                        c={key.revokedAt ? 'dimmed' : undefined}
                        td={key.revokedAt ? 'line-through' : undefined}
                      >
                        {key.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{ROLE_INFO[key.role].label}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Code>{key.prefix}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" title={formatMoment(key.createdAt)}>
                        {formatDay(key.createdAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text
                        size="sm"
                        c={key.lastUsedAt ? undefined : 'dimmed'}
                        title={key.lastUsedAt ? formatMoment(key.lastUsedAt) : undefined}
                      >
                        {key.lastUsedAt ? formatAgo(key.lastUsedAt) : 'Never'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {key.revokedAt ? (
                        <Badge color="gray" variant="outline" title={formatMoment(key.revokedAt)}>
                          Revoked {formatDay(key.revokedAt)}
                        </Badge>
                      ) : (
                        <Badge color="teal" variant="light">
                          Active
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {!key.revokedAt && (
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          color="red"
                          aria-label={`Revoke ${key.name}`}
                          onClick={() => openRevoke(key)}
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {creating && (
        <ApiKeyDialog canGrantOwner={session.user.role === 'owner'} onClose={() => setCreating(false)} />
      )}
      {revoking && (
        <ConfirmDialog
          opened
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke key"
          danger
          busy={revoke.isPending}
          error={revoke.error}
          onConfirm={() => revoke.mutate(revoking)}
          onClose={() => setRevoking(null)}
        >
          <Text size="sm">
            Scripts and integrations using <Code>{revoking.prefix}</Code> stop working at once. This cannot be
            undone: create a new key if you need access again.
          </Text>
        </ConfirmDialog>
      )}
    </Stack>
  );
}
