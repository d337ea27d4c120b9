import type { Contact } from '../api/types';
import { CellEditor, type EditMove } from './cell-editor';
import type { ListColumn } from './contact-columns';
import { NameEditor, type NameValue } from './name-editor';
import type { CellSave } from './use-quick-edit';

/** Props of the editor of one grid cell. */
export interface GridCellEditorProps {
  contact: Contact;
  column: ListColumn;
  seed?: string;
  defaultCountry: string;
  locale?: string;
  onSave(save: CellSave): void;
  /** The edit ended (saved, unchanged or cancelled); where the focus goes next. */
  onDone(move: EditMove): void;
}

/** The name shown for a contact after its first and last name change (the server derives the same). */
function displayNameOf(value: NameValue, contact: Contact): string {
  return (
    [value.firstName, value.lastName].filter(Boolean).join(' ') ||
    contact.company ||
    contact.email ||
    contact.phone ||
    contact.name
  );
}

/** The right editor for a cell: first and last name for Name, otherwise one value checked by its column's rules. */
export function GridCellEditor({
  contact,
  column,
  seed,
  defaultCountry,
  locale,
  onSave,
  onDone,
}: GridCellEditorProps) {
  if (column.id === 'name')
    return (
      <NameEditor
        contact={contact}
        seed={seed}
        onCancel={() => onDone('stay')}
        onCommit={(value, move) => {
          if (value)
            onSave({
              contactId: contact.id,
              columnId: column.id,
              patch: value,
              apply: (c) => ({ ...c, ...value, name: displayNameOf(value, c) }),
              paths: ['firstName', 'lastName', 'name'],
            });
          onDone(move);
        }}
      />
    );
  const { edit } = column;
  if (!edit) return null;
  return (
    <CellEditor
      contact={contact}
      label={`${column.label} of ${contact.name}`}
      edit={edit}
      seed={seed}
      defaultCountry={defaultCountry}
      locale={locale}
      onCancel={() => onDone('stay')}
      onCommit={(value, move) => {
        if (value !== undefined)
          onSave({
            contactId: contact.id,
            columnId: column.id,
            patch: edit.patchOf(value),
            apply: (c) => edit.apply(c, value),
            paths: [edit.path],
          });
        onDone(move);
      }}
    />
  );
}
