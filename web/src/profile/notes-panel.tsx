import { Badge, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { messageOf } from '../api/api-error';
import { useMembers } from '../api/workspace-queries';
import { useSession } from '../auth/session-context';
import { ErrorPanel } from '../ui/error-panel';
import { NoteCard } from './note-card';
import { NoteEditor } from './note-editor';
import { useNoteActions, useNotes } from './notes-queries';

/** The contact's private team notes: write one with a type, pin, edit, delete; pinned first. */
export function NotesPanel({ contactId }: { contactId: string }) {
  const { session, isAdmin } = useSession();
  const notes = useNotes(contactId);
  const members = useMembers();
  const actions = useNoteActions(contactId);
  const noteTypes = session.workspace.noteTypes.length ? session.workspace.noteTypes : ['general'];
  const authorName = (authorId: string | null) => {
    if (!authorId) return 'API key';
    if (authorId === session.user.id) return session.user.name;
    return members.data?.find((member) => member.id === authorId)?.name ?? 'A former member';
  };
  const add = async (type: string, body: string) => {
    try {
      await actions.create.mutateAsync({ type, body });
      return true;
    } catch {
      return false;
    }
  };
  return (
    <Paper component="section" withBorder p="md" radius="md" aria-labelledby="notes-heading">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="notes-heading">
            Notes
          </Title>
          {notes.data && notes.data.length > 0 && (
            <Badge variant="default" size="sm" aria-label={`${notes.data.length} notes`}>
              {notes.data.length}
            </Badge>
          )}
        </Group>
        <NoteEditor
          noteTypes={noteTypes}
          initialType={noteTypes[0] ?? 'general'}
          label="New note"
          submitLabel="Add note"
          onSubmit={add}
          busy={actions.create.isPending}
          error={actions.create.isError ? messageOf(actions.create.error) : null}
        />
        {notes.isPending && <Skeleton h={60} radius="md" />}
        {notes.isError && (
          <ErrorPanel
            title="Notes could not be loaded"
            error={notes.error}
            onRetry={() => void notes.refetch()}
          />
        )}
        {notes.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            No notes yet. Write what the team should know about this contact: calls, promises, preferences.
          </Text>
        )}
        {notes.data?.map((note) => (
          <NoteCard
            key={note.id}
            note={note}
            authorName={authorName(note.authorId)}
            canEdit={isAdmin || note.authorId === session.user.id}
            noteTypes={noteTypes}
            actions={actions}
          />
        ))}
      </Stack>
    </Paper>
  );
}
