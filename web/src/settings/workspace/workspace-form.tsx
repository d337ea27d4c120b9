import { Alert, Button, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { api } from '../../api/api-client';
import type { Workspace } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { BUILT_IN_NOTE_TYPES } from '../../../../src/shared/workspace-schemas';
import { fieldError, formError } from '../shared/form-errors';
import { notifySuccess } from '../shared/notify';
import { countryName, countryOptions } from './country-options';
import { NoteTypesInput, noteTypesProblem } from './note-types-input';
import { WORKSPACE_QUERY_KEY } from './workspace-query';

/** Props of the workspace form. */
export interface WorkspaceFormProps {
  workspace: Workspace;
  /** Admins and owners save; agents see the settings read-only. */
  canEdit: boolean;
}

const customTypesOf = (workspace: Workspace) =>
  workspace.noteTypes.filter((type) => !(BUILT_IN_NOTE_TYPES as readonly string[]).includes(type));

/** Edits the workspace's name, default country and note types; refreshes the session after saving. */
export function WorkspaceForm({ workspace, canEdit }: WorkspaceFormProps) {
  const queryClient = useQueryClient();
  const { refresh } = useSession();
  const countries = useMemo(countryOptions, []);
  const [name, setName] = useState(workspace.name);
  const [country, setCountry] = useState(workspace.defaultCountry);
  const [noteTypes, setNoteTypes] = useState(customTypesOf(workspace));
  const dirty =
    name !== workspace.name ||
    country !== workspace.defaultCountry ||
    noteTypes.join('\n') !== customTypesOf(workspace).join('\n');
  const typesProblem = noteTypesProblem(noteTypes);

  const save = useMutation({
    mutationFn: () =>
      api.patch<Workspace>('/workspace', {
        name: name.trim(),
        defaultCountry: country,
        noteTypes,
      }),
    onSuccess: async (saved) => {
      await refresh();
      queryClient.setQueryData(WORKSPACE_QUERY_KEY, saved);
      notifySuccess(
        `Saved. Phone numbers typed without a country code are now read as ${countryName(saved.defaultCountry)}.`,
      );
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!typesProblem && name.trim()) save.mutate();
  };
  const reset = () => {
    setName(workspace.name);
    setCountry(workspace.defaultCountry);
    setNoteTypes(customTypesOf(workspace));
    save.reset();
  };
  const topError = formError(save.error, ['name', 'defaultCountry', 'noteTypes']);

  return (
    <Paper withBorder p="lg" mt="md" component="form" onSubmit={submit} noValidate maw={640}>
      <Stack>
        {!canEdit && (
          <Alert color="blue" role="status">
            Only admins can change workspace settings.
          </Alert>
        )}
        {topError && (
          <Alert color="red" role="alert">
            {topError}
          </Alert>
        )}
        <TextInput
          label="Workspace name"
          required
          maxLength={200}
          readOnly={!canEdit}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={name.trim() ? fieldError(save.error, 'name') : 'Give the workspace a name'}
        />
        <Select
          label="Default country"
          description="Phone numbers typed without a country code (no +) are read as numbers of this country."
          data={countries}
          value={country}
          onChange={(value) => value && setCountry(value)}
          searchable
          allowDeselect={false}
          readOnly={!canEdit}
          nothingFoundMessage="No country has this name"
          maxDropdownHeight={300}
          comboboxProps={{ withinPortal: true }}
          error={fieldError(save.error, 'defaultCountry')}
        />
        <NoteTypesInput
          value={noteTypes}
          onChange={setNoteTypes}
          readOnly={!canEdit}
          error={typesProblem ?? fieldError(save.error, 'noteTypes')}
        />
        {canEdit && (
          <Group justify="flex-end">
            <Button variant="default" onClick={reset} disabled={!dirty || save.isPending}>
              Discard changes
            </Button>
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              Save workspace
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
