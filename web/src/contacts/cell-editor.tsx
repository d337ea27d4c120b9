import { NativeSelect, Popover, Text, TextInput } from '@mantine/core';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Contact } from '../api/types';
import { checkDraft } from './cell-draft-check';
import type { CellEdit, CellValue } from './contact-columns';
import classes from './contact-grid.module.css';

/** Where the focus goes after an edit ends: stay on the cell, the next or previous editable cell, or elsewhere. */
export type EditMove = 'stay' | 'next' | 'previous' | 'away';

/** Props of the cell editor. */
export interface CellEditorProps {
  contact: Contact;
  label: string;
  edit: CellEdit;
  /** A first key typed on the cell, which replaces the value. */
  seed?: string;
  defaultCountry: string;
  locale?: string;
  /** Saves a checked value; `undefined` when nothing changed. */
  onCommit(value: CellValue | undefined, move: EditMove): void;
  onCancel(): void;
}

/**
 * The draft an editor opens with: a key typed on a text cell replaces the value; on a select it picks the first
 * choice starting with that key; on a date it is ignored (a date input cannot hold part of a date).
 */
function openingDraft(edit: CellEdit, initial: string, seed: string | undefined): string {
  if (seed === undefined || edit.kind === 'date') return initial;
  if (edit.kind === 'select' || edit.kind === 'boolean') {
    const options = edit.kind === 'boolean' ? ['true', 'false'] : (edit.rules.choices ?? []);
    const wanted = seed.toLowerCase();
    const labels = edit.kind === 'boolean' ? ['yes', 'no'] : options.map((o) => o.toLowerCase());
    const index = labels.findIndex((label) => wanted !== '' && label.startsWith(wanted));
    return seed === '' ? '' : (options[index] ?? initial);
  }
  return seed;
}

const BOOLEAN_OPTIONS = [
  { value: '', label: '—' },
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

/**
 * Edits one value in place: Enter saves, Escape cancels, Tab and Shift+Tab save and move along the row, and
 * leaving the cell saves a valid value. The value is checked as it is typed; the error or a hint of how it will
 * be stored shows just below the cell.
 */
export function CellEditor({
  contact,
  label,
  edit,
  seed,
  defaultCountry,
  locale,
  onCommit,
  onCancel,
}: CellEditorProps) {
  const initial = edit.draftOf(contact);
  const [draft, setDraft] = useState(() => openingDraft(edit, initial, seed));
  const [shown, setShown] = useState(seed !== undefined);
  const done = useRef(false);
  const messageId = useId();
  const check = checkDraft(draft, { ...edit.rules, kind: edit.kind, defaultCountry, locale });
  const error = !check.ok && shown ? check.message : null;
  const hint = check.ok && draft !== initial ? check.hint : undefined;

  const finish = (move: EditMove) => {
    if (done.current) return;
    if (draft === initial) {
      done.current = true;
      onCommit(undefined, move);
      return;
    }
    if (!check.ok) {
      setShown(true);
      if (move === 'away') {
        done.current = true;
        onCancel();
      }
      return;
    }
    done.current = true;
    onCommit(check.value, move);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      finish('stay');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      done.current = true;
      onCancel();
    } else if (event.key === 'Tab') {
      event.preventDefault();
      finish(event.shiftKey ? 'previous' : 'next');
    }
  };

  const common = {
    'aria-label': label,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error || hint ? messageId : undefined,
    size: 'xs' as const,
    autoFocus: true,
    onKeyDown,
    onBlur: () => finish('away'),
    w: '100%',
    error: error ? true : undefined,
  };

  const input =
    edit.kind === 'select' || edit.kind === 'boolean' ? (
      <NativeSelect
        {...common}
        value={draft}
        data={
          edit.kind === 'boolean'
            ? BOOLEAN_OPTIONS
            : [{ value: '', label: '—' }, ...(edit.rules.choices ?? []).map((c) => ({ value: c, label: c }))]
        }
        onChange={(event) => {
          setDraft(event.currentTarget.value);
          setShown(true);
        }}
      />
    ) : (
      <TextInput
        {...common}
        type={edit.kind === 'date' ? 'date' : edit.kind === 'email' ? 'email' : 'text'}
        value={draft}
        onFocus={(event) => {
          if (seed === undefined) event.currentTarget.select();
        }}
        onChange={(event) => {
          setDraft(event.currentTarget.value);
          setShown(true);
        }}
      />
    );

  return (
    <Popover
      opened={Boolean(error || hint)}
      position="bottom-start"
      offset={4}
      withinPortal
      withRoles={false}
      shadow="md"
    >
      <Popover.Target>
        <div style={{ width: '100%' }}>{input}</div>
      </Popover.Target>
      <Popover.Dropdown px="xs" py={4} maw={320}>
        <Text
          id={messageId}
          size="xs"
          c={error ? 'red.8' : undefined}
          className={error ? undefined : classes.muted}
          role={error ? 'alert' : 'status'}
        >
          {error ?? hint}
        </Text>
      </Popover.Dropdown>
    </Popover>
  );
}
