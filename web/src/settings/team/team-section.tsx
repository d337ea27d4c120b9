import { Button, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { User } from '../../api/types';
import { useMembers } from '../../api/workspace-queries';
import { useSession } from '../../auth/session-context';
import { ErrorPanel } from '../../ui/error-panel';
import { PageLoader } from '../../ui/page-loader';
import { ConfirmDialog } from '../shared/confirm-dialog';
import { plural } from '../shared/plural';
import { SectionHeader } from '../section-header';
import { MemberDialog } from './member-dialog';
import { MemberRow } from './member-row';
import { useUpdateMember } from './use-update-member';

const byAccessThenName = (a: User, b: User) =>
  Number(a.disabled) - Number(b.disabled) || a.name.localeCompare(b.name);

/** Settings › Team (admins): members, their roles and access; add a member. */
export function TeamSection() {
  const { session } = useSession();
  const members = useMembers();
  const update = useUpdateMember();
  const [adding, setAdding] = useState(false);
  const [disabling, setDisabling] = useState<User | null>(null);
  const list = [...(members.data ?? [])].sort(byAccessThenName);
  const me = session.user;

  return (
    <Stack>
      <SectionHeader
        title="Team"
        description="People who sign in to this workspace. Members are never deleted, so the history keeps its authors: disable them instead."
        actions={<Button onClick={() => setAdding(true)}>Add member</Button>}
      />
      {members.isPending ? (
        <PageLoader label="Loading the team" />
      ) : members.isError ? (
        <ErrorPanel error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing="xs" aria-label="Team members">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Email</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Access</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((member) => (
                  <MemberRow
                    key={member.id}
                    member={member}
                    me={me}
                    onChange={(change) => update.mutate(change)}
                    onDisable={setDisabling}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" px="md" py="xs">
            {plural(list.filter((m) => !m.disabled).length, 'active member')}
            {list.some((m) => m.disabled) ? `, ${list.filter((m) => m.disabled).length} disabled` : ''}
          </Text>
        </Paper>
      )}
      {adding && <MemberDialog canGrantOwner={me.role === 'owner'} onClose={() => setAdding(false)} />}
      {disabling && (
        <ConfirmDialog
          opened
          title={`Disable ${disabling.name}?`}
          confirmLabel="Disable member"
          danger
          onConfirm={() => {
            update.mutate({ member: disabling, changes: { disabled: true } });
            setDisabling(null);
          }}
          onClose={() => setDisabling(null)}
        >
          <Text size="sm">
            They are signed out everywhere at once and cannot sign in until enabled again. Their notes and
            changes stay in the history.
          </Text>
        </ConfirmDialog>
      )}
    </Stack>
  );
}
