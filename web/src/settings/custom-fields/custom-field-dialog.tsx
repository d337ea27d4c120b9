import {
  Alert,
  Autocomplete,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/api-client';
import type { CustomField, Job } from '../../api/types';
import { queryKeys } from '../../api/workspace-queries';
import type { CustomFieldType } from '../../../../src/shared/custom-field-types';
import { fieldError, formError } from '../shared/form-errors';
import { notifySuccess } from '../shared/notify';
import { ChoiceListEditor } from './choice-list-editor';
import { CURRENCY_OPTIONS } from './currency-options';
import {
  createBodyOf,
  draftOf,
  draftProblems,
  updateBodyOf,
  withLabel,
  type FieldDraft,
} from './field-draft';
import { FIELD_TYPE_OPTIONS, hasChoices } from './field-type-labels';

const FORM_PATHS = ['label', 'key', 'type', 'group', 'description', 'options.choices', 'options.currency'];

/** Props of the custom field dialog. */
export interface CustomFieldDialogProps {
  /** The field to edit; none to create one. */
  field?: CustomField;
  /** Existing groups, suggested in the group input. */
  groups: string[];
  onClose(): void;
}

/** Creates or edits a custom field: label, key (derived, editable on creation), type, group, choices, currency. */
export function CustomFieldDialog({ field, groups, onClose }: CustomFieldDialogProps) {
  const creating = !field;
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<FieldDraft>(() => draftOf(field));
  const [showProblems, setShowProblems] = useState(false);
  const problems = draftProblems(draft, creating);
  const set = (changes: Partial<FieldDraft>) => setDraft((current) => ({ ...current, ...changes }));

  const save = useMutation({
    mutationFn: () =>
      field
        ? api.patch<CustomField & { job?: Job }>(`/custom-fields/${field.id}`, updateBodyOf(draft))
        : api.post<CustomField>('/custom-fields', createBodyOf(draft)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.customFields });
      const clearing = 'job' in saved && saved.job ? ' Values of removed choices are being cleared.' : '';
      notifySuccess(`${creating ? 'Created' : 'Saved'} “${saved.label}” (${saved.key}).${clearing}`);
      onClose();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShowProblems(true);
    if (Object.keys(problems).length === 0) save.mutate();
  };
  const errorOf = (path: string) =>
    (showProblems ? problems[path] : undefined) ?? fieldError(save.error, path);
  const topError = formError(save.error, FORM_PATHS);

  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': 'Close' }}
      title={creating ? 'New custom field' : `Edit “${field.label}”`}
      size="lg"
      centered
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {topError && (
            <Alert color="red" role="alert">
              {topError}
            </Alert>
          )}
          <SimpleGrid cols={2}>
            <TextInput
              label="Label"
              description="What people see on contacts"
              required
              data-autofocus
              maxLength={100}
              value={draft.label}
              onChange={(event) => setDraft(withLabel(draft, event.currentTarget.value))}
              error={errorOf('label')}
            />
            <TextInput
              label="Key"
              description={creating ? 'Used by the API, filters and imports' : 'The key never changes'}
              value={draft.key}
              readOnly={!creating}
              disabled={!creating}
              maxLength={64}
              placeholder="derived from the label"
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              onChange={(event) => set({ key: event.currentTarget.value, keyEdited: true })}
              error={errorOf('key')}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select
              label="Type"
              description={
                creating ? 'How values are checked and edited' : 'Changes only while no contact has a value'
              }
              data={FIELD_TYPE_OPTIONS}
              value={draft.type}
              onChange={(value) => value && set({ type: value as CustomFieldType })}
              allowDeselect={false}
              searchable
              maxDropdownHeight={320}
              comboboxProps={{ withinPortal: true }}
              error={errorOf('type')}
            />
            <Autocomplete
              label="Group"
              description="A heading on the profile, such as E-commerce"
              data={groups}
              value={draft.group}
              maxLength={100}
              onChange={(group) => set({ group })}
              comboboxProps={{ withinPortal: true }}
              error={errorOf('group')}
            />
          </SimpleGrid>
          {hasChoices(draft.type) && (
            <ChoiceListEditor
              choices={draft.choices}
              onChange={(choices) => set({ choices })}
              error={errorOf('options.choices')}
              warning={
                creating
                  ? undefined
                  : 'Removing or renaming a choice clears it from the contacts that hold it.'
              }
            />
          )}
          {draft.type === 'currency' && (
            <Select
              label="Currency"
              description="Amounts are shown with its symbol"
              data={CURRENCY_OPTIONS}
              value={draft.currency}
              onChange={(value) => value && set({ currency: value })}
              allowDeselect={false}
              searchable
              comboboxProps={{ withinPortal: true }}
              error={errorOf('options.currency')}
            />
          )}
          <Textarea
            label="Description"
            description="Help text shown with the field"
            autosize
            minRows={2}
            maxRows={5}
            maxLength={500}
            value={draft.description}
            onChange={(event) => set({ description: event.currentTarget.value })}
            error={errorOf('description')}
          />
          <Switch
            label="Required"
            description="New contacts need a value, and a value cannot be cleared"
            checked={draft.required}
            onChange={(event) => set({ required: event.currentTarget.checked })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {creating ? 'Create field' : 'Save field'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
