import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { Table, VisuallyHidden } from '@mantine/core';
import type { CustomField } from '../../api/types';
import { restrictToVerticalAxis } from './restrict-to-vertical-axis';
import { SortableFieldRow } from './sortable-field-row';
import { useReorderFields } from './use-reorder-fields';

/** Props of the custom field table. */
export interface CustomFieldTableProps {
  fields: CustomField[];
  canEdit: boolean;
  onEdit(field: CustomField): void;
  onDelete(field: CustomField): void;
}

function announcementsFor(fields: CustomField[]): Announcements {
  const labelOf = (id: string | number) => fields.find((f) => f.id === id)?.label ?? 'field';
  const positionOf = (id: string | number) => fields.findIndex((f) => f.id === id) + 1;
  return {
    onDragStart: ({ active }) =>
      `Picked up ${labelOf(active.id)}, position ${positionOf(active.id)} of ${fields.length}.`,
    onDragOver: ({ active, over }) =>
      over ? `${labelOf(active.id)} is at position ${positionOf(over.id)} of ${fields.length}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over
        ? `${labelOf(active.id)} dropped at position ${positionOf(over.id)} of ${fields.length}.`
        : undefined,
    onDragCancel: ({ active }) => `Moving ${labelOf(active.id)} was cancelled.`,
  };
}

const INSTRUCTIONS =
  'To reorder a field, press Space on its handle, move it with the Up and Down arrows, and press Space to drop it or Escape to cancel.';

/** The custom fields in display order; admins reorder them by dragging the handle or with the keyboard. */
export function CustomFieldTable({ fields, canEdit, onEdit, onDelete }: CustomFieldTableProps) {
  const reorder = useReorderFields();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = fields.findIndex((f) => f.id === active.id);
    const to = fields.findIndex((f) => f.id === over.id);
    if (from >= 0 && to >= 0) reorder.mutate(arrayMove(fields, from, to));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      modifiers={[restrictToVerticalAxis]}
      onDragEnd={onDragEnd}
      accessibility={{
        announcements: announcementsFor(fields),
        screenReaderInstructions: { draggable: INSTRUCTIONS },
      }}
    >
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" highlightOnHover aria-label="Custom fields">
          <Table.Thead>
            <Table.Tr>
              {canEdit && (
                <Table.Th w={40}>
                  <VisuallyHidden>Order</VisuallyHidden>
                </Table.Th>
              )}
              <Table.Th>Label</Table.Th>
              <Table.Th>Key</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Group</Table.Th>
              {canEdit && (
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <SortableContext items={fields.map((f) => f.id)} strategy={verticalListSortingStrategy}>
              {fields.map((field) => (
                <SortableFieldRow
                  key={field.id}
                  field={field}
                  canEdit={canEdit}
                  onEdit={onEdit}
                  onDelete={onDelete}
                />
              ))}
            </SortableContext>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </DndContext>
  );
}
