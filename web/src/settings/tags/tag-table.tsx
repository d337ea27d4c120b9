import { Button, ColorSwatch, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { Fragment } from 'react';
import type { Tag } from '../../api/types';
import type { TagGroup } from './group-tags';

/** Props of the tag table. */
export interface TagTableProps {
  groups: TagGroup[];
  /** Admins also merge and delete. */
  isAdmin: boolean;
  onEdit(tag: Tag): void;
  onMerge(tag: Tag): void;
  onDelete(tag: Tag): void;
}

/** Tags grouped under their category, with colour, description and how many contacts carry each. */
export function TagTable({ groups, isAdmin, onEdit, onMerge, onDelete }: TagTableProps) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing={6} highlightOnHover aria-label="Tags">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tag</Table.Th>
            <Table.Th>Description</Table.Th>
            <Table.Th ta="right">Contacts</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {groups.map((group) => (
            <Fragment key={group.category ?? ''}>
              <Table.Tr bg="var(--mantine-color-default-hover)">
                <Table.Th colSpan={4} scope="colgroup">
                  <Group gap={6}>
                    <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                      {group.category ?? 'No category'}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {group.tags.length}
                    </Text>
                  </Group>
                </Table.Th>
              </Table.Tr>
              {group.tags.map((tag) => (
                <Table.Tr key={tag.id} data-tag={tag.name}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <ColorSwatch color={tag.color} size={14} aria-hidden="true" />
                      <Text size="sm" fw={500}>
                        {tag.name}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {tag.description ?? ''}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <Text size="sm" ff="monospace">
                      {tag.contactCount.toLocaleString()}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={2} justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="gray"
                        aria-label={`Edit ${tag.name}`}
                        onClick={() => onEdit(tag)}
                      >
                        Edit
                      </Button>
                      {isAdmin && (
                        <>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="gray"
                            aria-label={`Merge ${tag.name} into another tag`}
                            onClick={() => onMerge(tag)}
                          >
                            Merge
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="subtle"
                            color="red"
                            aria-label={`Delete ${tag.name}`}
                            onClick={() => onDelete(tag)}
                          >
                            Delete
                          </Button>
                        </>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
