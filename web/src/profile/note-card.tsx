import { Badge, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ApiError, messageOf } from '../api/api-error';
import type { Note } from '../api/types';
import { NoteEditor } from './note-editor';
import { NoteMarkdown } from './note-markdown';
import { noteTypeLabel } from './note-type-label';
import type { useNoteActions } from './notes-queries';
import { TimeAgo } from './time-ago';

/** Props of one note. */
export interface NoteCardProps {
  note: Note;
  authorName: string;
  /** The author and admins may edit and delete; everyone may pin. */
  canEdit: boolean;
  noteTypes: string[];
  actions: ReturnType<typeof useNoteActions>;
}

/** A note with its type, author and time; pin, edit in place and delete (after a confirmation). */
export function NoteCard({ note, authorName, canEdit, noteTypes, actions }: NoteCardProps) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [editError, setEditError] = useState<string | null>(null);
  const typeLabel = noteTypeLabel(note.type);
  const pinBusy = actions.update.isPending && actions.update.variables?.note.id === note.id;

  const saveEdit = async (type: string, body: string) => {
    setEditError(null);
    try {
      await actions.update.mutateAsync({ note, changes: { type, body } });
      setEditing(false);
      return true;
    } catch (error) {
      setEditError(
        error instanceof ApiError && error.code === 'version_conflict'
          ? 'Someone else edited this note meanwhile. Cancel to see their version, then edit again.'
          : messageOf(error),
      );
      return false;
    }
  };

  return (
    <Paper
      component="article"
      aria-label={`${typeLabel} note by ${authorName}${note.pinned ? ', pinned' : ''}`}
      withBorder
      p="sm"
      radius="md"
      style={note.pinned ? { borderLeft: '3px solid var(--mantine-color-yellow-6)' } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Group gap={6} wrap="wrap">
            <Badge variant="default" size="sm" tt="none">
              {typeLabel}
            </Badge>
            {note.pinned && (
              <Badge variant="filled" color="yellow.3" autoContrast size="sm" tt="none">
                Pinned
              </Badge>
            )}
            <Text size="xs">
              <Text span size="xs" fw={600}>
                {authorName}
              </Text>{' '}
              · <TimeAgo iso={note.createdAt} />
            </Text>
            {note.edited && (
              <Text size="xs" c="dimmed" title={`Edited ${new Date(note.updatedAt).toLocaleString()}`}>
                · edited
              </Text>
            )}
          </Group>
          {!editing && (
            <Group gap={2} wrap="nowrap">
              <Button
                size="compact-xs"
                variant="subtle"
                color="gray"
                loading={pinBusy}
                onClick={() => actions.update.mutate({ note, changes: { pinned: !note.pinned } })}
              >
                {note.pinned ? 'Unpin' : 'Pin'}
              </Button>
              {canEdit && (
                <>
                  <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setEditing(true)}>
                    Edit
                  </Button>
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={() => {
                      actions.remove.reset();
                      setConfirming(true);
                    }}
                  >
                    Delete
                  </Button>
                </>
              )}
            </Group>
          )}
        </Group>
        {editing ? (
          <NoteEditor
            noteTypes={noteTypes}
            initialType={note.type}
            initialBody={note.body}
            label="Edit note"
            submitLabel="Save note"
            onSubmit={saveEdit}
            onCancel={() => {
              setEditing(false);
              setEditError(null);
            }}
            autoFocus
            busy={actions.update.isPending}
            error={editError}
          />
        ) : (
          <NoteMarkdown body={note.body} />
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title="Delete this note?"
        centered
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        <Stack>
          <Text size="sm">
            The {typeLabel.toLowerCase()} note by {authorName} will be deleted for the whole team. This cannot
            be undone.
          </Text>
          {actions.remove.isError && (
            <Text size="sm" c="red" role="alert">
              {messageOf(actions.remove.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              Cancel
            </Button>
            <Button
              color="red"
              loading={actions.remove.isPending}
              onClick={() => actions.remove.mutate(note, { onSuccess: () => setConfirming(false) })}
            >
              Delete note
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
