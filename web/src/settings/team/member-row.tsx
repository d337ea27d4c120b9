import { Badge, Button, Group, Select, Table, Text } from '@mantine/core';
import type { User } from '../../api/types';
import { roleOptions, type Role } from '../shared/roles';
import type { MemberChange } from './use-update-member';

/** Props of one member row. */
export interface MemberRowProps {
  member: User;
  /** The signed-in member. */
  me: User;
  onChange(change: MemberChange): void;
  onDisable(member: User): void;
}

/** Why the signed-in member cannot change this member, if they cannot. */
function lockReason(member: User, me: User): string | null {
  if (member.id === me.id) return 'This is you';
  if (member.role === 'owner' && me.role !== 'owner') return 'Only owners change owners';
  return null;
}

/** One team member: name, email, role (changeable), status and access. */
export function MemberRow({ member, me, onChange, onDisable }: MemberRowProps) {
  const locked = lockReason(member, me);
  return (
    <Table.Tr data-member={member.email}>
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500} c={member.disabled ? 'dimmed' : undefined}>
            {member.name}
          </Text>
          {member.id === me.id && (
            <Badge size="xs" variant="light">
              You
            </Badge>
          )}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={member.disabled ? 'dimmed' : undefined}>
          {member.email}
        </Text>
      </Table.Td>
      <Table.Td w={150}>
        <Select
          aria-label={`Role of ${member.name}`}
          size="xs"
          data={roleOptions(me.role === 'owner' || member.role === 'owner')}
          value={member.role}
          allowDeselect={false}
          disabled={locked !== null}
          onChange={(role) =>
            role && role !== member.role && onChange({ member, changes: { role: role as Role } })
          }
          comboboxProps={{ withinPortal: true }}
        />
      </Table.Td>
      <Table.Td>
        {member.disabled ? (
          <Badge color="gray" variant="outline">
            Disabled
          </Badge>
        ) : (
          <Badge color="teal" variant="light">
            Active
          </Badge>
        )}
      </Table.Td>
      <Table.Td ta="right">
        {locked ? (
          <Text size="xs" c="dimmed">
            {locked}
          </Text>
        ) : member.disabled ? (
          <Button
            size="compact-sm"
            variant="subtle"
            aria-label={`Enable ${member.name}`}
            onClick={() => onChange({ member, changes: { disabled: false } })}
          >
            Enable
          </Button>
        ) : (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            aria-label={`Disable ${member.name}`}
            onClick={() => onDisable(member)}
          >
            Disable
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
