import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useState, type KeyboardEvent } from 'react';
import { noteTypeLabel } from './note-type-label';

/** Props of the note editor. */
export interface NoteEditorProps {
  noteTypes: string[];
  initialType: string;
  initialBody?: string;
  /** Label of the text area ("New note", "Edit note"). */
  label: string;
  submitLabel: string;
  /** Saves; resolves true when saved (the editor then clears or closes). */
  onSubmit(type: string, body: string): Promise<boolean>;
  onCancel?: () => void;
  autoFocus?: boolean;
  busy: boolean;
  error?: string | null;
}

/** Type and Markdown body of a note; Ctrl+Enter (⌘+Enter) saves, Escape cancels. */
export function NoteEditor({
  noteTypes,
  initialType,
  initialBody = '',
  label,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus,
  busy,
  error,
}: NoteEditorProps) {
  const [type, setType] = useState(initialType);
  const [body, setBody] = useState(initialBody);
  const types = noteTypes.includes(type) ? noteTypes : [type, ...noteTypes];
  const submit = async () => {
    if (!body.trim() || busy) return;
    if ((await onSubmit(type, body)) && !onCancel) setBody('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Textarea
        label={label}
        placeholder="What happened? Markdown works: **bold**, lists, links."
        description="Private to your team. Ctrl+Enter to save."
        autosize
        minRows={2}
        maxRows={12}
        value={body}
        onChange={(event) => setBody(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        autoFocus={autoFocus}
        error={error}
        maxLength={20000}
      />
      <Group justify="space-between" gap="xs">
        <Select
          aria-label="Note type"
          data={types.map((value) => ({ value, label: noteTypeLabel(value) }))}
          value={type}
          onChange={(next) => next && setType(next)}
          allowDeselect={false}
          size="xs"
          w={150}
          comboboxProps={{ withinPortal: true }}
        />
        <Group gap="xs">
          {onCancel && (
            <Button variant="default" size="xs" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" size="xs" loading={busy} disabled={!body.trim()}>
            {submitLabel}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}
