import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Badge, Button, Code, Group, Table, Text, Tooltip } from '@mantine/core';
import type { CustomField } from '../../api/types';
import { FIELD_TYPE_LABELS } from './field-type-labels';

/** Props of one field row. */
export interface SortableFieldRowProps {
  field: CustomField;
  /** Admins get the drag handle, Edit and Delete. */
  canEdit: boolean;
  onEdit(field: CustomField): void;
  onDelete(field: CustomField): void;
}

function typeDetail(field: CustomField): string | null {
  if (field.options.choices?.length) return field.options.choices.join(', ');
  if (field.options.currency) return field.options.currency;
  return null;
}

/** One custom field in the settings table; drag it by its handle (mouse, or Space and arrows). */
export function SortableFieldRow({ field, canEdit, onEdit, onDelete }: SortableFieldRowProps) {
  const sortable = useSortable({ id: field.id, disabled: !canEdit });
  const detail = typeDetail(field);
  const style = {
    transform: CSS.Translate.toString(sortable.transform),
    transition: sortable.transition,
    position: 'relative' as const,
    zIndex: sortable.isDragging ? 2 : undefined,
    background: sortable.isDragging ? 'var(--mantine-color-body)' : undefined,
    boxShadow: sortable.isDragging ? 'var(--mantine-shadow-md)' : undefined,
  };
  return (
    <Table.Tr ref={sortable.setNodeRef} style={style} data-field-key={field.key}>
      {canEdit && (
        <Table.Td w={40}>
          <Tooltip label="Drag, or press Space then arrows to move" openDelay={600}>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Reorder ${field.label}`}
              ref={sortable.setActivatorNodeRef}
              {...sortable.attributes}
              {...sortable.listeners}
              style={{ cursor: sortable.isDragging ? 'grabbing' : 'grab', touchAction: 'none' }}
            >
              <span aria-hidden="true">⠿</span>
            </ActionIcon>
          </Tooltip>
        </Table.Td>
      )}
      <Table.Td>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={500}>
            {field.label}
          </Text>
          {field.required && (
            <Badge size="xs" variant="outline" color="gray">
              Required
            </Badge>
          )}
        </Group>
        {field.description && (
          <Text size="xs" c="dimmed" lineClamp={1}>
            {field.description}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Code>{field.key}</Code>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{FIELD_TYPE_LABELS[field.type]}</Text>
        {detail && (
          <Text size="xs" c="dimmed" lineClamp={1} title={detail}>
            {detail}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={field.group ? undefined : 'dimmed'}>
          {field.group ?? '—'}
        </Text>
      </Table.Td>
      {canEdit && (
        <Table.Td>
          <Group gap={4} justify="flex-end" wrap="nowrap">
            <Button
              size="compact-sm"
              variant="subtle"
              color="gray"
              onClick={() => onEdit(field)}
              aria-label={`Edit ${field.label}`}
            >
              Edit
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={() => onDelete(field)}
              aria-label={`Delete ${field.label}`}
            >
              Delete
            </Button>
          </Group>
        </Table.Td>
      )}
    </Table.Tr>
  );
}
